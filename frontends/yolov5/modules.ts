/**
 * The modules a YOLOv5-format config may name, their arguments, and YOLOv5's `parse_model`:
 * how each layer's arguments, repeat count and channel widths are resolved (REFERENCE 1-2).
 *
 * Rounding, exactly as YOLOv5 (Python semantics):
 *   depth  n' = max(round(n * gd), 1) if n > 1 else n           (round: half to even)
 *   width  c2' = make_divisible(c2 * gw, 8) unless c2 == no      (make_divisible = ceil(x / 8) * 8)
 *   slim   c2' = max(make_divisible(c2 * gw * ratio, 8), 8)      (SlimConv, SlimC3, SlimSPPF)
 */
import type { LayerConfig, YoloConfig } from './config.js';
import { MAX_ANCHORS, MAX_DEPTH, MAX_NC, show } from './config.js';

export type ArgValue = number | boolean | string | null | ArgValue[];

type ArgKind = 'int' | 'number' | 'bool' | 'intOrNone' | 'ints' | 'ratios' | 'none' | 'nearest' | 'anchors';

interface ArgSpec {
  readonly name: string;
  readonly kind: ArgKind;
}

interface ModuleSpec {
  readonly args: readonly ArgSpec[];
  readonly minArgs: number;
  /** Whether the repeat count goes into the module (C3-like) instead of repeating it. */
  readonly takesNumber?: boolean;
  /** Whether the layer may be repeated at all. */
  readonly repeatable: boolean;
}

const CONV_ARGS: readonly ArgSpec[] = [
  { name: 'c2', kind: 'int' },
  { name: 'k', kind: 'int' },
  { name: 's', kind: 'int' },
  { name: 'p', kind: 'intOrNone' },
  { name: 'g', kind: 'int' },
  { name: 'd', kind: 'int' },
  { name: 'act', kind: 'bool' },
];

const SPECS: Readonly<Record<string, ModuleSpec>> = {
  Conv: { args: CONV_ARGS, minArgs: 1, repeatable: true },
  Bottleneck: {
    args: [
      { name: 'c2', kind: 'int' },
      { name: 'shortcut', kind: 'bool' },
      { name: 'g', kind: 'int' },
      { name: 'e', kind: 'number' },
    ],
    minArgs: 1,
    repeatable: true,
  },
  C3: {
    args: [
      { name: 'c2', kind: 'int' },
      { name: 'shortcut', kind: 'bool' },
      { name: 'g', kind: 'int' },
      { name: 'e', kind: 'number' },
    ],
    minArgs: 1,
    takesNumber: true,
    repeatable: true,
  },
  SPP: {
    args: [
      { name: 'c2', kind: 'int' },
      { name: 'k', kind: 'ints' },
    ],
    minArgs: 1,
    repeatable: true,
  },
  SPPF: {
    args: [
      { name: 'c2', kind: 'int' },
      { name: 'k', kind: 'int' },
    ],
    minArgs: 1,
    repeatable: true,
  },
  Focus: {
    args: [
      { name: 'c2', kind: 'int' },
      { name: 'k', kind: 'int' },
      { name: 's', kind: 'int' },
      { name: 'p', kind: 'intOrNone' },
      { name: 'g', kind: 'int' },
      { name: 'act', kind: 'bool' },
    ],
    minArgs: 1,
    repeatable: false,
  },
  Concat: { args: [{ name: 'dimension', kind: 'int' }], minArgs: 0, repeatable: false },
  'nn.Upsample': {
    args: [
      { name: 'size', kind: 'none' },
      { name: 'scale_factor', kind: 'number' },
      { name: 'mode', kind: 'nearest' },
    ],
    minArgs: 2,
    repeatable: true,
  },
  Detect: {
    args: [
      { name: 'nc', kind: 'int' },
      { name: 'anchors', kind: 'anchors' },
    ],
    minArgs: 2,
    repeatable: false,
  },
  SlimConv: {
    args: [CONV_ARGS[0]!, { name: 'ratio', kind: 'number' }, ...CONV_ARGS.slice(1)],
    minArgs: 2,
    repeatable: true,
  },
  SlimC3: {
    args: [
      { name: 'c2', kind: 'int' },
      { name: 'ratio', kind: 'number' },
      { name: 'inner_ratios', kind: 'ratios' },
      { name: 'shortcut', kind: 'bool' },
    ],
    minArgs: 3,
    takesNumber: true,
    repeatable: true,
  },
  SlimSPPF: {
    args: [
      { name: 'c2', kind: 'int' },
      { name: 'ratio', kind: 'number' },
      { name: 'k', kind: 'int' },
    ],
    minArgs: 2,
    repeatable: true,
  },
  ConvNeXt_Stem: {
    args: [
      { name: 'c2', kind: 'int' },
      { name: 'k', kind: 'int' },
      { name: 's', kind: 'int' },
    ],
    minArgs: 1,
    repeatable: false,
  },
  ConvNeXt_Downsample: {
    args: [
      { name: 'c2', kind: 'int' },
      { name: 'k', kind: 'int' },
      { name: 's', kind: 'int' },
    ],
    minArgs: 1,
    repeatable: true,
  },
  ConvNeXt_Block: { args: [{ name: 'c2', kind: 'int' }], minArgs: 1, takesNumber: true, repeatable: true },
};

