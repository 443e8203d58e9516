/** `ylc info --flops [--imgsz N|H,W]`: GFLOPs (conv + linear MACs x 2, as YOLOv5 reports them), total and per node. */
import { YlcError } from '../../ir/errors.js';
import { countFlops } from '../../ir/flops.js';
import type { Model } from '../../ir/model.js';
import { formatCount } from '../../ir/summary.js';

export interface FlopsNodeRow {
  op: string;
  name: string;
  gflops: number;
  /** Share of the total, in percent. */
  percent: number;
}

export interface FlopsReport {
  /** The image size asked for ([h, w]), or null: the model's own input size. */
  imgsz: [number, number] | null;
  gflops: number;
  parameters: number;
  byOp: Record<string, number>;
  /** Conv/linear nodes whose shapes could not be inferred (not in the total). */
  unresolved: string[];
  /** Every counted node, largest first. */
  nodes: FlopsNodeRow[];
  /** Set when shapes could not be inferred at imgsz: counted at the model's own size, convolutions scaled by area. */
  scaledFrom?: { size: [number, number]; reason: string };
}

export const TOP_NODES = 20;

export function parseImgsz(text: string | number | undefined): [number, number] | undefined {
  if (text === undefined) return undefined;
  const parts = String(text).split(/[,x]/).map((s) => s.trim());
  const nums = parts.map(Number);
  if ((nums.length !== 1 && nums.length !== 2) || !nums.every((n) => Number.isInteger(n) && n > 0)) {
    throw new YlcError('bad-option', `--imgsz must be a positive integer or H,W (e.g. 640 or 480,640), got '${text}'`);
  }
  return [nums[0]!, nums[nums.length - 1]!];
}

/**
 * Parameters as YOLOv5 counts them: `parameters` (every floating-point initializer) less the
 * BatchNormalization running statistics, which are buffers, not parameters.
 */
function learnableParameters(model: Model, parameters: number): number {
  let buffers = 0;
  for (const v of model.graph.initializers.values()) {
    const uses = v.uses();
    if (v.constValue && uses.length > 0 && uses.every((u) => u.node.opType === 'BatchNormalization' && (u.index === 3 || u.index === 4))) buffers += v.constValue.size;
  }
  return parameters - buffers;
}

export function flopsReport(model: Model, parameters: number, imgsz: [number, number] | undefined): FlopsReport {
  parameters = learnableParameters(model, parameters);
  const r = countFlops(model, imgsz ? { imgsz } : {});
  const label = (n: { name: string; outputs: ReadonlyArray<{ name: string }> }) => n.name || n.outputs[0]?.name || '?';
  const nodes = [...r.perNode]
    .map(([node, flops]) => ({ op: node.opType, name: label(node), gflops: flops / 1e9, percent: r.total > 0 ? (100 * flops) / r.total : 0 }))
    .sort((a, b) => b.gflops - a.gflops);
  const byOp = Object.fromEntries(Object.entries(r.byOp).map(([op, f]) => [op, f / 1e9]));
  return { imgsz: imgsz ?? null, gflops: r.total / 1e9, parameters, byOp, unresolved: r.unresolved.map(label), nodes, ...(r.scaledFrom ? { scaledFrom: r.scaledFrom } : {}) };
}

export function formatFlops(f: FlopsReport, inputs: string): string {
  const at = f.imgsz ? `imgsz ${f.imgsz[0]}x${f.imgsz[1]}` : inputs;
  const lines = [
    '',
    `flops      ${f.gflops.toFixed(2)} GFLOPs (conv + linear MACs x 2) at ${at}; ${formatCount(f.parameters)} parameters`,
    `by op      ${Object.entries(f.byOp).map(([op, g]) => `${op} ${g.toFixed(2)}`).join(', ') || '-'}`,
  ];
  if (f.scaledFrom) {
    const [h, w] = f.scaledFrom.size;
    lines.push(`note       shapes cannot be inferred at ${f.imgsz?.join('x') ?? '?'} (${f.scaledFrom.reason}): counted at ${h}x${w}, convolutions scaled by area`);
  }
  if (f.unresolved.length) lines.push(`not counted (shapes unknown): ${f.unresolved.join(', ')}`);
  if (f.nodes.length) {
    const shown = f.nodes.slice(0, TOP_NODES);
    lines.push('', `${f.nodes.length > TOP_NODES ? `top ${TOP_NODES} of ${f.nodes.length}` : `all ${f.nodes.length}`} nodes by FLOPs (--json lists all)`);
    const opW = Math.max(2, ...shown.map((r) => r.op.length));
    const nameW = Math.max(4, ...shown.map((r) => r.name.length));
    lines.push(`  ${'op'.padEnd(opW)}  ${'name'.padEnd(nameW)}  ${'GFLOPs'.padStart(8)}  ${'%'.padStart(6)}`);
    for (const r of shown) lines.push(`  ${r.op.padEnd(opW)}  ${r.name.padEnd(nameW)}  ${r.gflops.toFixed(3).padStart(8)}  ${r.percent.toFixed(1).padStart(6)}`);
  }
  return `${lines.join('\n')}\n`;
}
