/**
 * `emit-cfg=<file.yaml>`: the YOLOv5-format config of a pruned model, with Slim module ratios
 * (REFERENCE 2), such that `ylc build --cfg file.yaml` gives exactly the pruned graph's shapes.
 *
 * Per layer of the model's `ylc.config` (the YAML it was built from; required):
 *   Conv/SlimConv   -> SlimConv [c2, r, k, s, ...]   with max(make_divisible(c2 * gw * r, 8), 8) = conv width
 *   C3/SlimC3       -> SlimC3 [c2, r, [r_j...], shortcut]: cv3 width from r; cv1 = cv2 = int(cv3 / 2);
 *                      bottleneck j hidden width max(int(c_ * r_j), 8)
 *   SPPF/SlimSPPF   -> SlimSPPF [c2, r, k]: cv2 width from r; cv1 = (its input width) // 2
 * A layer whose widths did not change is written as it was. The ratios are the shortest decimals
 * that reproduce each width exactly in float64, as Python evaluates them.
 *
 * What Slim modules cannot express is stated, not approximated (the seed's defect was a YAML that
 * shrank C3 cv1/cv2 while its weights kept them): a C3 whose cv3 lost channels while cv1/cv2 kept
 * theirs (scope=yolov5-light prunes exactly that), an SPPF cv1 that is not half its input, a width
 * that is not a multiple of 8, a module without a ratio argument (ConvNeXt, Focus, ...). The file is
 * then not written and a warning lists each layer and why. Before writing, the YAML is built (as
 * `ylc build` would) and every initializer's shape is compared with the pruned model's by name; the
 * file is written (temp file + rename) only when all agree.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Document as YamlDocument, isSeq } from 'yaml';
import { YlcError } from '../../ir/errors.js';
import type { Model } from '../../ir/model.js';
import { buildModel } from '../../frontends/yolov5/build.js';
import { configFromDict, parseConfig, type YoloConfig } from '../../frontends/yolov5/config.js';
import type { DetectInfo } from '../../frontends/yolov5/detect.js';
import { META_CONFIG, META_DETECT, readDetectInfo, readForm } from '../../frontends/yolov5/metadata.js';
import { makeDivisible, resolveLayers, type ResolvedLayer } from '../../frontends/yolov5/modules.js';
import { writeFileAtomic } from '../../ir/atomic-write.js';
import type { PassContext } from '../pass.js';

export interface EmitRequest {
  readonly file: string;
}

/** Checks, before any work, that a config can be emitted for `model` to `file`. */
export function prepareEmit(model: Model, file: string): EmitRequest {
  if (!model.getMetadata(META_CONFIG)) {
    throw new YlcError(
      'bad-option',
      `option 'emit-cfg': the model has no '${META_CONFIG}' metadata (the YAML it was built from); build it with 'ylc build' or 'ylc import' to emit a config`,
    );
  }
  const dir = path.dirname(path.resolve(file));
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new YlcError('bad-option', `option 'emit-cfg': cannot write ${file}: directory ${path.dirname(file)} does not exist`);
  }
  return { file };
}

function slimWidth(c2: number, gw: number, r: number): number {
  return Math.max(makeDivisible(c2 * gw * r, 8), 8);
}

/** The shortest decimal r with f(r) === target, trying n/d rounded to 1..12 digits. */
function shortestRatio(exact: number, ok: (r: number) => boolean, extra: readonly number[] = []): number | undefined {
  for (let d = 1; d <= 12; d++) {
    const r = Number(exact.toFixed(d));
    if (r > 0 && ok(r)) return r;
  }
  for (const r of extra) if (r > 0 && ok(r)) return Number(r.toPrecision(15));
  return undefined;
}

interface LayerPlan {
  entry: unknown[];
  problem?: string;
}

/** Output channels of the conv with state_dict prefix `prefix` (`model.4.cv3`), from the model. */
function widthsOf(model: Model): (prefix: string, axis?: number) => number | undefined {
  const g = model.graph;
  return (prefix, axis = 0) => {
    const v = g.initializers.get(`${prefix}.conv.weight`) ?? g.initializers.get(`${prefix}.weight`);
    return v?.constValue?.dims[axis];
  };
}

