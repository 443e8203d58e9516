import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { YlcError } from '../ir/errors.js';
import { ort } from '../ir/runtime.js';
import { encodeModel } from '../ir/serde/index.js';
import { parseModel } from '../ir/text/parse.js';
import { formatProfileSummary, readProfileSummary, summarizeProfile, workKind } from './profile-summary.js';

const kernel = (name: string, op: string, ts: number, dur: number) => ({ cat: 'Node', name: `${name}_kernel_time`, ts, dur, args: { op_name: op } });
const run = (ts: number, dur: number) => ({ cat: 'Session', name: 'model_run', ts, dur });

describe('summarizeProfile', () => {
  const events = [
    run(0, 1000),
    kernel('conv', 'Conv', 10, 600),
    kernel('mul', 'Mul', 700, 100),
    run(2000, 900),
    kernel('conv', 'Conv', 2010, 500),
    kernel('mul', 'Mul', 2600, 200),
    kernel('t', 'Transpose', 2850, 30),
    run(4000, 700),
    kernel('conv', 'Conv', 4010, 400),
    kernel('mul', 'Mul', 4500, 150),
    kernel('t', 'Transpose', 4680, 10),
  ];

  it('takes each node at its fastest over the runs after the skipped ones, by op type and kind', () => {
    const s = summarizeProfile(events, 1);
    expect(s.runs).toBe(2);
    expect(s.runMs).toBeCloseTo(0.8, 9);
    expect(s.nodes).toBe(3);
    expect(s.kernelMs).toBeCloseTo(0.4 + 0.15 + 0.01, 9);
    expect(s.outsideKernelsMs).toBeCloseTo(0.8 - 0.56, 9);
    expect(s.byOpType.map((o) => o.opType)).toEqual(['Conv', 'Mul', 'Transpose']);
    expect(s.byKind.convolution).toEqual({ ms: 0.4, nodes: 1 });
    expect(s.byKind['data movement'].nodes).toBe(1);
    expect(s.byKind['elementwise and reductions'].ms).toBeCloseTo(0.15, 9);
  });

  it('counts every run when none is skipped, and refuses a profile with no run left', () => {
    expect(summarizeProfile(events, 0).byOpType[0]!.ms).toBeCloseTo(0.4, 9);
    expect(() => summarizeProfile(events, 3)).toThrow('no model run after the first 3');
  });

  it('sorts op types into kinds of work', () => {
    expect(['Conv', 'ConvTranspose', 'FusedMatMul'].map(workKind)).toEqual(['convolution', 'convolution', 'convolution']);
    expect(['Slice', 'Concat', 'Reshape'].map(workKind)).toEqual(['data movement', 'data movement', 'data movement']);
    expect(['Mul', 'ReduceSum', 'Sigmoid'].map(workKind)).toEqual(['elementwise and reductions', 'elementwise and reductions', 'elementwise and reductions']);
  });
});

describe('readProfileSummary on a profile ONNX Runtime wrote', () => {
  it('finds every node of the model that ran, with the kinds of its ops', async () => {
    const model = parseModel(`<ir_version: 8, opset_import: ["" : 17]>
g (float[2,3,16,16] x, float[4,3,3,3] w) => (float[2,16,16,4] y) {
  c = Conv <kernel_shape: ints = [3, 3], pads: ints = [1, 1, 1, 1]> (x, w)
  s = Sigmoid (c)
  m = Mul (c, s)
  y = Transpose <perm: ints = [0, 2, 3, 1]> (m)
}`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ylc-profile-'));
    try {
      const session = await ort.InferenceSession.create(encodeModel(model), {
        graphOptimizationLevel: 'disabled',
        enableProfiling: true,
        profileFilePrefix: path.join(dir, 'p'),
      });
      const feeds = {
        x: new ort.Tensor('float32', new Float32Array(2 * 3 * 16 * 16).fill(0.5), [2, 3, 16, 16]),
        w: new ort.Tensor('float32', new Float32Array(4 * 3 * 3 * 3).fill(0.1), [4, 3, 3, 3]),
      };
      for (let i = 0; i < 3; i++) await session.run(feeds);
      session.endProfiling();
      await session.release();
      const [file] = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
      const s = readProfileSummary(path.join(dir, file!), 1);
      expect(s.runs).toBe(2);
      expect(s.nodes).toBe(4);
      expect(Object.fromEntries(s.byOpType.map((o) => [o.opType, o.nodes]))).toEqual({ Conv: 1, Sigmoid: 1, Mul: 1, Transpose: 1 });
      expect(s.byKind.convolution.nodes).toBe(1);
      expect(s.byKind['data movement'].nodes).toBe(1);
      expect(s.byKind['elementwise and reductions'].nodes).toBe(2);
      expect(s.kernelMs).toBeGreaterThan(0);
      expect(s.kernelMs).toBeLessThanOrEqual(s.runMs);
      const text = formatProfileSummary(s).join('\n');
      expect(text).toContain('2 runs');
      expect(text).toContain('convolution');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the file when it is not a profile', () => {
    const file = path.join(os.tmpdir(), `ylc-not-a-profile-${process.pid}.json`);
    fs.writeFileSync(file, '{"a": 1}');
    try {
      const error = (() => {
        try {
          readProfileSummary(file, 0);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(YlcError);
      expect((error as YlcError).message).toBe(`${file}: not an ONNX Runtime profile (expected a JSON array of trace events)`);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});
