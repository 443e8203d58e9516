import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn, execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { YlcError } from './errors.js';
import { makeOutputDirectory, temporaryName, writeFileAtomic } from './atomic-write.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ylc-atomic-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const bytes = (text: string) => new TextEncoder().encode(text);
function errorOf(f: () => void): YlcError {
  try {
    f();
  } catch (e) {
    if (e instanceof YlcError) return e;
    throw e;
  }
  throw new Error('expected a YlcError');
}

describe('writeFileAtomic', () => {
  it('writes the chunks in order, durably or not, and leaves no temporary file', () => {
    const file = path.join(dir, 'a.bin');
    writeFileAtomic(file, [bytes('ab'), bytes(''), bytes('cd')]);
    expect(fs.readFileSync(file, 'utf8')).toBe('abcd');
    writeFileAtomic(file, [bytes('xyz')], { durable: true });
    expect(fs.readFileSync(file, 'utf8')).toBe('xyz');
    expect(fs.readdirSync(dir)).toEqual(['a.bin']);
  });

  it('keeps the previous file whole when producing the bytes fails half-way, and removes the temporary one', () => {
    const file = path.join(dir, 'keep.bin');
    fs.writeFileSync(file, 'previous');
    function* failing(): Generator<Uint8Array> {
      yield bytes('partial');
      throw new YlcError('bad-model', 'the encoder failed');
    }
    expect(errorOf(() => writeFileAtomic(file, failing())).message).toBe('the encoder failed');
    expect(fs.readFileSync(file, 'utf8')).toBe('previous');
    expect(fs.existsSync(temporaryName(file))).toBe(false);
  });

  it('runs beforeRename after the bytes are written, and a failure there keeps the previous file', () => {
    const file = path.join(dir, 'b.bin');
    fs.writeFileSync(file, 'old');
    const seen: string[] = [];
    writeFileAtomic(file, [bytes('new')], { beforeRename: () => seen.push(fs.readFileSync(temporaryName(file), 'utf8')) });
    expect(seen).toEqual(['new']);
    const error = errorOf(() =>
      writeFileAtomic(file, [bytes('newer')], {
        beforeRename: () => {
          throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        },
      }),
    );
    expect(error.message).toBe(`cannot write ${file}: permission denied`);
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
    expect(fs.existsSync(temporaryName(file))).toBe(false);
  });

  it('names the file in one line when its directory is missing or it is a directory', () => {
    const missing = path.join(dir, 'no', 'x.bin');
    const e1 = errorOf(() => writeFileAtomic(missing, [bytes('x')]));
    expect(e1.code).toBe('bad-output');
    expect(e1.message).toBe(`cannot write ${missing}: directory ${path.join(dir, 'no')} does not exist`);
    fs.mkdirSync(path.join(dir, 'sub'));
    expect(errorOf(() => writeFileAtomic(path.join(dir, 'sub'), [bytes('x')])).message).toMatch(/^cannot write .*sub: /);
    expect(fs.statSync(path.join(dir, 'sub')).isDirectory()).toBe(true);
  });
});

describe('writeFileAtomic on special files', () => {
  it('writes into a FIFO (as into /dev/null) instead of replacing it with a regular file', async () => {
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const out = path.join(dir, 'from-pipe.txt');
    const reader = spawn('sh', ['-c', `cat "${fifo}" > "${out}"`]);
    const done = new Promise((resolve) => reader.on('exit', resolve));
    writeFileAtomic(fifo, [bytes('through '), bytes('the pipe')], { durable: true });
    await done;
    expect(fs.readFileSync(out, 'utf8')).toBe('through the pipe');
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
    fs.rmSync(fifo);
    fs.rmSync(out);
  });
});

describe('makeOutputDirectory', () => {
  it('creates missing parents, accepts an existing directory, and names what is in the way', () => {
    const nested = path.join(dir, 'm', 'n', 'o');
    makeOutputDirectory(nested);
    makeOutputDirectory(nested);
    expect(fs.statSync(nested).isDirectory()).toBe(true);
    const file = path.join(dir, 'plain.txt');
    fs.writeFileSync(file, 'x');
    expect(errorOf(() => makeOutputDirectory(file)).message).toBe(`cannot create ${file}: a file of that name exists`);
    expect(errorOf(() => makeOutputDirectory(path.join(file, 'sub'))).message).toBe(`cannot create ${path.join(file, 'sub')}: ${file} is not a directory`);
    fs.rmSync(path.join(dir, 'm'), { recursive: true });
    fs.rmSync(file);
  });

  it.runIf(fs.existsSync('/proc/self'))('returns with one line on a file system that takes no directories (/proc), where mkdir -p never returns', () => {
    expect(errorOf(() => makeOutputDirectory('/proc/ylc-no-such/dir')).message).toBe('cannot create /proc/ylc-no-such/dir: the file system takes no new directories in /proc');
    expect(errorOf(() => writeFileAtomic('/proc/ylc-no-such.onnx', [bytes('x')])).message).toBe('cannot write /proc/ylc-no-such.onnx: cannot create files in /proc');
  });
});
