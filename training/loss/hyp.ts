/**
 * YOLOv5 hyperparameter files (`data/hyps/hyp.scratch-low.yaml`, ...) and train.py's rescaling of
 * the loss gains.
 *
 * `loadHyp` takes a path or a built-in name (`scratch-low`, `scratch-med`, `scratch-high`,
 * `scratch-convnext`; also `hyp.scratch-low.yaml`). Built-ins are files under `training/hyps/`,
 * read at run time relative to the package root. Every value must be a number; the keys the loss
 * reads (box, cls, cls_pw, obj, obj_pw, anchor_t) must be present. A file that is not a valid hyp
 * is bad input: one `YlcError('bad-model')` line naming the file as given and the line. A hyp given
 * as data (`checkHyp`, `hypFromJson`: an API argument) that is not valid is a `bad-option`.
 *
 * train.py scales the gains for the model and image size before building ComputeLoss:
 *   box *= 3 / nl;  cls *= nc / 80 * 3 / nl;  obj *= (imgsz / 640)^2 * 3 / nl
 * (`rescaleHyp`). A hyp that is already rescaled (the `hyp` of a golden's metadata, what train.py
 * saves in its run directory) is taken as is.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineCounter, isMap, parseDocument, type Node as YamlNode } from 'yaml';
import { YlcError } from '../../ir/errors.js';
import { packageRoot } from '../../cli/package-root.js';

export const BUILTIN_HYPS = ['scratch-low', 'scratch-med', 'scratch-high', 'scratch-convnext'] as const;
export type BuiltinHypName = (typeof BUILTIN_HYPS)[number];

/** The keys the loss reads; a hyp without one of them cannot drive ComputeLoss. */
export const LOSS_HYP_KEYS = ['box', 'cls', 'cls_pw', 'obj', 'obj_pw', 'anchor_t'] as const;

/**
 * A hyperparameter set: every key of the file, as numbers. `fl_gamma` (focal loss) and
 * `label_smoothing` are optional and default to 0, as in YOLOv5.
 */
export interface Hyp {
  readonly box: number;
  readonly cls: number;
  readonly cls_pw: number;
  readonly obj: number;
  readonly obj_pw: number;
  readonly anchor_t: number;
  readonly fl_gamma?: number;
  readonly label_smoothing?: number;
  readonly [key: string]: number | undefined;
}

export function builtinHypDir(): string {
  return path.join(packageRoot(), 'training', 'hyps');
}

function builtinName(name: string): BuiltinHypName | undefined {
  if (name.includes('/') || name.includes(path.sep)) return undefined;
  if (name.endsWith('.yaml') && fs.existsSync(path.resolve(name))) return undefined; // a local file wins
  let bare = name.endsWith('.yaml') ? name.slice(0, -'.yaml'.length) : name;
  if (bare.startsWith('hyp.')) bare = bare.slice('hyp.'.length);
  return (BUILTIN_HYPS as readonly string[]).includes(bare) ? (bare as BuiltinHypName) : undefined;
}

/** Loads a hyp YAML by path or built-in name (see the file header). */
export function loadHyp(pathOrName: string): Hyp {
  if (typeof pathOrName !== 'string' || pathOrName === '') throw new TypeError('loadHyp: pathOrName must be a non-empty string');
  const builtin = builtinName(pathOrName);
  const file = builtin ? path.join(builtinHypDir(), `hyp.${builtin}.yaml`) : path.resolve(pathOrName);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    if (code === 'ENOENT' && !pathOrName.includes('/') && !pathOrName.includes(path.sep) && !pathOrName.endsWith('.yaml')) {
      throw new YlcError('io', `unknown hyp '${pathOrName}': not a built-in (${BUILTIN_HYPS.join(', ')}) nor a file`);
    }
    throw new YlcError('io', `cannot read hyp file ${pathOrName} (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code})`);
  }
  return parseHyp(text, builtin ? path.basename(file) : pathOrName);
}

