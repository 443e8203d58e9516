/** External data on save, streaming save (no whole-file buffer), temp-and-rename. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import { loadModel, saveModel, saveModelWithLimit, encodeModel } from './index.js';
import { modelProto } from './encode.js';
import { ChunkWriter } from './writer.js';
import { onnx } from './proto.js';
import { parseModelProto } from './parse.js';
import { firstDifference } from './equal.js';
import { YlcError } from '../errors.js';
import { Graph, Node, Value } from '../graph.js';
import { Model } from '../model.js';
import { Tensor, externalEntry } from '../tensor.js';
import { tensorType } from '../type.js';
import { DataType } from '../dtype.js';
import { attrTensor } from '../attribute.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures');
const yolo = path.join(fixtures, 'yolov5n_640.onnx');
let dir = '';

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ylc-serde-ext-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function sub(name: string): string {
  const d = path.join(dir, name);
  fs.mkdirSync(d);
  return d;
}

/** Whether both models have the same initializers (names, order, bytes). */
function sameInitializers(a: Model, b: Model): boolean {
  const x = [...a.graph.initializers];
  const y = [...b.graph.initializers];
  return (
    x.length === y.length &&
    x.every(([name, v], i) => name === y[i]![0] && Buffer.from(v.constValue!.bytes()).equals(y[i]![1].constValue!.bytes()))
  );
}

/** A tiny model whose input feeds Add with a 300-float initializer and a Constant of 4 floats. */
function tinyModel(): Model {
  const g = new Graph('tiny');
  const x = g.addInput(new Value('x', tensorType(DataType.FLOAT, [300])));
  const w = g.addInitializer(Tensor.fromFloat32([300], Float32Array.from({ length: 300 }, (_, i) => i)), 'w');
  const small = g.addInitializer(Tensor.fromFloat32([300], new Float32Array(300).fill(1)), 'small');
  const c = g.append(new Node('Constant', [], ['c'], { attributes: [attrTensor('value', Tensor.fromFloat32([1], Float32Array.of(2)))] }));
  const add = g.append(new Node('Add', [x, w], ['s']));
  const add2 = g.append(new Node('Add', [add.output(), small], ['s2']));
  const mul = g.append(new Node('Mul', [add2.output(), c.output()], ['y']));
  g.outputs.push(mul.output());
  return new Model(g, { irVersion: 8n, opsetImports: [['', 17]] });
}

