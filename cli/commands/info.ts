/** `ylc info model.onnx [--json] [--layers] [--flops [--imgsz N]] [--groups]`: what is in a model, for people and for scripts. */
import { dataTypeName } from '../../ir/dtype.js';
import type { Model } from '../../ir/model.js';
import { inferShapes } from '../../ir/shape-inference/index.js';
import { formatBytes, formatCount, summarizeModel, type ModelSummary } from '../../ir/summary.js';
import { formatType } from '../../ir/type.js';
import { readModelFile } from '../io.js';
import { flopsReport, formatFlops, parseImgsz } from './info-flops.js';
import { formatGroups, groupsReport } from './info-groups.js';

export interface LayerRow {
  name: string;
  op: string;
  inputs: string[];
  outputs: string[];
}

export function infoCommand(file: string, flags: { json: boolean; layers: boolean; flops?: boolean; imgsz?: string | number; groups?: boolean }): void {
  const imgsz = parseImgsz(flags.imgsz);
  const model = readModelFile(file);
  const layers = flags.layers ? layerRows(model) : undefined;
  const summary = summarizeModel(model);
  const flops = flags.flops || imgsz ? flopsReport(model, summary.parameterCount, imgsz) : undefined;
  const groups = flags.groups ? groupsReport(model) : undefined;
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ file, ...summary, ...(layers ? { layers } : {}), ...(flops ? { flops } : {}), ...(groups ? { channelGroups: groups } : {}) }, null, 2)}\n`);
    return;
  }
  process.stdout.write(formatSummary(file, summary));
  if (layers) process.stdout.write(formatLayers(layers));
  if (flops) process.stdout.write(formatFlops(flops, summary.inputs.map((v) => `${v.name}: ${v.type}`).join(', ')));
  if (groups) process.stdout.write(formatGroups(groups));
}

function layerRows(model: Model): LayerRow[] {
  inferShapes(model);
  const shown = (v: { name: string; type: Parameters<typeof formatType>[0]; constValue?: { dtype: number; dims: readonly number[] } } | null) => {
    if (!v) return '-';
    if (v.constValue) return `${v.name}: const ${dataTypeName(v.constValue.dtype)}[${v.constValue.dims.join(',')}]`;
    return `${v.name}: ${formatType(v.type)}`;
  };
  return [...model.graph.nodes].map((node) => ({
    name: node.name,
    op: node.domain ? `${node.domain}.${node.opType}` : node.opType,
    inputs: node.inputs.map(shown),
    outputs: node.outputs.map(shown),
  }));
}

export function formatSummary(file: string, s: ModelSummary): string {
  const lines = [
    `model      ${file}`,
    `ir         ${s.irVersion}${s.producer ? `   producer ${s.producer}` : ''}`,
    `opsets     ${Object.entries(s.opsetImports).map(([d, v]) => `${d || 'ai.onnx'} ${v}`).join(', ')}`,
    ...s.inputs.map((v, i) => `${i === 0 ? 'inputs ' : '       '}    ${v.name}: ${v.type}`),
    ...s.outputs.map((v, i) => `${i === 0 ? 'outputs' : '       '}    ${v.name}: ${v.type}`),
    `nodes      ${formatCount(s.nodeCount)}`,
    `parameters ${formatCount(s.parameterCount)} in ${formatCount(s.initializerCount)} initializers (${formatBytes(s.initializerBytes)})`,
    `ops        ${Object.entries(s.opHistogram).map(([op, n]) => `${op} ${n}`).join(', ')}`,
  ];
  if (s.functions.length) lines.push(`functions  ${s.functions.join(', ')}`);
  const meta = Object.entries(s.metadata);
  if (meta.length) lines.push(`metadata   ${meta.map(([k, v]) => `${k}=${v.length > 60 ? `${v.slice(0, 57)}...` : v}`).join('\n           ')}`);
  return `${lines.join('\n')}\n`;
}

function formatLayers(rows: LayerRow[]): string {
  const out = ['', 'layers'];
  rows.forEach((r, i) => {
    out.push(`${String(i).padStart(4)}  ${r.op.padEnd(18)} ${r.name}`);
    out.push(`        in : ${r.inputs.join('  ')}`);
    out.push(`        out: ${r.outputs.join('  ')}`);
  });
  return `${out.join('\n')}\n`;
}
