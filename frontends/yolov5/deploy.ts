/**
 * toDeployForm: a training-form model (built by buildModel, or loaded from a saved train-form
 * ONNX) -> the deploy form, what `ylc export` writes and YOLOv5's export.py produces:
 *   1. fold-bn, dce: every BatchNormalization folded into its Conv (W' = W * s, b' = (b - mean) * s + beta,
 *      s = gamma / sqrt(var + eps)); the folded tensors take the fused model's state_dict names
 *      (`model.0.conv.weight`, `model.0.conv.bias`) as in the export;
 *   2. the Detect decode appended to each raw head (detect.ts) and `output0` as the only output;
 *   3. metadata: `stride` and `names` as export.py writes them, `ylc.form` = deploy.
 * The Detect layer's nodes are renumbered in graph order so their names are the exporter's
 * (`/model.24/Constant_7`, `/model.24/Reshape_1`, ...). The input model is not modified.
 * Everything needed comes from the model's `ylc.detect` metadata: no YAML.
 */
import { attrInt } from '../../ir/attribute.js';
import { DataType } from '../../ir/dtype.js';
import { YlcError } from '../../ir/errors.js';
import type { Graph, Value } from '../../ir/graph.js';
import type { Model } from '../../ir/model.js';
import { tensorType } from '../../ir/type.js';
import { foldBnPass } from '../../passes/fold-bn.js';
import { dcePass } from '../../passes/dce.js';
import type { PassContext, PassDeclaration, PassOptionSpecs } from '../../passes/pass.js';
import { GraphBuilder } from './builder.js';
import { cloneModel } from './clone.js';
import { emitDecodeLevel, type DetectInfo } from './detect.js';
import { META_FORM, pyNamesRepr, readDetectInfo, readForm } from './metadata.js';

const FOLDED_SUFFIX = '_folded';
const DECODE_SCOPE_MARK = '#decode';

/** Runs one pass synchronously with its default options; remarks are collected. */
function runPassSync(pass: PassDeclaration<PassOptionSpecs>, model: Model, remarks: string[]): void {
  const options: Record<string, unknown> = {};
  for (const [k, spec] of Object.entries(pass.options)) options[k] = spec.default;
  const ctx: PassContext = {
    remark: (node, message) => remarks.push(`${node ? `${node.describe()}: ` : ''}${message}`),
    count: () => {},
    warn: (message) => remarks.push(message),
  };
  const result = pass.run(model, options as never, ctx);
  if (result instanceof Promise) throw new Error(`pass '${pass.name}' is asynchronous; toDeployForm runs passes synchronously`);
}

/**
 * Renames `<name>_folded` initializers (fold-bn's copies) to `<name>` once the original is gone,
 * keeping the initializer order. The graph's name registry already holds `<name>` (the original
 * was registered under it), so no fresh name can collide with it later.
 */
function restoreFoldedNames(graph: Graph): void {
  const entries = [...graph.initializers.entries()];
  const present = new Set(entries.map(([k]) => k));
  graph.initializers.clear();
  for (const [name, value] of entries) {
    const base = name.endsWith(FOLDED_SUFFIX) ? name.slice(0, -FOLDED_SUFFIX.length) : undefined;
    if (base !== undefined && !present.has(base)) {
      value.name = base;
      value.constValue!.name = base;
      graph.initializers.set(base, value);
    } else {
      graph.initializers.set(name, value);
    }
  }
}

/** Folds every BatchNormalization and removes what became dead; throws if one could not be folded. */
export function foldBatchNorms(model: Model): void {
  const remarks: string[] = [];
  runPassSync(foldBnPass as PassDeclaration<PassOptionSpecs>, model, remarks);
  runPassSync(dcePass as PassDeclaration<PassOptionSpecs>, model, remarks);
  const left = model.graph.nodes.toArray().find((n) => n.opType === 'BatchNormalization');
  if (left) {
    const why = remarks.find((r) => r.startsWith(left.describe())) ?? 'no reason given';
    throw new YlcError('pass-failed', `[fold-bn] could not fold ${left.describe()}: ${why}`);
  }
  restoreFoldedNames(model.graph);
}

