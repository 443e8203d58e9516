/**
 * Hostile and broken input files through the binary: external data that points outside the
 * model's directory, outputs that would overwrite the weights a model still reads, tensors that
 * declare more data than they hold, and paths that are not regular files. Each is one line on
 * stderr, a non-zero exit, nothing written and no input damaged; none may hang.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onnx } from '../ir/serde/proto.js';
import { execFileSync, spawnSync } from 'node:child_process';
import { BIN, assertBuilt, ylcIn, type CliResult } from './util/cli.js';

let dir: string;
let models: string;
let ylc: (...args: string[]) => CliResult;

const vi = (name: string, dims: number[]): onnx.ValueInfoProto.$Properties => ({
  name,
  type: { tensorType: { elemType: 1, shape: { dim: dims.map((dimValue) => ({ dimValue })) } } },
});

/** y = Identity(w) with `w` a float[3,4,3,3] initializer stored as given. */
function identityModel(w: onnx.TensorProto.$Properties): Uint8Array {
  return onnx.ModelProto.encode({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 17 }],
    graph: {
      name: 'g',
      initializer: [{ name: 'w', dims: [3, 4, 3, 3], dataType: 1, ...w }],
      node: [{ opType: 'Identity', name: 'id', input: ['w'], output: ['y'] }],
      output: [vi('y', [3, 4, 3, 3])],
    },
  }).finish();
}

function external(location: string, length = '432'): onnx.TensorProto.$Properties {
  return {
    dataLocation: onnx.TensorProto.DataLocation.EXTERNAL,
    externalData: [{ key: 'location', value: location }, { key: 'offset', value: '0' }, { key: 'length', value: length }],
  };
}

/** Runs ylc in `models` and checks the bad-input contract: status 1, one line, nothing written. */
function refused(args: string[], message: string): void {
  const before = fs.readdirSync(models).sort();
  const r = ylc(...args);
  expect(r.stderr).toBe(`${message}\n`);
  expect(r.status).toBe(1);
  expect(r.stdout).toBe('');
  expect(fs.readdirSync(models).sort()).toEqual(before);
}

/** ylc in `models`, killed after `seconds` (a hang is a failure, not a stuck test run). */
function ylcWithin(seconds: number, ...args: string[]): CliResult & { timedOut: boolean } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: models, encoding: 'utf8', timeout: seconds * 1000, killSignal: 'SIGKILL' });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, timedOut: r.signal === 'SIGKILL' };
}

