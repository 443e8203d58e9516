/**
 * File access shared by the weight readers and writers: whole-file reads with one-line `io`
 * errors, and atomic writes (a temporary file beside the target, renamed over it), so a failed
 * write never leaves a half-written file and never clobbers the previous one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { YlcError } from '../../ir/errors.js';

/** Reads a whole file. Works past the 2 GiB limit of `fs.readFileSync` by reading in chunks. */
export function readFileBytes(file: string): Uint8Array {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    throw ioError(file, e);
  }
  try {
    const size = fs.fstatSync(fd).size;
    const out = new Uint8Array(size);
    const chunk = 1 << 30;
    let done = 0;
    while (done < size) {
      const n = fs.readSync(fd, out, done, Math.min(chunk, size - done), done);
      if (n === 0) throw new YlcError('io', `cannot read ${file}: it ended at byte ${done} of ${size} while being read`);
      done += n;
    }
    return out;
  } catch (e) {
    if (e instanceof YlcError) throw e;
    throw ioError(file, e);
  } finally {
    fs.closeSync(fd);
  }
}

function ioError(file: string, e: unknown): YlcError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new YlcError('io', `cannot read ${file}: no such file; check the path`, { cause: e });
  if (code === 'EISDIR') return new YlcError('io', `cannot read ${file}: it is a directory; pass a weights file`, { cause: e });
  if (code === 'EACCES' || code === 'EPERM') {
    return new YlcError('io', `cannot read ${file}: permission denied`, { cause: e });
  }
  return new YlcError('io', `cannot read ${file}: ${code ?? String(e)}`, { cause: e });
}

/**
 * Writes `chunks` in order to `file` through a temporary file in the same directory, then renames
 * it into place. Chunks are written one by one, so the whole file never has to exist in memory.
 */
export function writeFileAtomic(file: string, chunks: Iterable<Uint8Array>): void {
  const dir = path.dirname(path.resolve(file));
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number;
  try {
    fd = fs.openSync(temp, 'w');
  } catch (e) {
    throw outputError(file, e);
  }
  try {
    try {
      for (const chunk of chunks) {
        let done = 0;
        while (done < chunk.byteLength) done += fs.writeSync(fd, chunk, done, chunk.byteLength - done);
      }
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (e) {
    try {
      fs.unlinkSync(temp);
    } catch {
      // The temporary file may already be gone; the original error is the one that matters.
    }
    if (e instanceof YlcError || !(e as NodeJS.ErrnoException).code) throw e;
    throw outputError(file, e);
  }
}

function outputError(file: string, e: unknown): YlcError {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'its directory does not exist' : code === 'EACCES' ? 'permission denied' : (code ?? String(e));
  return new YlcError('bad-output', `cannot write ${file}: ${why}`, { cause: e });
}