function planLayer(layer: ResolvedLayer, cfg: YoloConfig, width: (p: string, axis?: number) => number | undefined): LayerPlan {
  const c = layer.config;
  const entry: unknown[] = [c.from, c.number, c.module, [...c.args]];
  const name = `model.${layer.index}`;
  const gw = cfg.widthMultiple;
  const m = layer.module;
  const where = `layer ${layer.index} (${c.module})`;
  const args = c.args;
  switch (m.kind) {
    case 'Conv': {
      const n = width(name);
      if (n === undefined || n === m.conv.c2) return { entry };
      const slim = c.module === 'SlimConv';
      const c2 = args[0] as number;
      const r = shortestRatio(n / (c2 * gw), (x) => slimWidth(c2, gw, x) === n);
      if (r === undefined) return { entry, problem: `${where}: ${n} channels is not a width SlimConv can give (a multiple of 8, at least 8)` };
      if (c.module !== 'Conv' && !slim) return { entry, problem: `${where}: the module has no ratio argument` };
      return { entry: [c.from, c.number, 'SlimConv', [c2, r, ...(slim ? args.slice(2) : args.slice(1))]] };
    }
    case 'C3': {
      const c3 = width(`${name}.cv3`);
      const c1 = width(`${name}.cv1`);
      const c2w = width(`${name}.cv2`);
      const hidden = m.bottlenecks.map((_, j) => width(`${name}.m.${j}.cv1`));
      if (c3 === undefined || c1 === undefined || c2w === undefined || hidden.some((h) => h === undefined)) return { entry };
      const unchanged = c3 === m.c2 && c1 === m.hidden && c2w === m.hidden && hidden.every((h, j) => h === m.bottlenecks[j]);
      if (unchanged) return { entry };
      const slim = c.module === 'SlimC3';
      if (!slim && ((args[2] !== undefined && args[2] !== 1) || (args[3] !== undefined && args[3] !== 0.5))) {
        return { entry, problem: `${where}: groups or expansion other than 1 and 0.5 have no SlimC3 form` };
      }
      const half = Math.trunc(c3 * 0.5);
      if (c1 !== half || c2w !== half) {
        return { entry, problem: `${where}: cv3 has ${c3} channels but cv1/cv2 ${c1}/${c2w}; SlimC3 makes cv1 = cv2 = int(cv3 / 2) = ${half}` };
      }
      const c2 = args[0] as number;
      const r = shortestRatio(c3 / (c2 * gw), (x) => slimWidth(c2, gw, x) === c3);
      if (r === undefined) return { entry, problem: `${where}: cv3 width ${c3} is not a width SlimC3 can give (a multiple of 8, at least 8)` };
      const inner: number[] = [];
      for (const [j, h] of hidden.entries()) {
        const x = shortestRatio(h! / half, (q) => Math.max(Math.trunc(half * q), 8) === h, [(h! + 0.5) / half]);
        if (x === undefined) return { entry, problem: `${where}: bottleneck ${j} hidden width ${h} cannot be max(int(${half} * r), 8)` };
        inner.push(x);
      }
      const shortcut = slim ? args[3] : args[1];
      return { entry: [c.from, c.number, 'SlimC3', [c2, r, inner, ...(shortcut === undefined ? [] : [shortcut])]] };
    }
    case 'SPPF': {
      const out = width(`${name}.cv2`);
      const hid = width(`${name}.cv1`);
      const cin = width(`${name}.cv1`, 1);
      if (out === undefined || hid === undefined || cin === undefined) return { entry };
      if (out === m.c2 && hid === m.hidden && cin === m.c1) return { entry };
      if (hid !== Math.floor(cin / 2)) {
        return { entry, problem: `${where}: cv1 has ${hid} channels; SlimSPPF makes it half its input (${cin} // 2 = ${Math.floor(cin / 2)})` };
      }
      if (out === m.c2 && c.module === 'SPPF') return { entry };
      const slim = c.module === 'SlimSPPF';
      const c2 = args[0] as number;
      const r = shortestRatio(out / (c2 * gw), (x) => slimWidth(c2, gw, x) === out);
      if (r === undefined) return { entry, problem: `${where}: cv2 width ${out} is not a width SlimSPPF can give (a multiple of 8, at least 8)` };
      return { entry: [c.from, c.number, 'SlimSPPF', [c2, r, ...(slim ? args.slice(2) : args.slice(1))]] };
    }
    default:
      return { entry };
  }
}