beforeAll(() => {
  assertBuilt();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ylc-bad-files-'));
  models = path.join(dir, 'models');
  fs.mkdirSync(models);
  ylc = ylcIn(models);
  // A file beside the model directory, large enough to pass for the weights.
  fs.writeFileSync(path.join(dir, 'secret.bin'), Buffer.alloc(4096, 0x5a));
  fs.writeFileSync(path.join(models, 'w.bin'), Buffer.alloc(432, 1));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('external data must stay in the model directory and match the tensor', () => {
  it('an absolute location is refused at load, before anything is read or written', () => {
    const secret = path.join(dir, 'secret.bin');
    fs.writeFileSync(path.join(models, 'abs.onnx'), identityModel(external(secret)));
    refused(
      ['opt', '-p', 'dce', 'abs.onnx', '-o', 'o.onnx', '--external-data', '--external-data-threshold', '0'],
      `ylc: error [bad-model] cannot read abs.onnx: tensor 'w' has its data at the absolute path ${secret}; ` +
        `ONNX allows only locations relative to the model's directory`,
    );
  });

  it('a location that climbs out of the directory is refused', () => {
    fs.writeFileSync(path.join(models, 'up.onnx'), identityModel(external('../secret.bin')));
    refused(
      ['opt', '-p', 'dce', 'up.onnx', '-o', 'o.onnx', '--external-data', '--external-data-threshold', '0'],
      `ylc: error [bad-model] cannot read up.onnx: tensor 'w' has its data in ../secret.bin, which is outside the model's directory ${models}; ` +
        `ONNX allows only locations inside it`,
    );
  });

  it('a length that is not the tensor size is refused', () => {
    fs.writeFileSync(path.join(models, 'len.onnx'), identityModel(external('w.bin', '1221')));
    fs.writeFileSync(path.join(models, 'w.bin'), Buffer.alloc(2048, 1));
    refused(
      ['info', 'len.onnx'],
      `ylc: error [bad-model] cannot read len.onnx: tensor 'w' has external data length 1221 in w.bin, but float[3,4,3,3] takes 432 bytes`,
    );
    fs.writeFileSync(path.join(models, 'w.bin'), Buffer.alloc(432, 1));
  });

  it('a good reference still loads', () => {
    fs.writeFileSync(path.join(models, 'good.onnx'), identityModel(external('w.bin')));
    const r = ylc('info', 'good.onnx');
    expect([r.status, r.stderr]).toEqual([0, '']);
  });
});

describe('an output never replaces the weights the model reads', () => {
  it('-o onto the input model\'s own external data file is refused; the input still loads', () => {
    fs.writeFileSync(path.join(models, 'ext.onnx'), identityModel(external('ext.onnx.data')));
    const weights = Buffer.from(Float32Array.from({ length: 108 }, (_, i) => i).buffer);
    fs.writeFileSync(path.join(models, 'ext.onnx.data'), weights);
    refused(
      ['opt', '-p', 'dce', 'ext.onnx', '-o', 'ext.onnx.data'],
      `ylc: error [bad-output] cannot write ext.onnx.data: it would overwrite ${models}/ext.onnx.data, which the model still reads its weights from; write to another file`,
    );
    refused(
      ['opt', '-p', 'dce', 'ext.onnx', '-o', 'ext.onnx.data', '--external-data', '--external-data-threshold', '0'],
      `ylc: error [bad-output] cannot write ext.onnx.data: it would overwrite ${models}/ext.onnx.data, which the model still reads its weights from; write to another file`,
    );
    expect(fs.readFileSync(path.join(models, 'ext.onnx.data')).equals(weights)).toBe(true);
    // -o equal to the input model: fine, its data file stays.
    const r = ylc('opt', '-p', 'dce', 'ext.onnx', '-o', 'ext.onnx');
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(fs.readFileSync(path.join(models, 'ext.onnx.data')).equals(weights)).toBe(true);
    fs.writeFileSync(path.join(models, 'inline.onnx'), identityModel({ rawData: weights }));
    const same = ylc('diff', 'ext.onnx', 'inline.onnx');
    expect([same.status, same.stdout, same.stderr]).toEqual([0, 'models are structurally equal\n', '']);
    // Weights inside the model: -o equal to the input is fine too.
    expect(ylc('opt', '-p', 'dce', 'inline.onnx', '-o', 'inline.onnx').status).toBe(0);
    expect(ylc('diff', 'ext.onnx', 'inline.onnx').stdout).toBe('models are structurally equal\n');
  });
});

describe('tensors that declare more data than they hold', () => {
  it('diff of a model whose initializer declares 10^12 floats and holds none returns at once', () => {
    const huge = (rawData: Uint8Array): Uint8Array =>
      onnx.ModelProto.encode({
        irVersion: 8,
        opsetImport: [{ domain: '', version: 17 }],
        graph: {
          name: 'g',
          initializer: [{ name: 'w', dims: [100000, 100000, 100], dataType: 1, rawData }],
          node: [{ opType: 'Identity', name: 'id', input: ['w'], output: ['y'] }],
          output: [{ name: 'y', type: { tensorType: { elemType: 1 } } }],
        },
      }).finish();
    fs.writeFileSync(path.join(models, 'huge.onnx'), huge(new Uint8Array(0)));
    fs.writeFileSync(path.join(models, 'huge4.onnx'), huge(Uint8Array.of(0, 0, 128, 63)));
    const same = ylcWithin(60, 'diff', 'huge.onnx', 'huge.onnx');
    expect(same.timedOut).toBe(false);
    expect([same.status, same.stdout, same.stderr]).toEqual([0, 'models are structurally equal\n', '']);
    const changed = ylcWithin(60, 'diff', 'huge.onnx', 'huge4.onnx');
    expect([changed.status, changed.stdout, changed.stderr]).toEqual([
      1,
      '~ initializer w: float[100000,100000,100]: data missing -> 4 of 4000000000000 bytes\n',
      '',
    ]);
  });

  it('print of a model whose float_data is shorter than its dims is one line, not a crash', () => {
    const model = onnx.ModelProto.encode({
      irVersion: 8,
      opsetImport: [{ domain: '', version: 17 }],
      graph: {
        name: 'g',
        initializer: [{ name: 'w', dims: [100000, 100000, 100], dataType: 1, floatData: [1] }],
        node: [{ opType: 'Identity', name: 'id', input: ['w'], output: ['y'] }],
        output: [{ name: 'y', type: { tensorType: { elemType: 1 } } }],
      },
    }).finish();
    fs.writeFileSync(path.join(models, 'short.onnx'), model);
    const r = ylcWithin(60, 'print', 'short.onnx');
    expect([r.status, r.stdout, r.stderr]).toEqual([1, '', "ylc: error [bad-model] short.onnx: tensor 'w': its float_data holds 1 values, but float[100000,100000,100] has 1000000000000 elements\n"]);
  });
});

describe('inputs that are not regular files', () => {
  it('a FIFO given as a model or a text file is refused at once, before it is opened', () => {
    execFileSync('mkfifo', [path.join(models, 'model.fifo')]);
    fs.writeFileSync(path.join(models, 'plain.onnx'), identityModel({ rawData: new Uint8Array(432) }));
    const before = fs.readdirSync(models).sort();
    for (const args of [
      ['info', 'model.fifo'],
      ['print', 'model.fifo'],
      ['diff', 'plain.onnx', 'model.fifo'],
      ['opt', '-p', 'dce', 'model.fifo', '-o', 'o.onnx'],
      ['parse', 'model.fifo', '-o', 'z.onnx'],
    ]) {
      const r = ylcWithin(30, ...args);
      expect(r.timedOut).toBe(false);
      expect([r.status, r.stdout, r.stderr]).toEqual([1, '', 'ylc: error [io] cannot read model.fifo: it is a FIFO, not a regular file\n']);
    }
    expect(fs.readdirSync(models).sort()).toEqual(before);
  });
});
