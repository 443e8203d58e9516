/**
 * YOLOv5-format model configs (`yolov5s.yaml`, the YOLOv5-Light slim and ConvNeXt variants).
 *
 * Contract:
 * - `loadConfig` takes a built-in name (`yolov5s`, `yolov5n_slim`, ...) or the path of any
 *   YOLOv5-format YAML file, users' files verbatim. Built-ins are files under
 *   `frontends/yolov5/configs/`, read at run time relative to the package root.
 * - Everything that can be checked without building is checked here: YAML syntax, the top-level
 *   keys, the shape of every `[from, number, module, args]` entry, module names, argument counts
 *   and types, and `from` indices (earlier layers only). A problem is one `YlcError('bad-model')`
 *   line naming the file and line: `yolov5s.yaml:23: unknown module 'C4' (known: Conv, ...)`.
 * - Arguments are kept as written (`nc`, `anchors`, `None` unevaluated): `nc` may be overridden at
 *   build time, as YOLOv5's `Model(cfg, nc=...)` does.
 * - Counts are bounded (MAX_NC, MAX_DEPTH, MAX_ANCHORS), far above any YOLOv5 model and low enough
 *   that what parse_model makes from them (class names, bottleneck lists, anchor placeholders)
 *   stays small; the size of the whole model is bounded when it is built (MAX_PARAMETERS).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Document as YamlDocument, LineCounter, isMap, isSeq, parseDocument, type Node as YamlNode, type Document } from 'yaml';
import { YlcError } from '../../ir/errors.js';
import { packageRoot } from '../../cli/package-root.js';
import { checkLayerArgs, KNOWN_MODULES, type ArgValue } from './modules.js';

export const BUILTIN_CONFIGS = [
  'yolov5n',
  'yolov5s',
  'yolov5m',
  'yolov5l',
  'yolov5x',
  'yolov5n_slim',
  'yolov5s_slim',
  'yolov5l_slim',
  'yolov5_convnexts',
] as const;

export type BuiltinConfigName = (typeof BUILTIN_CONFIGS)[number];

/** Most classes a model may have (COCO has 80, LVIS 1203, ImageNet-21k 21841). */
export const MAX_NC = 100_000;
/** Most modules one layer may repeat after depth scaling (yolov5x's deepest C3 has 12). */
export const MAX_DEPTH = 1_000;
/** Most anchors per detection level (YOLOv5 has 3). */
export const MAX_ANCHORS = 100;

export interface LayerConfig {
  /** Position in backbone + head, from 0. */
  readonly index: number;
  /** -1 (previous layer), a layer index, a negative offset, or a list of them. */
  readonly from: number | readonly number[];
  /** The repeat count as written (depth scaling happens at build time). */
  readonly number: number;
  readonly module: string;
  /** Arguments as written in the YAML (names such as `nc` are resolved at build time). */
  readonly args: readonly ArgValue[];
  /** 1-based line of the entry, and of its fields, for messages. */
  readonly line: number;
  readonly fromLine: number;
  readonly moduleLine: number;
  readonly argsLine: number;
}

export interface YoloConfig {
  /** File name used in messages (`yolov5s.yaml`). */
  readonly file: string;
  /** Absolute path of the file, when it came from one. */
  readonly path: string | undefined;
  readonly nc: number;
  readonly depthMultiple: number;
  readonly widthMultiple: number;
  /** Input channels (`ch`, default 3). */
  readonly ch: number;
  /**
   * Anchors per level as (w, h) pixel pairs, flat: `[[10,13, 16,30, 33,23], ...]`; or a count of
   * anchors per level (`anchors: 3`), for which YOLOv5 makes placeholders that autoanchor replaces.
   */
  readonly anchors: readonly (readonly number[])[] | number;
  readonly layers: readonly LayerConfig[];
  /** Number of backbone layers (head layers follow). */
  readonly backboneLength: number;
  /** The whole YAML mapping as plain data (what YOLOv5 keeps as `model.yaml`). */
  readonly dict: Readonly<Record<string, unknown>>;
}