/**
 * Renumbers the direct nodes of scope `/model.<layer>` (and the decode nodes) in graph order, as
 * the exporter numbers them. Only when every node of the scope still has an exporter-style name
 * (`<scope>/<OpType>[_<k>]`): otherwise a renamed value could meet a name kept elsewhere, and the
 * decode nodes keep their own (unique) names.
 */
function renumberDetectScope(graph: Graph, layer: number): void {
  const scope = `/model.${layer}`;
  const inScope = new RegExp(`^${scope.replace(/\./g, '\\.')}(${DECODE_SCOPE_MARK})?/[^/]*$`);
  const pattern = new RegExp(`^${scope.replace(/\./g, '\\.')}(${DECODE_SCOPE_MARK})?/([A-Za-z]+)(_\\d+)?$`);
  const nodes = graph.nodes.toArray().filter((n) => inScope.test(n.name));
  if (nodes.some((n) => pattern.exec(n.name)?.[2] !== n.opType)) return;
  const counts = new Map<string, number>();
  for (const node of nodes) {
    const k = counts.get(node.opType) ?? 0;
    counts.set(node.opType, k + 1);
    node.name = k === 0 ? `${scope}/${node.opType}` : `${scope}/${node.opType}_${k}`;
    node.outputs.forEach((v, i) => {
      if (!v.isGraphOutput()) v.name = `${node.name}_output_${i}`;
    });
  }
}

/** The deploy form of a train-form model (see the file header). */
/** `what` names the model in errors (the file, for the CLI). */
export function toDeployForm(trainModel: Model, what = 'toDeployForm'): Model {
  const form = readForm(trainModel);
  if (form !== 'train') {
    throw new YlcError(
      'bad-model',
      form === 'deploy'
        ? `${what}: the model is already in deploy form`
        : `${what}: the model is not a ylc training-form model (no 'ylc.form' = train metadata); build it with 'ylc build --form train'`,
    );
  }
  const info = readDetectInfo(trainModel, what);
  const model = cloneModel(trainModel);
  foldBatchNorms(model);
  appendDecode(model, info, what);
  const others = model.metadataProps.filter(([k]) => k !== 'stride' && k !== 'names' && k !== META_FORM);
  model.metadataProps = [
    ['stride', String(Math.trunc(Math.max(...info.strides)))],
    ['names', pyNamesRepr(info.names)],
    [META_FORM, 'deploy'],
    ...others,
  ];
  return model;
}

function appendDecode(model: Model, info: DetectInfo, what: string): void {
  const graph = model.graph;
  const heads: Value[] = info.heads.map((name) => {
    const v = graph.outputs.find((o) => o.name === name);
    if (!v || !v.producer()) throw new YlcError('bad-model', `${what}: the raw head '${name}' named in 'ylc.detect' is not a graph output`);
    return v;
  });
  const dynamic = info.batch === 'dynamic';
  const b = new GraphBuilder(graph, model.opset);
  b.enterScopes([`model.${info.layer}${DECODE_SCOPE_MARK}`]);
  let total = 0;
  const levels = heads.map((pred, i) => {
    const stride = info.strides[i]!;
    const size: [number, number] | undefined = dynamic ? undefined : staticHeadSize(pred) ?? [info.imgsz[0] / stride, info.imgsz[1] / stride];
    if (size) total += info.na * size[0] * size[1];
    b.insertAfter(pred.producer());
    return emitDecodeLevel(b, pred, info, i, size);
  });
  b.insertAfter(undefined);
  const output = b.op1('Concat', levels, [attrInt('axis', 1)], 'output0');
  output.type = tensorType(DataType.FLOAT, dynamic ? ['batch', 'anchors', info.no] : [info.batch as number, total, info.no]);
  graph.outputs = [output];
  renumberDetectScope(graph, info.layer);
}

function staticHeadSize(pred: Value): [number, number] | undefined {
  const shape = pred.type?.kind === 'tensor' ? pred.type.shape : undefined;
  const ny = shape?.[2]?.value;
  const nx = shape?.[3]?.value;
  return ny !== undefined && nx !== undefined ? [ny, nx] : undefined;
}
