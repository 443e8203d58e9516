/**
 * Atomic file output, shared by every writer (models, external data, weights, checkpoints,
 * configs): the bytes go to a temporary file beside the target, which is renamed over it only when
 * every byte is written. A failed write therefore never leaves a half-written file and never
 * clobbers the previous one; the temporary file is removed. Errors are one-line `bad-output`
 * YlcErrors naming the target.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { YlcError } from './errors.js';

export interface AtomicWriteOptions {
  /** Flush the file to the disk before the rename (checkpoints: survive a power cut, not just a crash). */
  durable?: boolean;
  /** Runs after the bytes are written and before the rename (e.g. renaming a companion file into place first). */
  beforeRename?: () => void;
}

/** The temporary name `writeFileAtomic` writes to, beside `file` (hidden, unique to this process). */
export function temporaryName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
}

/** Fails with the one-line error when `file`'s directory does not exist. */
export function checkOutputDirectory(file: string): void {
  const dir = path.dirname(path.resolve(file));
  let ok = false;
  try {
    ok = fs.statSync(dir).isDirectory();
  } catch {
    ok = false;
  }
  if (!ok) throw new YlcError('bad-output', `cannot write ${file}: directory ${path.dirname(file)} does not exist`);
}

/**
 * Writes `chunks` in order (one at a time: the whole file never has to be in memory) to a
 * temporary file beside `file`, then renames it into place.
 */
export function writeFileAtomic(file: string, chunks: Iterable<Uint8Array>, options: AtomicWriteOptions = {}): void {
  checkOutputDirectory(file);
  const temp = temporaryName(file);
  try {
    writeChunksTo(temp, chunks, options.durable ?? false);
    options.beforeRename?.();
    fs.renameSync(temp, file);
  } catch (e) {
    removeQuietly(temp);
    if (e instanceof YlcError) throw e;
    throw new YlcError('bad-output', `cannot write ${file}: ${describeIoError(e)}`, { cause: e });
  }
}

/** Writes `chunks` to `file` in place (no rename); callers make it atomic by writing a temporary name. */
export function writeChunksTo(file: string, chunks: Iterable<Uint8Array>, durable = false): void {
  const fd = fs.openSync(file, 'w');
  try {
    for (const chunk of chunks) {
      let done = 0;
      while (done < chunk.byteLength) done += fs.writeSync(fd, chunk, done, chunk.byteLength - done);
    }
    if (durable) fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** An fs error in a few words for a one-line message. */
export function describeIoError(e: unknown): string {
  switch ((e as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'its directory does not exist';
    case 'EISDIR':
      return 'it is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'no space left on device';
    case 'EROFS':
      return 'read-only file system';
    default:
      return (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message.split('\n')[0]! : String(e));
  }
}

/** Removes `file` if it exists (a temporary file already renamed, or never created, is fine). */
export function removeQuietly(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // already renamed or never created
  }
}