/** The directory of the built-in configs. */
export function builtinConfigDir(): string {
  return path.join(packageRoot(), 'frontends', 'yolov5', 'configs');
}

/**
 * Loads a built-in config by name (`yolov5s`, also `yolov5s.yaml`) or any YOLOv5-format YAML file
 * by path. Throws `YlcError('io')` when the file cannot be read, `YlcError('bad-model')` when it is
 * not a valid config.
 */
export function loadConfig(pathOrBuiltinName: string): YoloConfig {
  if (typeof pathOrBuiltinName !== 'string' || pathOrBuiltinName === '') {
    throw new TypeError('loadConfig: pathOrBuiltinName must be a non-empty string');
  }
  const builtin = builtinName(pathOrBuiltinName);
  const file = builtin ? path.join(builtinConfigDir(), `${builtin}.yaml`) : path.resolve(pathOrBuiltinName);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    if (code === 'ENOENT' && looksLikeName(pathOrBuiltinName)) {
      throw new YlcError('io', `unknown model config '${pathOrBuiltinName}': not a built-in (${BUILTIN_CONFIGS.join(', ')}) nor a file`);
    }
    throw new YlcError('io', `cannot read model config ${pathOrBuiltinName} (${code === 'ENOENT' ? 'no such file' : code})`);
  }
  return parseConfig(text, path.basename(file), file);
}

function builtinName(name: string): BuiltinConfigName | undefined {
  const bare = name.endsWith('.yaml') ? name.slice(0, -'.yaml'.length) : name;
  if (name.includes('/') || name.includes(path.sep)) return undefined;
  if (name.endsWith('.yaml') && fs.existsSync(path.resolve(name))) return undefined; // a local file wins
  return (BUILTIN_CONFIGS as readonly string[]).includes(bare) ? (bare as BuiltinConfigName) : undefined;
}

function looksLikeName(s: string): boolean {
  return !s.includes('/') && !s.includes(path.sep) && !s.includes('.');
}

/**
 * A config from its dict, as YOLOv5 keeps it in a checkpoint (`model.yaml`) or ylc in the
 * `ylc.config` metadata. Checked as a file would be; lines in messages count in the dict's YAML
 * rendering (one layer per line), named `file`.
 */
export function configFromDict(dict: Readonly<Record<string, unknown>>, file = '<model.yaml>'): YoloConfig {
  if (typeof dict !== 'object' || dict === null || Array.isArray(dict)) throw new TypeError('configFromDict: dict must be a plain object');
  const doc = new YamlDocument(dict);
  // One `[from, number, module, args]` entry (and one anchor level) per line, as YOLOv5's YAMLs are written.
  for (const key of ['anchors', 'backbone', 'head']) {
    const seq = doc.get(key, true);
    if (isSeq(seq)) for (const item of seq.items) if (isSeq(item)) item.flow = true;
  }
  return parseConfig(doc.toString({ lineWidth: 0 }), file);
}

