/**
 * Which channel groups `scope=yolov5-light` prunes: the parts YOLOv5-Light's mask code prunes
 * (REFERENCE 2): every Conv/SlimConv; in C3/SlimC3 `cv3` and each bottleneck's `cv1` (the hidden
 * width); in SPPF/SlimSPPF `cv1`. Kept at full width: C3 `cv1`/`cv2` and bottleneck `cv2` (tied by
 * the residual adds), SPPF `cv2`, Detect.
 *
 * The rule, without module objects:
 * 1. The module path of each producer conv comes from its weight's name as the conv reads it
 *    (`model.4.cv3.conv.weight` -> `model.4.cv3`, `model.24.m.0.weight` -> `model.24.m.0`: the
 *    state_dict names that ylc-built models and PyTorch exports both keep), else from the node's
 *    scope (`/model.4/cv3/conv/Conv` -> `model.4.cv3`).
 * 2. The layer's module type comes from the `ylc.config` metadata (the YAML as built) where the
 *    model has it; without it, from the paths: a layer with a `cv3` is a C3, one with `cv1`/`cv2`
 *    but no `cv3` an SPPF (a standalone Bottleneck looks the same and prunes the same: its cv1 is
 *    the hidden width), a bare `model.L` conv a Conv, `model.L.m.i` of the last layer Detect.
 * 3. A group is in scope when it has producers and every producer is a prunable part.
 * 4. Fallback when some producer has no such name (graphs from elsewhere): the group is in scope
 *    when it has exactly one producer, a Conv followed by BatchNormalization (no residual tie).
 *    This also takes C3 cv2-like and SPPF cv2-like convs; `ylc info --groups` shows the choice.
 */
import type { Node } from '../../ir/graph.js';
import type { Model } from '../../ir/model.js';
import type { ChannelGroup } from '../analysis/channel-groups.js';

export type PartKind =
  | 'Conv'
  | 'C3.cv1'
  | 'C3.cv2'
  | 'C3.cv3'
  | 'Bottleneck.cv1'
  | 'Bottleneck.cv2'
  | 'SPPF.cv1'
  | 'SPPF.cv2'
  | 'Detect'
  | 'other';

export const LIGHT_PARTS: ReadonlySet<PartKind> = new Set<PartKind>(['Conv', 'C3.cv3', 'Bottleneck.cv1', 'SPPF.cv1']);

export interface Part {
  /** `model.4.cv3` */
  readonly path: string;
  readonly layer: number;
  readonly kind: PartKind;
}

const WEIGHT_NAME = /^(model\.\d+(?:\.[A-Za-z_][\w]*|\.\d+)*?)(?:\.conv)?\.weight$/;

/**
 * The module path in a PyTorch export's node name: `/model.2/m/m.0/cv1/conv/Conv` ->
 * `model.2.m.0.cv1.conv`. Each scope is the module's name from its last non-numeric atom
 * (`m.0` under `model.2.m`), so a scope that starts with its parent's last atom continues it.
 */
export function exportScopePath(name: string): string {
  const scopes = name.split('/').filter((s) => s !== '').slice(0, -1);
  let path = '';
  for (const s of scopes) {
    const first = s.split('.')[0]!;
    const atoms = path.split('.');
    if (path !== '' && atoms[atoms.length - 1] === first && s.includes('.')) path = `${path}${s.slice(first.length)}`;
    else path = path === '' ? s : `${path}.${s}`;
  }
  return path;
}

/** `model.2.m.0.cv1` from `/model.2/m/m.0/cv1/conv/Conv` (PyTorch export scopes). */
export function modulePathOfNodeName(name: string): string | undefined {
  const outermost = name.split('/').filter((s) => s !== '').slice(0, -1)[0];
  if (outermost === undefined || !/^model\.\d+$/.test(outermost)) return undefined;
  const path = exportScopePath(name);
  return path.endsWith('.conv') ? path.slice(0, -'.conv'.length) : path;
}

/** The YOLOv5 module path of a conv node (see the file header), or undefined. */
export function modulePathOf(node: Node): string | undefined {
  const w = node.input(1);
  const m = w ? WEIGHT_NAME.exec(w.name) : null;
  if (m) return m[1]!;
  return node.name ? modulePathOfNodeName(node.name) : undefined;
}

/** Module type per layer index from the `ylc.config` metadata, when present and readable. */
function configModules(model: Model): Map<number, string> | undefined {
  const text = model.getMetadata('ylc.config');
  if (!text) return undefined;
  try {
    const dict = JSON.parse(text) as { backbone?: unknown[]; head?: unknown[] };
    const layers = [...(dict.backbone ?? []), ...(dict.head ?? [])];
    const out = new Map<number, string>();
    layers.forEach((l, i) => {
      if (Array.isArray(l) && typeof l[2] === 'string') out.set(i, l[2]);
    });
    return out;
  } catch {
    return undefined;
  }
}