/** Writes the Slim YAML of the pruned `model`, or warns what it cannot express (see the header). */
export function emitSlimConfig(model: Model, req: EmitRequest, ctx: PassContext): boolean {
  let dict: unknown;
  try {
    dict = JSON.parse(model.getMetadata(META_CONFIG)!);
  } catch (e) {
    throw new YlcError('bad-model', `metadata '${META_CONFIG}' is not valid JSON (${(e as Error).message}); --emit-cfg needs the config the model was built from`);
  }
  if (typeof dict !== 'object' || dict === null || Array.isArray(dict)) throw new YlcError('bad-model', `metadata '${META_CONFIG}' is not a JSON object; --emit-cfg needs the config the model was built from`);
  const cfg = configFromDict(dict as Record<string, unknown>, META_CONFIG);
  const fail = (l: { index: number }, msg: string): never => {
    throw new YlcError('bad-model', `metadata '${META_CONFIG}': layer ${l.index}: ${msg}`);
  };
  const layers = resolveLayers(cfg, cfg.nc, fail);
  const width = widthsOf(model);
  const plans = layers.map((l) => planLayer(l, cfg, width));
  const problems = plans.flatMap((p) => (p.problem ? [p.problem] : []));
  const backbone = plans.slice(0, cfg.backboneLength).map((p) => p.entry);
  const head = plans.slice(cfg.backboneLength).map((p) => p.entry);
  const text = renderYaml({ ...dict, backbone, head }, model);
  if (problems.length === 0) problems.push(...compareBuilt(model, text, path.basename(req.file)));
  if (problems.length > 0) {
    ctx.count('cfg-inexpressible', problems.length);
    const shown = problems.slice(0, 4).join('; ');
    ctx.warn(`emit-cfg: ${req.file} not written: ${problems.length} pruned shape${problems.length === 1 ? '' : 's'} no Slim YAML can express: ${shown}${problems.length > 4 ? `; ... (+${problems.length - 4} more)` : ''}`);
    return false;
  }
  writeFileAtomic(req.file, [new TextEncoder().encode(text)]);
  ctx.warn(`emit-cfg: wrote ${req.file} (builds the pruned shapes exactly)`);
  return true;
}

function renderYaml(dict: Record<string, unknown>, model: Model): string {
  const doc = new YamlDocument(dict);
  for (const key of ['anchors', 'backbone', 'head']) {
    const seq = doc.get(key, true);
    if (isSeq(seq)) for (const item of seq.items) if (isSeq(item)) item.flow = true;
  }
  const producer = `${model.producerName ?? 'ylc'} ${model.producerVersion ?? ''}`.trim();
  return `# Pruned YOLOv5 config written by ylc (${producer}): Slim module ratios reproduce the pruned widths.\n${doc.toString({ lineWidth: 0 })}`;
}

/** Builds the YAML and lists every initializer whose shape differs from the pruned model's. */
function compareBuilt(model: Model, text: string, file: string): string[] {
  const cfg = parseConfig(text, file);
  const info: Partial<DetectInfo> = model.getMetadata(META_DETECT) !== undefined ? readDetectInfo(model, 'the pruned model') : {};
  const built = buildModel(cfg, { form: readForm(model) ?? 'train', ...(info.imgsz ? { imgsz: info.imgsz } : {}), ...(info.batch !== undefined ? { batch: info.batch } : {}) });
  const out: string[] = [];
  for (const [name, v] of built.graph.initializers) {
    const mine = model.graph.initializers.get(name)?.constValue;
    const theirs = v.constValue!;
    if (!mine) continue;
    if (mine.dims.length !== theirs.dims.length || mine.dims.some((d, i) => d !== theirs.dims[i])) {
      out.push(`${name}: pruned [${mine.dims.join(',')}], the YAML builds [${theirs.dims.join(',')}]`);
    }
  }
  return out;
}