/** Parses the text of a YOLOv5-format YAML config; `file` names it in messages. */
export function parseConfig(text: string, file: string, filePath?: string): YoloConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (node: YamlNode | null | undefined, fallback = 1): number => {
    const offset = node?.range?.[0];
    return offset === undefined ? fallback : lineCounter.linePos(offset).line;
  };
  const fail = (line: number, message: string): never => {
    throw new YlcError('bad-model', `${file}:${line}: ${message}`);
  };

  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = yamlError.linePos?.[0]?.line ?? lineCounter.linePos(yamlError.pos[0]).line;
    fail(line, `invalid YAML: ${firstLine(yamlError.message)}`);
  }
  const root = doc.contents;
  if (!isMap(root)) fail(lineOf(root as YamlNode | null), 'a model config must be a YAML mapping with nc, depth_multiple, width_multiple, anchors, backbone and head');
  const dict = toPlain(doc);

  const field = (key: string): { value: unknown; line: number } => {
    const node = (root as { get(key: string, keep: true): unknown }).get(key, true) as YamlNode | undefined;
    return { value: dict[key], line: lineOf(node, lineOf(root as YamlNode)) };
  };
  const topLine = lineOf(root as YamlNode);
  const requireKey = (key: string): { value: unknown; line: number } => {
    if (!(key in dict)) fail(topLine, `missing key '${key}'`);
    return field(key);
  };

  const nc = requireKey('nc');
  if (!isPositiveInteger(nc.value)) fail(nc.line, `'nc' must be a positive integer, got ${show(nc.value)}`);
  if ((nc.value as number) > MAX_NC) fail(nc.line, `'nc' is ${show(nc.value)}: ylc builds at most ${MAX_NC} classes`);
  const gd = requireKey('depth_multiple');
  if (!isPositiveNumber(gd.value)) fail(gd.line, `'depth_multiple' must be a positive number, got ${show(gd.value)}`);
  const gw = requireKey('width_multiple');
  if (!isPositiveNumber(gw.value)) fail(gw.line, `'width_multiple' must be a positive number, got ${show(gw.value)}`);
  let ch = 3;
  if ('ch' in dict) {
    const c = field('ch');
    if (!isPositiveInteger(c.value)) fail(c.line, `'ch' must be a positive integer, got ${show(c.value)}`);
    ch = c.value as number;
  }
  if ('activation' in dict) {
    const a = field('activation');
    if (a.value !== null && a.value !== 'nn.SiLU()') fail(a.line, `activation ${show(a.value)} is not supported (only nn.SiLU(), the default)`);
  }
  const anchorsField = requireKey('anchors');
  const anchorsNode = (root as { get(key: string, keep: true): unknown }).get('anchors', true);
  const levelLine = (k: number): number => (isSeq(anchorsNode) ? lineOf(anchorsNode.items[k] as YamlNode, anchorsField.line) : anchorsField.line);
  const anchors = parseAnchors(anchorsField.value, (m, k) => fail(k === undefined ? anchorsField.line : levelLine(k), m));

  const layers: LayerConfig[] = [];
  let backboneLength = 0;
  for (const section of ['backbone', 'head'] as const) {
    const s = requireKey(section);
    const node = (root as { get(key: string, keep: true): unknown }).get(section, true);
    if (!isSeq(node)) fail(s.line, `'${section}' must be a list of [from, number, module, args] entries`);
    for (const item of (node as { items: unknown[] }).items) {
      layers.push(parseLayer(item as YamlNode, layers.length, lineOf, fail));
    }
    if (section === 'backbone') backboneLength = layers.length;
  }
  if (layers.length === 0) fail(topLine, 'the model has no layers');

  const config: YoloConfig = {
    file,
    path: filePath,
    nc: nc.value as number,
    depthMultiple: gd.value as number,
    widthMultiple: gw.value as number,
    ch,
    anchors,
    layers,
    backboneLength,
    dict,
  };
  checkConfig(config);
  return config;
}

function parseLayer(
  node: YamlNode,
  index: number,
  lineOf: (node: YamlNode | null | undefined, fallback?: number) => number,
  fail: (line: number, message: string) => never,
): LayerConfig {
  const line = lineOf(node);
  if (!isSeq(node)) fail(line, `layer ${index} must be a list [from, number, module, args], got ${show(plain(node))}`);
  const items = (node as unknown as { items: YamlNode[] }).items;
  if (items.length !== 4) fail(line, `layer ${index} must be [from, number, module, args], got ${items.length} item${items.length === 1 ? '' : 's'}`);
  const [fromNode, numberNode, moduleNode, argsNode] = items as [YamlNode, YamlNode, YamlNode, YamlNode];
  const from = plain(fromNode);
  const fromLine = lineOf(fromNode, line);
  const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
  if (!(isIndex(from) || (Array.isArray(from) && from.length > 0 && from.every(isIndex)))) {
    fail(fromLine, `layer ${index}: 'from' must be a layer index or a list of them, got ${show(from)}`);
  }
  const number = plain(numberNode);
  if (!isPositiveInteger(number)) fail(lineOf(numberNode, line), `layer ${index}: 'number' must be a positive integer, got ${show(number)}`);
  const module = plain(moduleNode);
  const moduleLine = lineOf(moduleNode, line);
  if (typeof module !== 'string') fail(moduleLine, `layer ${index}: the module must be a name, got ${show(module)}`);
  const args = plain(argsNode);
  const argsLine = lineOf(argsNode, line);
  if (!Array.isArray(args)) fail(argsLine, `layer ${index} (${module as string}): args must be a list, got ${show(args)}`);
  return {
    index,
    from: from as number | number[],
    number: number as number,
    module: module as string,
    args: args as ArgValue[],
    line,
    fromLine,
    moduleLine,
    argsLine,
  };
}