export const KNOWN_MODULES: readonly string[] = Object.keys(SPECS);

/** YOLOv5 evaluates string arguments: `nc`, `anchors`, `None`, `True`/`False`; others stay strings. */
export function evalArg(a: ArgValue, nc: number, anchors: readonly (readonly number[])[] | number): ArgValue {
  if (typeof a !== 'string') return a;
  switch (a) {
    case 'nc':
      return nc;
    case 'anchors':
      return typeof anchors === 'number' ? anchors : anchors.map((l) => [...l]);
    case 'None':
      return null;
    case 'True':
      return true;
    case 'False':
      return false;
    default:
      return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(a) ? Number(a) : a;
  }
}

/** Python's round(): to nearest, ties to even. */
export function pyRound(x: number): number {
  const f = Math.floor(x);
  const diff = x - f;
  if (diff > 0.5) return f + 1;
  if (diff < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

export function makeDivisible(x: number, divisor: number): number {
  return Math.ceil(x / divisor) * divisor;
}

/** The repeat count after depth scaling. */
export function scaledDepth(n: number, gd: number): number {
  return n > 1 ? Math.max(pyRound(n * gd), 1) : n;
}

export interface ArgProblem {
  message: string;
  line?: number;
}

/** Checks argument count and types of one layer (after evaluating names); undefined when fine. */
export function checkLayerArgs(layer: LayerConfig, config: YoloConfig): ArgProblem | undefined {
  const spec = SPECS[layer.module];
  if (!spec) return { message: `unknown module '${layer.module}'` };
  const args = layer.args.map((a) => evalArg(a, config.nc, config.anchors));
  const names = spec.args.map((a) => a.name).join(', ');
  if (args.length < spec.minArgs || args.length > spec.args.length) {
    const range = spec.minArgs === spec.args.length ? `${spec.minArgs}` : `${spec.minArgs} to ${spec.args.length}`;
    return { message: `takes ${range} argument${spec.args.length === 1 ? '' : 's'} [${names}], got ${args.length}: ${show(layer.args)}` };
  }
  for (const [j, a] of args.entries()) {
    const s = spec.args[j]!;
    const problem = checkArg(s, a);
    if (problem) return { message: `argument ${j + 1} (${s.name}) ${problem}, got ${show(layer.args[j])}` };
  }
  if (!spec.repeatable && layer.number !== 1) return { message: `cannot be repeated ('number' must be 1, got ${layer.number})`, line: layer.line };
  const n = scaledDepth(layer.number, config.depthMultiple);
  if (n > MAX_DEPTH) {
    return { message: `repeats ${n} times after depth scaling (number ${layer.number} x depth_multiple ${config.depthMultiple}): ylc builds at most ${MAX_DEPTH} per layer`, line: layer.line };
  }
  if (layer.module === 'SlimC3') {
    const inner = args[2] as number[];
    if (inner.length < n) return { message: `needs ${n} inner ratios (one per bottleneck after depth scaling), got ${inner.length}` };
  }
  if (layer.module === 'Detect') {
    const from = typeof layer.from === 'number' ? [layer.from] : layer.from;
    const anchors = args[1]!;
    if ((args[0] as number) > MAX_NC) return { message: `argument 1 (nc) is ${args[0] as number}: ylc builds at most ${MAX_NC} classes` };
    const perLevel = Array.isArray(anchors) ? (anchors[0] as number[]).length / 2 : (anchors as number);
    if (perLevel > MAX_ANCHORS) return { message: `argument 2 (anchors) has ${perLevel} anchors per level: ylc builds at most ${MAX_ANCHORS}` };
    const nl = Array.isArray(anchors) ? anchors.length : from.length;
    if (nl !== from.length) {
      return { message: `has ${nl} anchor levels but 'from' lists ${from.length} layer${from.length === 1 ? '' : 's'}`, line: layer.fromLine };
    }
    if (Array.isArray(anchors)) {
      const na = (anchors[0] as number[]).length;
      if (anchors.some((l) => (l as number[]).length !== na)) return { message: 'anchor levels must have the same number of anchors' };
    }
  }
  if (layer.module === 'Concat' && typeof layer.from === 'number') {
    return { message: `'from' must list the layers to concatenate, got ${layer.from}`, line: layer.fromLine };
  }
  return undefined;
}

function checkArg(spec: ArgSpec, a: ArgValue): string | undefined {
  const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
  const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  switch (spec.kind) {
    case 'int':
      return isInt(a) && (spec.name === 'dimension' || a > 0 || (spec.name === 'p' && a >= 0)) ? undefined : spec.name === 'dimension' ? 'must be an integer' : 'must be a positive integer';
    case 'intOrNone':
      return a === null || (isInt(a) && a >= 0) ? undefined : 'must be a non-negative integer or None';
    case 'number':
      return isNum(a) && a > 0 ? undefined : 'must be a positive number';
    case 'bool':
      return typeof a === 'boolean' ? undefined : 'must be True or False';
    case 'ints':
      return Array.isArray(a) && a.length > 0 && a.every((v) => isInt(v) && v > 0) ? undefined : 'must be a list of positive integers';
    case 'ratios':
      return Array.isArray(a) && a.every((v) => isNum(v) && v > 0) ? undefined : 'must be a list of positive numbers';
    case 'none':
      return a === null ? undefined : 'must be None (a fixed output size is not supported; use scale_factor)';
    case 'nearest':
      return a === 'nearest' ? undefined : "must be 'nearest' (the only mode YOLOv5 configs use)";
    case 'anchors':
      if (isInt(a) && a > 0) return undefined;
      return Array.isArray(a) && a.length > 0 && a.every((l) => Array.isArray(l) && l.length > 0 && l.length % 2 === 0 && l.every((v) => isNum(v) && v > 0))
        ? undefined
        : 'must be a list of anchor levels of (w, h) pixel pairs, or a count';
  }
}

// ---------------------------------------------------------------------------------------------
// Resolved layers (YOLOv5's parse_model)

export interface ConvParams {
  c1: number;
  c2: number;
  k: number;
  s: number;
  p: number;
  g: number;
  d: number;
  act: boolean;
}

export type ResolvedModule =
  | { kind: 'Conv'; conv: ConvParams }
  | { kind: 'Bottleneck'; c1: number; c2: number; hidden: number; shortcut: boolean; g: number }
  | { kind: 'C3'; c1: number; c2: number; hidden: number; bottlenecks: number[]; shortcut: boolean; g: number }
  | { kind: 'SPPF'; c1: number; c2: number; hidden: number; k: number }
  | { kind: 'SPP'; c1: number; c2: number; hidden: number; ks: number[] }
  | { kind: 'Focus'; conv: ConvParams }
  | { kind: 'Concat'; axis: number }
  | { kind: 'Upsample'; scale: number }
  | { kind: 'Detect'; nc: number; anchors: number[][]; ch: number[] }
  | { kind: 'ConvNeXt_Stem'; c1: number; c2: number; k: number; s: number }
  | { kind: 'ConvNeXt_Downsample'; c1: number; c2: number; k: number; s: number }
  | { kind: 'ConvNeXt_Block'; dim: number; blocks: number };

export interface ResolvedLayer {
  readonly index: number;
  readonly config: LayerConfig;
  /** Absolute layer indices of the inputs; -1 is the input image. */
  readonly from: readonly number[];
  /** How many times the module is repeated in an nn.Sequential (1: not wrapped). */
  readonly repeats: number;
  readonly module: ResolvedModule;
  readonly c2: number;
}

/** Conv's autopad: `p = k // 2` (dilated: `d * (k - 1) // 2`) unless given. */
function autopad(k: number, p: number | null, d: number): number {
  if (p !== null) return p;
  const keff = d > 1 ? d * (k - 1) + 1 : k;
  return Math.floor(keff / 2);
}

export interface ParseResult {
  layers: ResolvedLayer[];
  nc: number;
}

/**
 * Resolves every layer's channels and arguments as YOLOv5's parse_model does. `fail` reports a
 * problem found only now (channels that cannot work) with the layer's line.
 */
export function resolveLayers(config: YoloConfig, nc: number, fail: (layer: LayerConfig, message: string) => never): ResolvedLayer[] {
  const gd = config.depthMultiple;
  const gw = config.widthMultiple;
  const anchors0 = config.anchors;
  const na = typeof anchors0 === 'number' ? anchors0 : Math.floor((anchors0[0]?.length ?? 6) / 2);
  const no = na * (nc + 5);
  const ch: number[] = [];
  const out: ResolvedLayer[] = [];
  for (const layer of config.layers) {
    const i = layer.index;
    const froms = (typeof layer.from === 'number' ? [layer.from] : [...layer.from]).map((f) => (f === -1 ? i - 1 : f < 0 ? i + f : f));
    const chOf = (f: number): number => (f < 0 ? config.ch : ch[f]!);
    const c1 = chOf(froms[0]!);
    const args = layer.args.map((a) => evalArg(a, nc, anchors0));
    const num = (j: number, fallback: number): number => (args[j] === undefined ? fallback : (args[j] as number));
    const bool = (j: number, fallback: boolean): boolean => (args[j] === undefined ? fallback : (args[j] as boolean));
    const width = (c2: number): number => (c2 !== no ? makeDivisible(c2 * gw, 8) : c2);
    const slimWidth = (c2: number, ratio: number): number => Math.max(makeDivisible(c2 * gw * ratio, 8), 8);
    let n = scaledDepth(layer.number, gd);
    let module: ResolvedModule;
    let c2: number;
    const conv = (c2v: number, k: number, s: number, p: number | null, g: number, d: number, act: boolean, cin = c1): ConvParams => {
      if (cin % g !== 0 || c2v % g !== 0) fail(layer, `groups g=${g} must divide the input (${cin}) and output (${c2v}) channels`);
      return { c1: cin, c2: c2v, k, s, p: autopad(k, p, d), g, d, act };
    };
    switch (layer.module) {
      case 'Conv':
      case 'SlimConv': {
        const slim = layer.module === 'SlimConv';
        const o = slim ? 1 : 0;
        c2 = slim ? slimWidth(num(0, 0), num(1, 1)) : width(num(0, 0));
        module = { kind: 'Conv', conv: conv(c2, num(1 + o, 1), num(2 + o, 1), args[3 + o] === undefined ? null : (args[3 + o] as number | null), num(4 + o, 1), num(5 + o, 1), bool(6 + o, true)) };
        break;
      }
      case 'Bottleneck': {
        c2 = width(num(0, 0));
        const e = num(3, 0.5);
        module = { kind: 'Bottleneck', c1, c2, hidden: Math.trunc(c2 * e), shortcut: bool(1, true), g: num(2, 1) };
        break;
      }
      case 'C3': {
        c2 = width(num(0, 0));
        const hidden = Math.trunc(c2 * num(3, 0.5));
        // Bottleneck(c_, c_, shortcut, g, e=1.0): hidden width int(c_ * 1.0).
        module = { kind: 'C3', c1, c2, hidden, bottlenecks: Array.from({ length: n }, () => hidden), shortcut: bool(1, true), g: num(2, 1) };
        n = 1;
        break;
      }
      case 'SlimC3': {
        c2 = slimWidth(num(0, 0), num(1, 1));
        const hidden = Math.trunc(c2 * 0.5);
        const inner = args[2] as number[];
        // The fork's Bottleneck: c_ = max(int(c2 * e), 8), not rounded to 8.
        const bottlenecks = Array.from({ length: n }, (_, j) => Math.max(Math.trunc(hidden * inner[j]!), 8));
        module = { kind: 'C3', c1, c2, hidden, bottlenecks, shortcut: bool(3, true), g: 1 };
        n = 1;
        break;
      }
      case 'SPPF':
      case 'SlimSPPF': {
        const slim = layer.module === 'SlimSPPF';
        c2 = slim ? slimWidth(num(0, 0), num(1, 1)) : width(num(0, 0));
        const k = num(slim ? 2 : 1, 5);
        module = { kind: 'SPPF', c1, c2, hidden: Math.floor(c1 / 2), k };
        break;
      }
      case 'SPP': {
        c2 = width(num(0, 0));
        const ks = args[1] === undefined ? [5, 9, 13] : (args[1] as number[]);
        module = { kind: 'SPP', c1, c2, hidden: Math.floor(c1 / 2), ks };
        break;
      }
      case 'Focus': {
        c2 = width(num(0, 0));
        module = { kind: 'Focus', conv: conv(c2, num(1, 1), num(2, 1), args[3] === undefined ? null : (args[3] as number | null), num(4, 1), 1, bool(5, true), c1 * 4) };
        break;
      }
      case 'Concat': {
        c2 = froms.reduce((sum, f) => sum + chOf(f), 0);
        const axis = num(0, 1);
        if (axis !== 1 && axis !== -3) fail(layer, `only channel concatenation (dimension 1) is supported, got ${axis}`);
        module = { kind: 'Concat', axis: 1 };
        break;
      }
      case 'nn.Upsample': {
        c2 = c1;
        module = { kind: 'Upsample', scale: num(1, 2) };
        break;
      }
      case 'Detect': {
        const a = args[1]!;
        const anchors = typeof a === 'number' ? Array.from({ length: froms.length }, () => Array.from({ length: a * 2 }, (_, j) => j)) : (a as number[][]).map((l) => [...l]);
        const detectNc = args[0] as number;
        module = { kind: 'Detect', nc: detectNc, anchors, ch: froms.map(chOf) };
        c2 = 0;
        break;
      }
      case 'ConvNeXt_Stem':
      case 'ConvNeXt_Downsample': {
        c2 = width(num(0, 0));
        module = { kind: layer.module, c1, c2, k: num(1, 1), s: num(2, 1) };
        break;
      }
      case 'ConvNeXt_Block': {
        c2 = width(num(0, 0));
        if (c1 !== c2) fail(layer, `ConvNeXt_Block keeps its width: it gets ${c1} channels from layer ${froms[0]} but asks for ${c2}`);
        module = { kind: 'ConvNeXt_Block', dim: c2, blocks: n };
        n = 1;
        break;
      }
      default:
        fail(layer, `unknown module '${layer.module}' (known: ${KNOWN_MODULES.join(', ')})`);
    }
    if (n > 1 && c1 !== c2!) {
      fail(layer, `${layer.module} repeated ${n} times needs as many input as output channels (${c1} in, ${c2!} out)`);
    }
    if (module!.kind === 'Concat' || module!.kind === 'Detect') {
      if (froms.some((f) => f < 0)) fail(layer, `${layer.module} cannot take the input image`);
    } else if (froms.length !== 1) {
      fail(layer, `${layer.module} takes one input, 'from' lists ${froms.length}`);
    }
    out.push({ index: i, config: layer, from: froms, repeats: n, module: module!, c2: c2! });
    if (i === 0) ch.length = 0;
    ch.push(c2!);
  }
  return out;
}
