/**
 * Whole-file reads for the weight readers, with one-line `io` errors. (Writers use
 * ir/atomic-write.ts.)
 */
import * as fs from 'node:fs';
import { YlcError } from '../../ir/errors.js';
import { notRegularFile } from '../../ir/serde/index.js';

/** Reads a whole file. Works past the 2 GiB limit of `fs.readFileSync` by reading in chunks. */
export function readFileBytes(file: string): Uint8Array {
  let fd: number;
  try {
    // Opening a FIFO waits for a writer, and a device never ends: refuse both before opening.
    const stat = fs.statSync(file);
    if (!stat.isFile() && !stat.isDirectory()) throw new YlcError('io', `cannot read ${file}: ${notRegularFile(stat)}`);
    fd = fs.openSync(file, 'r');
  } catch (e) {
    if (e instanceof YlcError) throw e;
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