/** Layer-level checks that need the whole list: module names, `from` indices, argument forms. */
function checkConfig(config: YoloConfig): void {
  const fail = (line: number, message: string): never => {
    throw new YlcError('bad-model', `${config.file}:${line}: ${message}`);
  };
  const last = config.layers.length - 1;
  for (const layer of config.layers) {
    const i = layer.index;
    if (!KNOWN_MODULES.includes(layer.module)) {
      fail(layer.moduleLine, `unknown module '${layer.module}' (known: ${KNOWN_MODULES.join(', ')})`);
    }
    for (const f of typeof layer.from === 'number' ? [layer.from] : layer.from) {
      if (f >= 0 && f >= i) {
        fail(layer.fromLine, `layer ${i} (${layer.module}): 'from' ${f} points forward (a layer can only use earlier layers, 0..${i - 1})`);
      }
      if (f < 0 && i + f < 0 && !(f === -1 && i === 0)) {
        fail(layer.fromLine, `layer ${i} (${layer.module}): 'from' ${f} is out of range (layer ${i} can use layers 0..${i - 1}, or -${i}..-1 counting back)`);
      }
      if (i === 0 && f !== -1) fail(layer.fromLine, `layer 0 (${layer.module}): 'from' must be -1 (the input image), got ${f}`);
    }
    if (layer.module === 'Detect' && i !== last) fail(layer.moduleLine, `layer ${i}: Detect must be the last layer`);
    if (layer.module !== 'Detect' && i === last) fail(layer.moduleLine, `the last layer must be Detect, got ${layer.module}`);
    const problem = checkLayerArgs(layer, config);
    if (problem) fail(problem.line ?? layer.argsLine, `layer ${i} (${layer.module}): ${problem.message}`);
  }
}

function parseAnchors(value: unknown, fail: (message: string, level?: number) => never): number[][] | number {
  if (isPositiveInteger(value)) {
    if (value > MAX_ANCHORS) fail(`'anchors' is ${value}: ylc builds at most ${MAX_ANCHORS} anchors per level`);
    return value;
  }
  if (!Array.isArray(value) || value.length === 0) fail(`'anchors' must be a list of levels, each a list of (w, h) pixel pairs, got ${show(value)}`);
  const levels = value as unknown[];
  const na = Array.isArray(levels[0]) ? levels[0].length : 0;
  for (const [k, level] of levels.entries()) {
    if (!Array.isArray(level) || level.length === 0 || level.length % 2 !== 0 || !level.every(isPositiveNumber)) {
      fail(`'anchors' level ${k} must be a list of (w, h) pixel pairs, got ${show(level)}`, k);
    }
    if (level.length !== na) fail(`'anchors' levels must have the same number of anchors (level 0 has ${na / 2}, level ${k} has ${level.length / 2})`, k);
    if (na / 2 > MAX_ANCHORS) fail(`'anchors' level ${k} has ${na / 2} anchors: ylc builds at most ${MAX_ANCHORS} per level`, k);
  }
  return levels as number[][];
}

function toPlain(doc: Document): Record<string, unknown> {
  return doc.toJS({ maxAliasCount: 1000 }) as Record<string, unknown>;
}

function plain(node: YamlNode | null | undefined): unknown {
  if (node === null || node === undefined) return null;
  return (node as { toJSON(): unknown }).toJSON();
}

function isPositiveInteger(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v > 0;
}

function isPositiveNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0;
}

/** A short rendering of a YAML value for messages. */
export function show(v: unknown): string {
  const s = JSON.stringify(v);
  if (s === undefined) return String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
}
