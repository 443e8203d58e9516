import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeModel, encodeModel, loadModel, saveModel } from './index.js';
import { parseModelProto } from './parse.js';
import { firstDifference, bytesEqual } from './equal.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures');

describe.each(['yolov5n_640.onnx', 'yolov5n_640_bn.onnx'])('%s', (name) => {
  const file = path.join(fixtures, name);

  it('round-trips to an equal message, byte for byte', () => {
    const bytes = fs.readFileSync(file);
    const model = decodeModel(bytes, { fileName: file });
    const out = encodeModel(model);
    expect(firstDifference(parseModelProto(bytes, 'a'), parseModelProto(out, 'b'))).toBeUndefined();
    expect(bytesEqual(out, bytes)).toBe(true);
  });

  it('keeps initializer data as views of the file buffer', () => {
    const bytes = fs.readFileSync(file);
    const model = decodeModel(bytes, { fileName: file });
    let views = 0;
    for (const v of model.graph.initializers.values()) {
      const s = v.constValue!.storage;
      if (s.kind === 'raw' && s.bytes.length > 0) {
        expect(s.bytes.buffer).toBe(bytes.buffer);
        views++;
      }
    }
    expect(views).toBeGreaterThan(50);
  });

  it('saves and loads back the same bytes', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ylc-serde-'));
    try {
      const model = loadModel(file);
      const out = path.join(dir, 'out.onnx');
      saveModel(model, out);
      expect(bytesEqual(fs.readFileSync(out), fs.readFileSync(file))).toBe(true);
      expect(fs.readdirSync(dir)).toEqual(['out.onnx']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
