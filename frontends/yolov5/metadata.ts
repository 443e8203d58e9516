/**
 * Model metadata written by the YOLOv5 frontend.
 *
 * export.py writes two metadata_props: `stride` = str(int(max(model.stride))) (e.g. `32`) and
 * `names` = str(model.names), a Python dict repr (`{0: 'person', 1: 'bicycle'}`). ylc adds what
 * later passes need, so that a saved model can be processed without its YAML:
 *   ylc.form    `train` | `deploy`
 *   ylc.detect  JSON DetectInfo: nc, anchors (pixels), strides, head output names, class names, ...
 *   ylc.config  the YAML mapping as JSON (nc as built), what YOLOv5 keeps as `model.yaml`
 */
import { YlcError } from '../../ir/errors.js';
import type { Model } from '../../ir/model.js';
import type { DetectInfo } from './detect.js';

export const META_FORM = 'ylc.form';
export const META_DETECT = 'ylc.detect';
export const META_CONFIG = 'ylc.config';

export type ModelForm = 'train' | 'deploy';

/** Python's repr() of a str. */
export function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}

/** str({0: 'a', 1: 'b'}) as Python prints it. */
export function pyNamesRepr(names: readonly string[]): string {
  return `{${names.map((n, i) => `${i}: ${pyStrRepr(n)}`).join(', ')}}`;
}

export function defaultNames(nc: number): string[] {
  return Array.from({ length: nc }, (_, i) => `class${i}`);
}

export function readForm(model: Model): ModelForm | undefined {
  const f = model.getMetadata(META_FORM);
  return f === 'train' || f === 'deploy' ? f : undefined;
}

/** The DetectInfo recorded in the model, or a YlcError saying the model was not built by ylc. */
export function readDetectInfo(model: Model, what: string): DetectInfo {
  const text = model.getMetadata(META_DETECT);
  if (text === undefined) {
    throw new YlcError('bad-model', `${what}: the model has no '${META_DETECT}' metadata; build it with 'ylc build' (frontends/yolov5)`);
  }
  try {
    const info = JSON.parse(text) as DetectInfo;
    if (!Array.isArray(info.heads) || !Array.isArray(info.anchors) || !Array.isArray(info.strides) || typeof info.nc !== 'number') throw new Error('fields missing');
    const count = (v: unknown) => Number.isInteger(v) && (v as number) > 0;
    if (!count(info.nc) || !count(info.na) || info.no !== info.nc + 5) throw new Error(`nc ${info.nc}, na ${info.na} and no ${info.no} do not fit (no = nc + 5)`);
    if (!Number.isInteger(info.layer) || info.layer < 0) throw new Error(`layer ${info.layer} is not a layer index`);
    const levels = info.strides.length;
    if (levels === 0 || !info.strides.every(count)) throw new Error(`strides [${info.strides.join(', ')}] must be positive integers`);
    if (info.heads.length !== levels || info.anchors.length !== levels) throw new Error(`${levels} strides, ${info.heads.length} heads and ${info.anchors.length} anchor levels`);
    if (!info.anchors.every((a) => Array.isArray(a) && a.length === 2 * info.na && a.every((v) => typeof v === 'number' && v >= 0))) {
      throw new Error(`anchors must be ${info.na} (w, h) pairs of numbers >= 0 per level (0: placeholders)`);
    }
    return info;
  } catch (e) {
    throw new YlcError('bad-model', `${what}: metadata '${META_DETECT}' is not valid (${(e as Error).message})`);
  }
}

export function writeDetectInfo(model: Model, info: DetectInfo): void {
  model.setMetadata(META_DETECT, JSON.stringify(info));
}
