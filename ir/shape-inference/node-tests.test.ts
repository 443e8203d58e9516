/**
 * Shape inference against the ONNX node test suite (test/fixtures/onnx-node-tests.tar.gz): every
 * model whose ops all have rules is loaded with its value types cleared, inferred, and each graph
 * output compared with the dims and element type of the reference output tensor. The verifier
 * must accept every model of the suite, as loaded and after inference.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataType, dataTypeName } from '../dtype.js';
import { YlcError } from '../errors.js';
import type { Graph } from '../graph.js';
import { loadModel } from '../serde/index.js';
import { onnx } from '../serde/generated/onnx.js';
import { formatType } from '../type.js';
import { verifyModel } from '../verify.js';
import { SHAPE_RULES, inferShapes } from './index.js';

const ARCHIVE = path.resolve(import.meta.dirname, '../../test/fixtures/onnx-node-tests.tar.gz');

let root = '';

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'ylc-shape-node-tests-'));
  await tar.x({ file: ARCHIVE, cwd: root });
});

afterAll(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

function allOpsKnown(g: Graph): boolean {
  for (const n of g.allNodes()) if ((n.domain !== '' && n.domain !== 'ai.onnx') || !SHAPE_RULES[n.opType]) return false;
  return true;
}

function clearTypes(g: Graph): void {
  for (const n of g.nodes) {
    for (const v of n.outputs) v.type = undefined;
    for (const sub of n.subgraphs()) clearTypes(sub);
  }
  g.valueInfos = [];
}

interface Reference {
  dims: number[];
  dtype: DataType;
}

/** The reference output tensors; undefined when one of them is not a plain tensor. */
function references(dir: string, count: number): Reference[] | undefined {
  const out: Reference[] = [];
  for (let i = 0; i < count; i++) {
    const file = path.join(dir, 'test_data_set_0', `output_${i}.pb`);
    if (!fs.existsSync(file)) return undefined;
    const t = onnx.TensorProto.decode(fs.readFileSync(file));
    if (!t.dataType) return undefined;
    out.push({ dims: t.dims.map(Number), dtype: t.dataType as DataType });
  }
  return out;
}

describe('ONNX node test suite', () => {
  it('inferred output types agree with the reference outputs', () => {
    const tests = fs.readdirSync(path.join(root, 'node')).sort();
    let checked = 0;
    let complete = 0;
    const problems: string[] = [];
    for (const name of tests) {
      const dir = path.join(root, 'node', name);
      let model;
      try {
        model = loadModel(path.join(dir, 'model.onnx'));
      } catch {
        continue;
      }
      if (!allOpsKnown(model.graph)) continue;
      const refs = references(dir, model.graph.outputs.length);
      if (!refs) continue;
      clearTypes(model.graph);
      checked++;
      try {
        inferShapes(model);
      } catch (e) {
        problems.push(`${name}: threw ${e instanceof YlcError ? e.message : String(e)}`);
        continue;
      }
      let all = true;
      model.graph.outputs.forEach((v, i) => {
        const ref = refs[i]!;
        const t = v.type;
        const refText = `${dataTypeName(ref.dtype)}[${ref.dims.join(',')}]`;
        if (t?.kind !== 'tensor') {
          all = false;
          return;
        }
        if (t.elemType !== DataType.UNDEFINED && t.elemType !== ref.dtype) problems.push(`${name}: '${v.name}' inferred ${formatType(t)}, reference ${refText}`);
        if (t.elemType === DataType.UNDEFINED) all = false;
        if (!t.shape) {
          all = false;
          return;
        }
        if (t.shape.length !== ref.dims.length || t.shape.some((d, k) => d.value !== undefined && d.value !== ref.dims[k])) {
          problems.push(`${name}: '${v.name}' inferred ${formatType(t)}, reference ${refText}`);
        }
        if (t.shape.some((d) => d.value === undefined)) all = false;
      });
      if (all) complete++;
      else if (process.env['YLC_SHAPE_DEBUG']) console.log(`not fully inferred: ${name}: ${model.graph.outputs.map((v) => formatType(v.type)).join(' ')}`);
    }
    expect(problems).toEqual([]);
    // The models not fully inferred take shapes, axes, scales or sizes from graph inputs, or have
    // data-dependent outputs (NonZero, NonMaxSuppression); YLC_SHAPE_DEBUG=1 lists them.
    expect(checked).toBeGreaterThanOrEqual(1458);
    expect(complete).toBeGreaterThanOrEqual(1192);
  });

  it('the verifier accepts every model, as loaded and after inference', () => {
    const problems: string[] = [];
    let loaded = 0;
    for (const name of fs.readdirSync(path.join(root, 'node')).sort()) {
      let model;
      try {
        model = loadModel(path.join(root, 'node', name, 'model.onnx'));
      } catch {
        continue;
      }
      loaded++;
      for (const p of verifyModel(model)) problems.push(`${name}: ${p}`);
      try {
        inferShapes(model);
      } catch (e) {
        problems.push(`${name}: inference threw ${String(e)}`);
        continue;
      }
      for (const p of verifyModel(model)) problems.push(`${name} (inferred): ${p}`);
    }
    expect(problems).toEqual([]);
    expect(loaded).toBeGreaterThan(1500);
  });
});