/** Parses the text of a hyp YAML file; `file` names it in messages (`YlcError('bad-model')`). */
export function parseHyp(text: string, file: string): Hyp {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (node: YamlNode | null | undefined): number => {
    const offset = node?.range?.[0];
    return offset === undefined ? 1 : lineCounter.linePos(offset).line;
  };
  const fail = (line: number, message: string): never => {
    throw new YlcError('bad-model', `${file}:${line}: ${message}`);
  };
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = yamlError.linePos?.[0]?.line ?? lineCounter.linePos(yamlError.pos[0]).line;
    fail(line, `invalid YAML: ${yamlError.message.split('\n')[0]}`);
  }
  const root = doc.contents;
  if (!isMap(root)) return fail(lineOf(root as YamlNode | null), 'a hyp file must be a YAML mapping of names to numbers (box: 0.05, cls: 0.5, ...)');
  const out: Record<string, number> = {};
  for (const pair of root.items) {
    const keyNode = pair.key as YamlNode & { value?: unknown };
    const key = String(keyNode?.value ?? keyNode);
    const valueNode = pair.value as (YamlNode & { value?: unknown }) | null;
    const value = valueNode?.value;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      fail(lineOf(valueNode ?? keyNode), `'${key}' must be a number, got ${value === undefined || value === null ? 'nothing' : JSON.stringify(value)}`);
    }
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return checkHypAs('bad-model', out, `${file}:${lineOf(root)}`);
}

/**
 * Checks a hyp given as data (e.g. the JSON `hyp` of a golden's metadata): numbers only, the
 * loss keys present and in range. `what` names it in messages.
 */
export function checkHyp(hyp: Readonly<Record<string, unknown>>, what: string, line?: number): Hyp {
  return checkHypAs('bad-option', hyp, line === undefined ? what : `${what}:${line}`);
}

function checkHypAs(code: 'bad-option' | 'bad-model', hyp: Readonly<Record<string, unknown>>, where: string): Hyp {
  const fail = (message: string): never => {
    throw new YlcError(code, `${where}: ${message}`);
  };
  if (typeof hyp !== 'object' || hyp === null || Array.isArray(hyp)) fail(`a hyp must be a mapping of names to numbers`);
  for (const [k, v] of Object.entries(hyp)) {
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(`'${k}' must be a number, got ${JSON.stringify(v)}`);
  }
  const missing = LOSS_HYP_KEYS.filter((k) => !(k in hyp));
  if (missing.length) fail(`the hyp lacks ${missing.map((k) => `'${k}'`).join(', ')} (the loss needs ${LOSS_HYP_KEYS.join(', ')})`);
  const h = hyp as Record<string, number>;
  for (const k of ['box', 'cls', 'obj'] as const) if (h[k]! < 0) fail(`gain '${k}' must be >= 0, got ${h[k]}`);
  for (const k of ['cls_pw', 'obj_pw'] as const) if (!(h[k]! > 0)) fail(`positive weight '${k}' must be > 0, got ${h[k]}`);
  if (!(h.anchor_t! > 1)) fail(`'anchor_t' must be > 1 (an anchor-multiple threshold, 4.0 in YOLOv5), got ${h.anchor_t}`);
  const ls = h.label_smoothing ?? 0;
  if (ls < 0 || ls > 1) fail(`'label_smoothing' must be in [0, 1], got ${ls}`);
  if ((h.fl_gamma ?? 0) < 0) fail(`'fl_gamma' must be >= 0, got ${h.fl_gamma}`);
  return { ...h } as unknown as Hyp;
}

/** A hyp from JSON text (what train.py and the goldens store), checked; `what` names it in messages. */
export function hypFromJson(text: string, what: string): Hyp {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new YlcError('bad-option', `${what}: the hyp is not valid JSON (${(e as Error).message})`);
  }
  return checkHyp(data as Record<string, unknown>, what);
}

/**
 * train.py's rescaling of the loss gains for a model with `nc` classes and `nl` detection layers
 * trained at `imgsz` (the batch's image side).
 */
export function rescaleHyp(hyp: Hyp, options: { nc: number; imgsz: number; nl?: number }): Hyp {
  const { nc, imgsz } = options;
  const nl = options.nl ?? 3;
  if (!Number.isInteger(nc) || nc < 1) throw new RangeError(`rescaleHyp: nc must be a positive integer, got ${nc}`);
  if (!(imgsz > 0)) throw new RangeError(`rescaleHyp: imgsz must be positive, got ${imgsz}`);
  if (!Number.isInteger(nl) || nl < 1) throw new RangeError(`rescaleHyp: nl must be a positive integer, got ${nl}`);
  // The same operations in the same order as train.py, so the doubles agree to the last bit.
  return {
    ...hyp,
    box: hyp.box * (3 / nl),
    cls: hyp.cls * ((nc / 80) * 3 / nl),
    obj: hyp.obj * ((imgsz / 640) ** 2 * 3 / nl),
  };
}
