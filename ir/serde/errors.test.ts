/**
 * Bad input: each case gives a YlcError with a one-line message naming the file and what is wrong
 * (the texts are part of the contract and asserted exactly), never a raw protobufjs exception.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onnx } from './proto.js';
import { decodeModel, loadModel, notRegularFile, saveModel } from './index.js';
import { YlcError } from '../errors.js';
import { Graph, Node, Value } from '../graph.js';
import { Model } from '../model.js';
import { tensorType } from '../type.js';
import { DataType } from '../dtype.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures');
let dir = '';

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ylc-serde-errors-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes `bytes` as `name` in the temp dir and loads it; returns the error. */
function loadError(name: string, bytes: Uint8Array | string): YlcError {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  try {
    loadModel(file);
  } catch (e) {
    expect(e).toBeInstanceOf(YlcError);
    return e as YlcError;
  }
  throw new Error(`${name} loaded without error`);
}

const encode = (m: onnx.ModelProto.$Properties): Uint8Array => onnx.ModelProto.encode(m).finish();
const vi = (name: string) => new onnx.ValueInfoProto({ name, type: { tensorType: { elemType: 1, shape: { dim: [{ dimValue: 1 }] } } } });

describe('bad input', () => {
  it('a PNG file is not an ONNX ModelProto', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    const e = loadError('image.png', png);
    expect(e.code).toBe('bad-model');
    expect(e.message).toBe(`cannot read ${dir}/image.png: not an ONNX ModelProto (invalid field number 0 at byte 11)`);
  });

  it('a text file is not an ONNX ModelProto', () => {
    const e = loadError('notes.txt', 'hello world\n');
    expect(e.message).toBe(`cannot read ${dir}/notes.txt: not an ONNX ModelProto (invalid wire type 4 at byte 3)`);
  });

  it('an empty file is not an ONNX ModelProto', () => {
    expect(loadError('empty.onnx', '').message).toBe(`cannot read ${dir}/empty.onnx: not an ONNX ModelProto (the file is empty)`);
  });

  it('a truncated model says where it ends', () => {
    const bytes = fs.readFileSync(path.join(fixtures, 'yolov5n_640.onnx')).subarray(0, 100_000);
    expect(loadError('model.onnx', bytes).message).toBe(
      `cannot read ${dir}/model.onnx: not an ONNX ModelProto (truncated at byte 24)`,
    );
  });

  it('a known field with the wrong wire type', () => {
    // ir_version (field 1, a varint) written as a length-delimited field.
    const bytes = Buffer.concat([Buffer.from([0x0a, 0x01, 0x41]), Buffer.from(encode({ graph: {} }))]);
    expect(loadError('wire.onnx', bytes).message).toBe(
      `cannot read ${dir}/wire.onnx: not an ONNX ModelProto (field ir_version (1) of ModelProto has wire type 2, expected 0)`,
    );
    // Deeper: NodeProto.op_type (field 4, a string) written as a varint.
    const node = Buffer.concat([Buffer.from(onnx.NodeProto.encode({ output: ['y'] }).finish()), Buffer.from([0x20, 0x05])]);
    const graph = Buffer.concat([Buffer.from([0x0a, node.length]), node]);
    const model = Buffer.concat([Buffer.from([0x3a, graph.length]), graph]);
    expect(loadError('wire2.onnx', model).message).toBe(
      `cannot read ${dir}/wire2.onnx: not an ONNX ModelProto (field op_type (4) of NodeProto at graph.node[0] has wire type 0, expected 2)`,
    );
  });

  it('a TensorProto file is not a ModelProto', () => {
    const t = onnx.TensorProto.encode({ dims: [2], dataType: 1 }).finish();
    expect(loadError('input_0.pb', t).message).toBe(
      `cannot read ${dir}/input_0.pb: not an ONNX ModelProto (field producer_name (2) of ModelProto has wire type 0, expected 2)`,
    );
    const t2 = onnx.TensorProto.encode({ dims: [2], dataType: 1, floatData: [1, 2], name: 'x' }).finish();
    expect(loadError('input_1.pb', t2).message).toBe(`cannot read ${dir}/input_1.pb: not an ONNX ModelProto (truncated at byte 17)`);
  });

  it('a model with no graph', () => {
    expect(loadError('nograph.onnx', encode({ irVersion: 8, opsetImport: [{ domain: '', version: 17 }] })).message).toBe(
      `cannot read ${dir}/nograph.onnx: the model has no graph`,
    );
  });

  it('a missing external data file names the tensor and the file', () => {
    const m = encode({
      irVersion: 8,
      graph: {
        initializer: [
          {
            name: 'conv.weight',
            dims: [4],
            dataType: 1,
            dataLocation: onnx.TensorProto.DataLocation.EXTERNAL,
            externalData: [{ key: 'location', value: 'weights.bin' }, { key: 'offset', value: '0' }, { key: 'length', value: '16' }],
          },
        ],
        output: [vi('conv.weight')],
      },
    });
    expect(loadError('ext.onnx', m).message).toBe(
      `cannot read ${dir}/ext.onnx: tensor 'conv.weight' has its data in weights.bin, which does not exist in ${dir}`,
    );
    fs.writeFileSync(path.join(dir, 'weights.bin'), Buffer.alloc(8));
    expect(loadError('ext.onnx', m).message).toBe(
      `cannot read ${dir}/ext.onnx: tensor 'conv.weight' has its data at bytes 0..16 of weights.bin, which has 8 bytes`,
    );
  });

  it('external data outside the model directory, or of the wrong length, is refused before it is read', () => {
    // The model lives in sub/; secret.bin lives beside sub/, so it exists but is out of reach.
    const sub = path.join(dir, 'confined');
    fs.mkdirSync(sub, { recursive: true });
    const secret = path.join(dir, 'secret.bin');
    fs.writeFileSync(secret, Buffer.alloc(4096, 7));
    fs.writeFileSync(path.join(sub, 'w.bin'), Buffer.alloc(4096, 1));
    const model = (location: string, length: string): Uint8Array =>
      encode({
        irVersion: 8,
        graph: {
          initializer: [
            {
              name: 'conv.weight',
              dims: [3, 4, 3, 3],
              dataType: 1,
              dataLocation: onnx.TensorProto.DataLocation.EXTERNAL,
              externalData: [{ key: 'location', value: location }, { key: 'offset', value: '0' }, { key: 'length', value: length }],
            },
          ],
          output: [vi('conv.weight')],
        },
      });
    const refused = (name: string, bytes: Uint8Array): YlcError => {
      const file = path.join(sub, name);
      fs.writeFileSync(file, bytes);
      try {
        loadModel(file);
      } catch (e) {
        expect(e).toBeInstanceOf(YlcError);
        expect((e as YlcError).code).toBe('bad-model');
        return e as YlcError;
      }
      throw new Error(`${name} loaded without error`);
    };
    expect(refused('abs.onnx', model(secret, '432')).message).toBe(
      `cannot read ${sub}/abs.onnx: tensor 'conv.weight' has its data at the absolute path ${secret}; ` +
        `ONNX allows only locations relative to the model's directory`,
    );
    expect(refused('up.onnx', model('../secret.bin', '432')).message).toBe(
      `cannot read ${sub}/up.onnx: tensor 'conv.weight' has its data in ../secret.bin, which is outside the model's directory ${sub}; ` +
        `ONNX allows only locations inside it`,
    );
    expect(refused('deep.onnx', model('../../../../../../../../etc/passwd', '432')).message).toBe(
      `cannot read ${sub}/deep.onnx: tensor 'conv.weight' has its data in ../../../../../../../../etc/passwd, which is outside the model's directory ${sub}; ` +
        `ONNX allows only locations inside it`,
    );
    expect(refused('long.onnx', model('w.bin', '1221')).message).toBe(
      `cannot read ${sub}/long.onnx: tensor 'conv.weight' has external data length 1221 in w.bin, but float[3,4,3,3] takes 432 bytes`,
    );
    expect(refused('short.onnx', model('w.bin', '16')).message).toBe(
      `cannot read ${sub}/short.onnx: tensor 'conv.weight' has external data length 16 in w.bin, but float[3,4,3,3] takes 432 bytes`,
    );
    // Inside the directory, with the right length (a '..' that stays inside is fine): accepted.
    fs.writeFileSync(path.join(sub, 'ok.onnx'), model('w.bin', '432'));
    expect(loadModel(path.join(sub, 'ok.onnx')).graph.initializers.get('conv.weight')!.constValue!.bytes().length).toBe(432);
    fs.mkdirSync(path.join(sub, 'inner'), { recursive: true });
    fs.writeFileSync(path.join(sub, 'ok2.onnx'), model('inner/../w.bin', '432'));
    expect(loadModel(path.join(sub, 'ok2.onnx')).graph.initializers.get('conv.weight')!.constValue!.bytes().length).toBe(432);
    // A link inside the directory counts where it leads: out of reach too (a link that stays inside is fine).
    fs.symlinkSync(secret, path.join(sub, 'link.bin'));
    expect(refused('link.onnx', model('link.bin', '432')).message).toBe(
      `cannot read ${sub}/link.onnx: tensor 'conv.weight' has its data in link.bin, a link to ${fs.realpathSync(secret)} outside the model's directory ${sub}; ONNX allows only files inside it`,
    );
    fs.symlinkSync(path.join(sub, 'w.bin'), path.join(sub, 'inner-link.bin'));
    fs.writeFileSync(path.join(sub, 'ok3.onnx'), model('inner-link.bin', '432'));
    expect(loadModel(path.join(sub, 'ok3.onnx')).graph.initializers.get('conv.weight')!.constValue!.bytes().length).toBe(432);
  });

  it('a node input that nothing defines names the node and the value', () => {
    const m = encode({
      graph: {
        input: [vi('x')],
        node: [{ opType: 'Add', name: 'add1', input: ['x', 'bias'], output: ['y'] }],
        output: [vi('y')],
      },
    });
    expect(loadError('dangling.onnx', m).message).toBe(
      `cannot read ${dir}/dangling.onnx: node Add 'add1' uses value 'bias' that nothing defines`,
    );
    const sub = encode({
      graph: {
        input: [vi('c')],
        node: [
          {
            opType: 'If',
            name: 'if1',
            input: ['c'],
            output: ['y'],
            attribute: [
              { name: 'then_branch', type: 5, g: { name: 'then', node: [{ opType: 'Relu', name: 'r', input: ['ghost'], output: ['t'] }], output: [vi('t')] } },
            ],
          },
        ],
        output: [vi('y')],
      },
    });
    expect(loadError('dangling2.onnx', sub).message).toBe(
      `cannot read ${dir}/dangling2.onnx: node Relu 'r' in subgraph 'then' of node If 'if1' uses value 'ghost' that nothing defines`,
    );
    const out = encode({ graph: { input: [vi('x')], output: [vi('z')] } });
    expect(loadError('dangling3.onnx', out).message).toBe(
      `cannot read ${dir}/dangling3.onnx: graph output 'z' names a value nothing defines`,
    );
  });

  it('two producers of one value name both', () => {
    const m = encode({
      graph: {
        input: [vi('x')],
        node: [
          { opType: 'Relu', name: 'a', input: ['x'], output: ['y'] },
          { opType: 'Neg', name: 'b', input: ['x'], output: ['y'] },
        ],
        output: [vi('y')],
      },
    });
    expect(loadError('dup.onnx', m).message).toBe(
      `cannot read ${dir}/dup.onnx: value 'y' is defined twice: by node Relu 'a' and by node Neg 'b'`,
    );
    const m2 = encode({ graph: { input: [vi('x')], node: [{ opType: 'Relu', name: 'r', input: ['x'], output: ['x'] }], output: [vi('x')] } });
    expect(loadError('dup2.onnx', m2).message).toBe(
      `cannot read ${dir}/dup2.onnx: value 'x' is defined twice: by graph input 'x' and by node Relu 'r'`,
    );
  });

  it('decodeModel names the file it was given, or model.onnx', () => {
    expect(() => decodeModel(Buffer.from('hello world\n'))).toThrow(
      'cannot read model.onnx: not an ONNX ModelProto (invalid wire type 4 at byte 3)',
    );
  });

  it('a missing model file is an io error', () => {
    const file = path.join(dir, 'nope.onnx');
    expect(() => loadModel(file)).toThrow(new YlcError('io', `cannot read ${file}: no such file`));
  });

  it('a FIFO or a directory is refused before it is opened (reading a FIFO would wait forever)', () => {
    const fifo = path.join(dir, 'model.fifo');
    execFileSync('mkfifo', [fifo]);
    expect(() => loadModel(fifo)).toThrow(new YlcError('io', `cannot read ${fifo}: it is a FIFO, not a regular file`));
    try {
      loadModel(fifo);
    } catch (e) {
      expect((e as YlcError).code).toBe('io');
    }
    expect(() => loadModel(dir)).toThrow(new YlcError('io', `cannot read ${dir}: it is a directory`));
    // Only the type of /dev/zero is looked at.
    expect(notRegularFile(fs.statSync('/dev/zero'))).toBe('it is a character device, not a regular file');
    expect(notRegularFile(fs.statSync(fifo))).toBe('it is a FIFO, not a regular file');
  });

  it('saveModel into a missing directory writes nothing', () => {
    const g = new Graph();
    const x = g.addInput(new Value('x', tensorType(DataType.FLOAT, [1])));
    g.outputs.push(g.append(new Node('Relu', [x], ['y'])).output());
    const target = path.join(dir, 'missing', 'out.onnx');
    let error: unknown;
    try {
      saveModel(new Model(g), target);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(YlcError);
    expect((error as YlcError).code).toBe('bad-output');
    expect((error as YlcError).message).toBe(`cannot write ${target}: directory ${path.join(dir, 'missing')} does not exist`);
    expect(fs.existsSync(path.join(dir, 'missing'))).toBe(false);
  });

  it('corrupted bytes never escape as anything but a bad-model YlcError', () => {
    const original = fs.readFileSync(path.join(fixtures, 'yolov5n_640.onnx')).subarray(0, 50_000);
    // A small complete model to corrupt, plus prefixes of a big one.
    const small = encode({
      irVersion: 8,
      opsetImport: [{ domain: '', version: 17 }],
      graph: {
        input: [vi('x')],
        initializer: [{ name: 'w', dims: [1], dataType: 1, rawData: new Uint8Array(4) }],
        node: [{ opType: 'Add', name: 'a', input: ['x', 'w'], output: ['y'], attribute: [{ name: 'k', type: 2, i: 3 }] }],
        output: [vi('y')],
      },
    });
    let seed = 12345;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let rejected = 0;
    for (let trial = 0; trial < 3000; trial++) {
      const base = trial % 3 === 0 ? original : small;
      const bytes = Buffer.from(base.subarray(0, trial % 5 === 0 ? rand(base.length) : base.length));
      for (let k = 0; k < 1 + rand(3); k++) if (bytes.length) bytes[rand(bytes.length)] = rand(256);
      try {
        decodeModel(bytes, { fileName: 'fuzz.onnx' });
      } catch (e) {
        if (!(e instanceof YlcError) || e.code !== 'bad-model' || !e.message.startsWith('cannot read fuzz.onnx: ') || e.message.includes('\n')) {
          throw new Error(`trial ${trial}: ${String(e)}`);
        }
        rejected++;
      }
    }
    expect(rejected).toBeGreaterThan(1000);
  });
});
