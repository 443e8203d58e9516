/**
 * The pass manager: runs a textual pipeline over a model, MLIR style.
 *
 * Contract:
 * - The whole pipeline is resolved (pass names, option names and types) before any pass runs, so
 *   a typo costs nothing and changes nothing.
 * - The verifier runs on the input model before any pass (unless `verifyEach` is false): a model
 *   that is already invalid is reported as the input's problem (YlcError 'bad-model'), not blamed
 *   on the first pass. Node order is not checked when the first pass to run is topo-sort, which
 *   exists to repair it.
 * - After every pass the verifier runs (unless `verifyEach` is false); a failure names the pass
 *   and the passes that ran before it.
 * - A pass's declared pre-condition (`requires`) is checked before it runs, a refusal being a
 *   YlcError 'pass-failed' with nothing changed; its post-condition (`ensures`) after it and the
 *   verifier, a failure being a YlcError 'verify'. Both are checked even without `verifyEach`.
 * - `fixpoint{max=N}(p1,p2,...)` repeats its body until no pass in it changes the model, at most
 *   N times (default 8).
 * - Instrumentation: print-after (named passes or all), print-changed (unified diff of the
 *   printed IR before/after each pass that changed something), per-pass stats (time, counters),
 *   remarks; on failure a reproducer (the input model with the pipeline in its metadata).
 */
import { YlcError } from '../ir/errors.js';
import type { Model } from '../ir/model.js';
import type { Node } from '../ir/graph.js';
import { verifyModel } from '../ir/verify.js';
import { printModel } from '../ir/text/print.js';
import { unifiedDiff } from '../ir/text/diff.js';
import { decodeModel, encodeModel, saveModel } from '../ir/serde/index.js';
import { parsePipeline, printPipeline, type PipelineElement } from './pipeline-text.js';
import { resolveOptions } from './options.js';
import type { PassContext, PassDeclaration, PassOptionValue } from './pass.js';
import { findPass, passNames } from './index.js';
import { topoSortPass } from './topo-sort.js';

export const REPRODUCER_METADATA_KEY = 'ylc.reproducer.pipeline';
const FIXPOINT = 'fixpoint';
const FIXPOINT_DEFAULT_MAX = 8;

export type PlanStep =
  | { readonly kind: 'pass'; readonly pass: PassDeclaration; readonly options: Readonly<Record<string, PassOptionValue>> }
  | { readonly kind: 'fixpoint'; readonly max: number; readonly body: readonly PlanStep[] };

export interface PassRunRecord {
  readonly name: string;
  readonly ms: number;
  readonly modified: boolean;
  readonly counters: Readonly<Record<string, number>>;
  readonly remarks: readonly string[];
  readonly warnings: readonly string[];
}

export interface PipelineRunOptions {
  /** Run the verifier after every pass (default true). */
  verifyEach?: boolean;
  /** Print the IR after each pass of these names. */
  printAfter?: readonly string[];
  printAfterAll?: boolean;
  /** Print a unified diff of the IR for each pass that changed it. */
  printChanged?: boolean;
  /** On failure, write the input model with the pipeline in its metadata to this path. */
  reproducer?: string;
  /** Where printed IR, diffs, remarks and warnings go (default: ignored). */
  log?: (text: string) => void;
  /** Send remarks to `log` as they happen (they are always kept in the records). */
  verbose?: boolean;
  /** Passes of the caller's own, usable in the pipeline text beside the built-in ones. */
  extraPasses?: readonly PassDeclaration[];
}

export interface PipelineReport {
  readonly pipeline: string;
  readonly modified: boolean;
  readonly passes: readonly PassRunRecord[];
}

/** Parses and checks a pipeline against the registry without running anything. */
export function planPipeline(
  pipeline: string | readonly PipelineElement[],
  extraPasses: readonly PassDeclaration[] = [],
): PlanStep[] {
  const elements = typeof pipeline === 'string' ? parsePipeline(pipeline) : pipeline;
  const lookup = (name: string) => extraPasses.find((p) => p.name === name) ?? findPass(name);
  const plan = (element: PipelineElement): PlanStep => planElement(element, lookup, plan);
  return elements.map(plan);
}

function planElement(
  element: PipelineElement,
  lookup: (name: string) => PassDeclaration | undefined,
  plan: (element: PipelineElement) => PlanStep,
): PlanStep {
  if (element.name === FIXPOINT) {
    if (!element.body) throw new YlcError('bad-pipeline', `'${FIXPOINT}' needs a body: ${FIXPOINT}{max=4}(constant-fold,dce)`);
    let max = FIXPOINT_DEFAULT_MAX;
    for (const [key, text] of element.options) {
      if (key !== 'max') throw new YlcError('bad-pipeline', `'${FIXPOINT}' has no option '${key}' (options: max)`);
      if (!/^\d+$/.test(text) || Number(text) < 1) {
        throw new YlcError('bad-pipeline', `'${FIXPOINT}': option 'max' expects a positive integer, got '${text}'`);
      }
      max = Number(text);
    }
    return { kind: 'fixpoint', max, body: element.body.map(plan) };
  }
  const pass = lookup(element.name);
  if (!pass) {
    throw new YlcError('bad-pipeline', `unknown pass '${element.name}'${suggest(element.name)} (run 'ylc passes' for the list)`);
  }
  if (element.body) throw new YlcError('bad-pipeline', `pass '${element.name}' takes no nested pipeline`);
  return { kind: 'pass', pass, options: resolveOptions(pass, element.options) };
}