describe('saveModel with external data', () => {
  it('moves big initializers into <basename>.data with location/offset/length, and ORT runs it', async () => {
    const d = sub('yolo');
    const original = loadModel(yolo);
    const file = path.join(d, 'y.onnx');
    saveModel(original, file, { externalData: true });
    expect(fs.readdirSync(d).sort()).toEqual(['y.onnx', 'y.onnx.data']);
    expect(fs.statSync(file).size).toBeLessThan(fs.statSync(yolo).size / 10);

    const back = loadModel(file);
    let external = 0;
    let expectedOffset = 0;
    for (const v of back.graph.initializers.values()) {
      const t = v.constValue!;
      if (t.storage.kind !== 'external') {
        expect(t.byteLength).toBeLessThan(1024);
        continue;
      }
      external++;
      expect(t.storage.ref.entries).toEqual([
        ['location', 'y.onnx.data'],
        ['offset', String(expectedOffset)],
        ['length', String(t.byteLength)],
      ]);
      expectedOffset += t.byteLength;
    }
    expect(external).toBeGreaterThan(50);
    expect(fs.statSync(path.join(d, 'y.onnx.data')).size).toBe(expectedOffset);
    expect(sameInitializers(back, original)).toBe(true);

    // Saved inline in another directory (the data file is not reachable there): the original bytes.
    const inline = path.join(sub('yolo-inline'), 'inline.onnx');
    saveModel(back, inline);
    expect(fs.readFileSync(inline).equals(fs.readFileSync(yolo))).toBe(true);

    // ORT loads the external-data model from its path and computes what the original computes.
    const input = new ort.Tensor('float32', Float32Array.from({ length: 3 * 640 * 640 }, (_, i) => (i % 255) / 255), [1, 3, 640, 640]);
    const a = await ort.InferenceSession.create(yolo);
    const b = await ort.InferenceSession.create(file);
    const ra = await a.run({ [a.inputNames[0]!]: input });
    const rb = await b.run({ [b.inputNames[0]!]: input });
    for (const name of a.outputNames) {
      const x = (ra[name] as ort.Tensor).data as Float32Array;
      const y = (rb[name] as ort.Tensor).data as Float32Array;
      expect(x.length).toBeGreaterThan(0);
      expect(Buffer.from(y.buffer, y.byteOffset, y.byteLength).equals(Buffer.from(x.buffer, x.byteOffset, x.byteLength))).toBe(true);
    }
    await a.release();
    await b.release();
  }, 60_000);

  it('honours externalDataThreshold and externalDataLocation; tensor attributes stay inline', () => {
    const d = sub('tiny');
    const file = path.join(d, 'tiny.onnx');
    saveModel(tinyModel(), file, { externalData: true, externalDataThreshold: 1200, externalDataLocation: 'weights.bin' });
    expect(fs.readdirSync(d).sort()).toEqual(['tiny.onnx', 'weights.bin']);
    const back = loadModel(file);
    const w = back.graph.initializers.get('w')!.constValue!;
    expect(w.storage.kind).toBe('external');
    expect(w.toFloat32()).toEqual(Float32Array.from({ length: 300 }, (_, i) => i));
    expect(back.graph.nodes.first()!.attrTensor('value')!.storage.kind).toBe('raw');
    // 1200 bytes each: both at the threshold go out.
    expect(back.graph.initializers.get('small')!.constValue!.storage.kind).toBe('external');
    saveModel(tinyModel(), file, { externalData: true, externalDataThreshold: 1201, externalDataLocation: 'weights.bin' });
    expect(loadModel(file).graph.initializers.get('w')!.constValue!.storage.kind).toBe('raw');
  });

  it('keeps the entries of external tensors it does not rewrite, inlines them when saved elsewhere', () => {
    const d = sub('keep');
    const file = path.join(d, 'm.onnx');
    saveModel(tinyModel(), file, { externalData: true });
    const loaded = loadModel(file);
    const entries = (loaded.graph.initializers.get('w')!.constValue!.storage as { ref: { entries: unknown } }).ref.entries;
    // Same directory, inline save: entries kept as they were.
    const same = path.join(d, 'same.onnx');
    saveModel(loaded, same);
    const kept = loadModel(same).graph.initializers.get('w')!.constValue!;
    expect(kept.storage).toMatchObject({ kind: 'external', ref: { entries } });
    expect(firstDifference(parseModelProto(fs.readFileSync(file), 'a'), parseModelProto(fs.readFileSync(same), 'b'))).toBeUndefined();
    // Another directory: the data comes inline.
    const other = sub('keep-other');
    saveModel(loadModel(file), path.join(other, 'm.onnx'));
    expect(fs.readdirSync(other)).toEqual(['m.onnx']);
    expect(loadModel(path.join(other, 'm.onnx')).graph.initializers.get('w')!.constValue!.toFloat32()).toEqual(
      Float32Array.from({ length: 300 }, (_, i) => i),
    );
  });

  it('can overwrite the data file its own tensors are read from', () => {
    const d = sub('overwrite');
    const file = path.join(d, 'm.onnx');
    saveModel(tinyModel(), file, { externalData: true });
    const loaded = loadModel(file);
    // Reversed initializer order: every offset changes in the new data file.
    const g = loaded.graph;
    const entries = [...g.initializers].reverse();
    g.initializers.clear();
    for (const [, v] of entries) g.registerInitializer(v);
    saveModel(loaded, file, { externalData: true });
    const back = loadModel(file);
    expect(back.graph.initializers.get('w')!.constValue!.toFloat32()).toEqual(Float32Array.from({ length: 300 }, (_, i) => i));
    expect(back.graph.initializers.get('small')!.constValue!.toFloat32()).toEqual(new Float32Array(300).fill(1));
    // The in-memory model still reads the right values after its data file was replaced.
    expect(loaded.graph.initializers.get('w')!.constValue!.toFloat32()).toEqual(Float32Array.from({ length: 300 }, (_, i) => i));
    expect(fs.readdirSync(d).sort()).toEqual(['m.onnx', 'm.onnx.data']);
  });

  it('refuses to write the model over a data file its tensors still read from, and changes nothing', () => {
    const d = sub('self');
    const file = path.join(d, 'm.onnx');
    const dataFile = path.join(d, 'm.onnx.data');
    saveModel(tinyModel(), file, { externalData: true });
    const before = fs.readFileSync(dataFile);
    const loaded = loadModel(file);
    const message = `cannot write ${dataFile}: it would overwrite ${dataFile}, which the model still reads its weights from; write to another file`;
    for (const options of [{}, { externalData: true, externalDataThreshold: 0 }]) {
      let error: unknown;
      try {
        saveModel(loaded, dataFile, options);
      } catch (e) {
        error = e;
      }
      expect(error).toEqual(new YlcError('bad-output', message));
      expect((error as YlcError).code).toBe('bad-output');
    }
    // The same file reached through a symlinked directory.
    const link = path.join(dir, 'self-link');
    fs.symlinkSync(d, link);
    expect(() => saveModel(loaded, path.join(link, 'm.onnx.data'))).toThrow(
      `cannot write ${path.join(link, 'm.onnx.data')}: it would overwrite ${dataFile}, which the model still reads its weights from; write to another file`,
    );
    expect(fs.readdirSync(d).sort()).toEqual(['m.onnx', 'm.onnx.data']);
    expect(fs.readFileSync(dataFile).equals(before)).toBe(true);
    expect(loadModel(file).graph.initializers.get('w')!.constValue!.toFloat32()).toEqual(Float32Array.from({ length: 300 }, (_, i) => i));
    // Writing over the model file itself (the data stays where it is) is fine.
    saveModel(loaded, file);
    expect(fs.readFileSync(dataFile).equals(before)).toBe(true);
    expect(loadModel(file).graph.initializers.get('w')!.constValue!.toFloat32()).toEqual(Float32Array.from({ length: 300 }, (_, i) => i));
  });

  it('a new data file that replaces the old one through a symlink reads the old tensors first', () => {
    const d = sub('symlinked-data');
    const file = path.join(d, 'm.onnx');
    saveModel(tinyModel(), file, { externalData: true, externalDataLocation: 'real.data' });
    // The tensors read link.data, a symlink to real.data.
    fs.symlinkSync('real.data', path.join(d, 'link.data'));
    const proto = parseModelProto(fs.readFileSync(file), 'm');
    for (const t of proto.graph!.initializer!) for (const e of t.externalData ?? []) if (e.key === 'location') e.value = 'link.data';
    fs.writeFileSync(file, onnx.ModelProto.encode(proto).finish());
    const loaded = loadModel(file);
    // Nothing is big enough to move: the tensors would stay references to link.data, whose target is replaced.
    saveModel(loaded, path.join(d, 'out.onnx'), { externalData: true, externalDataLocation: 'real.data', externalDataThreshold: 1 << 20 });
    const back = loadModel(path.join(d, 'out.onnx'));
    expect(back.graph.initializers.get('w')!.constValue!.storage.kind).toBe('raw');
    expect(back.graph.initializers.get('w')!.constValue!.toFloat32()).toEqual(Float32Array.from({ length: 300 }, (_, i) => i));
  });

  it('switches to external data by itself when the model would pass the protobuf limit', () => {
    const d = sub('auto');
    const file = path.join(d, 'big.onnx');
    saveModelWithLimit(tinyModel(), file, {}, 2000);
    expect(fs.readdirSync(d).sort()).toEqual(['big.onnx', 'big.onnx.data']);
    expect(loadModel(file).graph.initializers.get('w')!.constValue!.storage.kind).toBe('external');
    expect(() => saveModelWithLimit(tinyModel(), path.join(d, 'huge.onnx'), { externalDataThreshold: 4096 }, 2000)).toThrow(
      `cannot write ${path.join(d, 'huge.onnx')}: the model is 2565 bytes even with its initializers in external data, over protobuf's 2 GiB limit`,
    );
    expect(fs.readdirSync(d).sort()).toEqual(['big.onnx', 'big.onnx.data']);
  });

  it('refuses to copy a tensor whose external data is outside its directory (a model built in memory or from text)', () => {
    const d = sub('escape');
    const inner = path.join(d, 'inner');
    fs.mkdirSync(inner);
    const secret = path.join(d, 'secret.bin');
    fs.writeFileSync(secret, Buffer.alloc(16, 7));
    const withRef = (location: string): Model => {
      const g = new Graph('escape');
      g.outputs.push(g.addInitializer(new Tensor(DataType.FLOAT, [4], { kind: 'external', ref: { entries: [['location', location]], baseDir: inner } }), 'w'));
      return new Model(g, { irVersion: 8n, opsetImports: [['', 17]] });
    };
    const out = path.join(inner, 'out.onnx');
    for (const externalData of [false, true]) {
      expect(() => saveModel(withRef(secret), out, { externalData, externalDataThreshold: 0 })).toThrow(
        new YlcError(
          'bad-model',
          `cannot write ${out}: tensor 'w' has its data at the absolute path ${secret}; ONNX allows only locations relative to the model's directory`,
        ),
      );
      expect(() => saveModel(withRef('../secret.bin'), out, { externalData, externalDataThreshold: 0 })).toThrow(
        `cannot write ${out}: tensor 'w' has its data in ../secret.bin, which is outside the model's directory ${inner}; ONNX allows only locations inside it`,
      );
    }
    expect(fs.readdirSync(inner)).toEqual([]);
  });

  it('rejects bad options as RangeErrors naming the parameter', () => {
    const file = path.join(dir, 'x.onnx');
    expect(() => saveModel(tinyModel(), file, { externalDataLocation: '../w.bin' })).toThrow(
      new RangeError(`externalDataLocation must be a file name relative to the model's directory, got '../w.bin'`),
    );
    expect(() => saveModel(tinyModel(), file, { externalData: true, externalDataLocation: 'x.onnx' })).toThrow(
      new RangeError(`externalDataLocation must not be the model file's own name, got 'x.onnx'`),
    );
    expect(fs.existsSync(file)).toBe(false);
    expect(() => saveModel(tinyModel(), file, { externalDataThreshold: -1 })).toThrow(
      new RangeError('externalDataThreshold must be a number of bytes >= 0, got -1'),
    );
  });
});

