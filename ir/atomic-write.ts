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

/** Whether `file` exists and is a device, FIFO or socket: written to in place, never replaced. */
function isSpecialFile(file: string): boolean {
  try {
    const st = fs.statSync(file);
    return !st.isFile() && !st.isDirectory();
  } catch {
    return false;
  }
}

/**
 * Writes `chunks` in order (one at a time: the whole file never has to be in memory) to a
 * temporary file beside `file`, then renames it into place. A device, FIFO or socket (`-o
 * /dev/null`) is written to directly instead: a rename would replace the device node itself.
 */
export function writeFileAtomic(file: string, chunks: Iterable<Uint8Array>, options: AtomicWriteOptions = {}): void {
  checkOutputDirectory(file);
  const special = isSpecialFile(file);
  const temp = special ? file : temporaryName(file);
  try {
    writeChunksTo(temp, chunks, (options.durable ?? false) && !special);
    options.beforeRename?.();
    if (!special) fs.renameSync(temp, file);
  } catch (e) {
    if (!special) removeQuietly(temp);
    if (e instanceof YlcError) throw e;
    // The directory exists (checked above): ENOENT here is a file system that takes no new files (/proc).
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? `cannot create files in ${path.dirname(file)}` : describeIoError(e);
    throw new YlcError('bad-output', `cannot write ${file}: ${why}`, { cause: e });
  }
}

/**
 * Creates `dir` and its missing parents (mkdir -p) with one-line errors. Not fs.mkdirSync's
 * `recursive`, which never returns on some pseudo file systems (/proc).
 */
export function makeOutputDirectory(dir: string): void {
  const missing: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(d);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new YlcError('bad-output', `cannot create ${dir}: ${describeIoError(e)}`, { cause: e });
    }
    if (st) {
      if (!st.isDirectory()) throw new YlcError('bad-output', `cannot create ${dir}: ${d === path.resolve(dir) ? 'a file of that name exists' : `${d} is not a directory`}`);
      break;
    }
    missing.push(d);
    if (path.dirname(d) === d) break;
  }
  for (const d of missing.reverse()) {
    try {
      fs.mkdirSync(d);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && fs.statSync(d).isDirectory()) continue;
      const why = code === 'ENOENT' ? `the file system takes no new directories in ${path.dirname(d)}` : describeIoError(e);
      throw new YlcError('bad-output', `cannot create ${dir}: ${why}`, { cause: e });
    }
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