function suggest(name: string): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of [...passNames(), FIXPOINT]) {
    const d = editDistance(name, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best ? `; did you mean '${best}'?` : '';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** Runs `pipeline` on `model` in place. */
export async function runPipeline(
  model: Model,
  pipeline: string | readonly PipelineElement[],
  options: PipelineRunOptions = {},
): Promise<PipelineReport> {
  const text = typeof pipeline === 'string' ? pipeline : printPipeline(pipeline);
  const plan = planPipeline(pipeline, options.extraPasses);
  if (options.verifyEach ?? true) verifyInput(model, firstPass(plan) === topoSortPass);
  const runner = new PipelineRunner(model, options);
  const inputSnapshot = options.reproducer ? encodeModel(model) : undefined;
  try {
    const modified = await runner.runSteps(plan);
    return { pipeline: text, modified, passes: runner.records };
  } catch (error) {
    if (inputSnapshot && options.reproducer) writeReproducer(inputSnapshot, text, options.reproducer, options.log);
    throw error;
  }
}

function firstPass(steps: readonly PlanStep[]): PassDeclaration | undefined {
  const step = steps[0];
  return step?.kind === 'fixpoint' ? firstPass(step.body) : step?.pass;
}

/** Throws YlcError('bad-model') naming the input's first problem; order ones only when `sortsFirst` is false. */
function verifyInput(model: Model, sortsFirst: boolean): void {
  const problems = verifyModel(model, { order: !sortsFirst });
  if (problems.length === 0) return;
  // Name a problem topo-sort cannot repair when there is one; else say how to repair the order.
  const lasting = sortsFirst ? problems : verifyModel(model, { order: false });
  const shown = lasting.length > 0 ? lasting : problems;
  const more = shown.length > 1 ? ` (+${shown.length - 1} more)` : '';
  const hint = lasting.length > 0 ? '' : '; begin the pipeline with topo-sort to put its nodes in order';
  throw new YlcError('bad-model', `input model: ${shown[0]}${more}; no pass ran${hint}`);
}

function writeReproducer(snapshot: Uint8Array, pipeline: string, path: string, log?: (text: string) => void): void {
  const model = decodeModel(snapshot);
  model.setMetadata(REPRODUCER_METADATA_KEY, pipeline);
  saveModel(model, path);
  log?.(`reproducer written to ${path} (ylc opt --pipeline '${pipeline}' ${path})`);
}

class PipelineRunner {
  readonly records: PassRunRecord[] = [];
  private readonly ran: string[] = [];

  constructor(
    private readonly model: Model,
    private readonly options: PipelineRunOptions,
  ) {}

  async runSteps(steps: readonly PlanStep[]): Promise<boolean> {
    let modified = false;
    for (const step of steps) {
      if (step.kind === 'pass') {
        modified = (await this.runPass(step.pass, step.options)) || modified;
        continue;
      }
      for (let i = 0; i < step.max; i++) {
        if (!(await this.runSteps(step.body))) break;
        modified = true;
      }
    }
    return modified;
  }

  private async runPass(pass: PassDeclaration, options: Readonly<Record<string, PassOptionValue>>): Promise<boolean> {
    const { log, verbose } = this.options;
    const counters: Record<string, number> = {};
    const remarks: string[] = [];
    const warnings: string[] = [];
    const ctx: PassContext = {
      remark: (node: Node | undefined, message: string) => {
        const line = `remark [${pass.name}] ${node ? `${node.describe()}: ` : ''}${message}`;
        remarks.push(line);
        if (verbose) log?.(line);
      },
      count: (counter: string, delta = 1) => {
        counters[counter] = (counters[counter] ?? 0) + delta;
      },
      warn: (message: string) => {
        const line = `warning [${pass.name}] ${message}`;
        warnings.push(line);
        log?.(line);
      },
    };
    const unfit = pass.requires?.(this.model);
    if (unfit) throw new YlcError('pass-failed', `[${pass.name}] ${unfit}${this.after()}`);
    const before = this.options.printChanged ? printModel(this.model) : undefined;
    const start = performance.now();
    let modified: boolean;
    try {
      ({ modified } = await pass.run(this.model, options as never, ctx));
    } catch (error) {
      if (error instanceof YlcError) throw new YlcError(error.code, `[${pass.name}] ${error.message}${this.after()}`, { cause: error });
      throw error;
    }
    const ms = performance.now() - start;
    this.ran.push(pass.name);
    this.records.push({ name: pass.name, ms, modified, counters, remarks, warnings });
    if (this.options.verifyEach ?? true) this.verify(pass.name);
    const broken = pass.ensures?.(this.model);
    if (broken) throw new YlcError('verify', `[${pass.name}] post-condition failed: ${broken}${this.after(1)}`);
    if (before !== undefined && modified) {
      log?.(unifiedDiff(before, printModel(this.model), { before: `before ${pass.name}`, after: `after ${pass.name}` }));
    }
    if (this.options.printAfterAll || this.options.printAfter?.includes(pass.name)) {
      log?.(`// ----- IR after ${pass.name} -----\n${printModel(this.model)}`);
    }
    return modified;
  }

  private verify(passName: string): void {
    const problems = verifyModel(this.model);
    if (problems.length === 0) return;
    const more = problems.length > 1 ? ` (+${problems.length - 1} more)` : '';
    throw new YlcError('verify', `[${passName}] verifier: ${problems[0]}${more}${this.after(1)}`);
  }

  /** ` (after: a, b)` naming the passes that ran before the current one. */
  private after(skipLast = 0): string {
    const before = this.ran.slice(0, this.ran.length - skipLast);
    return before.length ? ` (after: ${before.join(', ')})` : '';
  }
}