describe('streaming save', () => {
  it('writes big tensors from their views: the structure buffer is small and holds no tensor data', () => {
    const bytes = fs.readFileSync(yolo);
    const model = loadModel(yolo);
    const w = new ChunkWriter();
    onnx.ModelProto.encode(modelProto(model), w);
    const chunks = w.chunks();
    expect(w.size).toBe(bytes.length);
    const fromFile = chunks.filter((c) => c.buffer === model.graph.initializers.values().next().value!.constValue!.bytes().buffer);
    const structure = chunks.filter((c) => !fromFile.includes(c)).reduce((n, c) => n + c.length, 0);
    expect(structure).toBeLessThan(bytes.length / 20);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
  });

  it('leaves no temp file behind when the rename fails, and says why', () => {
    const d = sub('rename');
    const target = path.join(d, 'taken.onnx');
    fs.mkdirSync(path.join(target, 'inside'), { recursive: true });
    let error: unknown;
    try {
      saveModel(tinyModel(), target);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(YlcError);
    expect((error as YlcError).code).toBe('bad-output');
    expect((error as YlcError).message).toMatch(new RegExp(`^cannot write ${target}: `));
    expect(fs.readdirSync(d)).toEqual(['taken.onnx']);
  });

  it('names the data file when it is the one in the way (a directory of that name)', () => {
    const d = sub('data-dir');
    const target = path.join(d, 'm.onnx');
    fs.mkdirSync(path.join(d, 'm.onnx.data'));
    expect(() => saveModel(tinyModel(), target, { externalData: true })).toThrow(`cannot write ${path.join(d, 'm.onnx.data')}: it is a directory`);
    expect(fs.readdirSync(d)).toEqual(['m.onnx.data']);
  });

  it('a hand-built model survives save/load (tensor attributes, fresh names)', () => {
    const file = path.join(dir, 'tiny.onnx');
    saveModel(tinyModel(), file);
    const back = loadModel(file);
    expect(firstDifference(parseModelProto(encodeModel(back), 'a'), parseModelProto(encodeModel(tinyModel()), 'b'))).toBeUndefined();
    expect(externalEntry({ entries: [['location', 'a']], baseDir: '.' }, 'location')).toBe('a');
  });
});