/** Classifies producer convs into YOLOv5 parts. */
export class PartClassifier {
  private readonly modules: Map<number, string> | undefined;
  private readonly withCv3 = new Set<number>();
  private readonly paths = new Map<Node, string | undefined>();
  private lastLayer = -1;

  constructor(model: Model) {
    this.modules = configModules(model);
    for (const node of model.graph.nodes) {
      if (node.opType !== 'Conv' && node.opType !== 'ConvTranspose') continue;
      const path = modulePathOf(node);
      this.paths.set(node, path);
      const m = path ? /^model\.(\d+)(?:\.(.*))?$/.exec(path) : null;
      if (!m) continue;
      const layer = Number(m[1]);
      this.lastLayer = Math.max(this.lastLayer, layer);
      if (m[2] === 'cv3') this.withCv3.add(layer);
    }
  }

  /** Whether the model names its layers by config (for the choice of rule in messages). */
  get hasConfig(): boolean {
    return this.modules !== undefined;
  }

  part(node: Node): Part | undefined {
    const path = this.paths.has(node) ? this.paths.get(node) : modulePathOf(node);
    const m = path ? /^model\.(\d+)(?:\.(.*))?$/.exec(path) : null;
    if (!path || !m) return undefined;
    const layer = Number(m[1]);
    const rest = m[2] ?? '';
    return { path, layer, kind: this.kind(layer, rest) };
  }

  private kind(layer: number, rest: string): PartKind {
    const module = this.modules?.get(layer);
    if (module !== undefined) {
      const c3 = module === 'C3' || module === 'SlimC3';
      if (module === 'Conv' || module === 'SlimConv') return rest === '' ? 'Conv' : 'other';
      if (c3) {
        if (rest === 'cv1' || rest === 'cv2' || rest === 'cv3') return `C3.${rest}`;
        const b = /^m\.\d+\.(cv[12])$/.exec(rest);
        return b ? (`Bottleneck.${b[1]}` as PartKind) : 'other';
      }
      if (module === 'SPPF' || module === 'SlimSPPF' || module === 'SPP') return rest === 'cv1' || rest === 'cv2' ? `SPPF.${rest}` : 'other';
      if (module === 'Bottleneck') return rest === 'cv1' || rest === 'cv2' ? `Bottleneck.${rest}` : 'other';
      if (module === 'Detect') return /^m\.\d+$/.test(rest) ? 'Detect' : 'other';
      return 'other';
    }
    if (rest === '') return 'Conv';
    if (rest === 'cv3') return 'C3.cv3';
    if (rest === 'cv1' || rest === 'cv2') return this.withCv3.has(layer) ? `C3.${rest}` : `SPPF.${rest}`;
    const b = /^m\.\d+\.(cv[12])$/.exec(rest);
    if (b) return `Bottleneck.${b[1]}` as PartKind;
    if (/^m\.\d+$/.test(rest) && layer === this.lastLayer) return 'Detect';
    return 'other';
  }

  /**
   * Whether `scope=yolov5-light` prunes the group; `why` says why not (or which rule took it).
   */
  light(group: ChannelGroup): { inScope: boolean; why: string; parts: Part[] } {
    const parts: Part[] = [];
    if (group.producers.length === 0) return { inScope: false, why: 'no producer', parts };
    let named = true;
    for (const p of group.producers) {
      const part = p.kind === 'conv' ? this.part(p.node) : undefined;
      if (!part) named = false;
      else parts.push(part);
    }
    if (named) {
      const out = parts.find((p) => !LIGHT_PARTS.has(p.kind));
      if (out) return { inScope: false, why: `${out.path} is ${out.kind === 'other' ? 'not a YOLOv5-Light part' : `a ${out.kind} (kept at full width)`}`, parts };
      return { inScope: true, why: parts.map((p) => `${p.path} (${p.kind})`).join(', '), parts };
    }
    // Structure: one Conv producer whose output is normalised by a BatchNormalization.
    const [only] = group.producers;
    if (group.producers.length !== 1 || only!.kind !== 'conv') return { inScope: false, why: 'unnamed producers, not a single Conv', parts };
    const bn = group.norms.find((n) => n.node.input(0) === only!.node.output(0));
    if (!bn) return { inScope: false, why: `${only!.node.describe()} (unnamed) is not followed by BatchNormalization`, parts };
    return { inScope: true, why: `${only!.node.describe()} + BatchNormalization (by structure)`, parts };
  }
}
