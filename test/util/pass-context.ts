/**
 * Test helpers for running pass declarations directly (without the registry or pipeline text):
 * a PassContext that records remarks, counters and warnings, and a runner that fills in each
 * pass's default options.
 */
import type { Node } from '../../ir/graph.js';
import type { Model } from '../../ir/model.js';
import type { PassContext, PassDeclaration, PassOptionSpecs, PassOptionValue } from '../../passes/pass.js';

export interface RecordingContext extends PassContext {
  readonly remarks: string[];
  readonly counters: Record<string, number>;
  readonly warnings: string[];
}

/** A context that keeps what passes report; remarks read `Op 'name': message` like the manager's. */
export function recordingContext(): RecordingContext {
  const remarks: string[] = [];
  const counters: Record<string, number> = {};
  const warnings: string[] = [];
  return {
    remarks,
    counters,
    warnings,
    remark(node: Node | undefined, message: string) {
      remarks.push(`${node ? `${node.describe()}: ` : ''}${message}`);
    },
    count(counter: string, delta = 1) {
      counters[counter] = (counters[counter] ?? 0) + delta;
    },
    warn(message: string) {
      warnings.push(message);
    },
  };
}

/** The default option values of a pass declaration. */
export function defaultOptions(specs: PassOptionSpecs): Record<string, PassOptionValue> {
  return Object.fromEntries(Object.entries(specs).map(([k, s]) => [k, s.default]));
}

/** Runs `pass` on `model` with its defaults overridden by `options`. */
export async function runPass<S extends PassOptionSpecs>(
  pass: PassDeclaration<S>,
  model: Model,
  options: Partial<Record<keyof S, PassOptionValue>> = {},
  ctx: RecordingContext = recordingContext(),
): Promise<{ modified: boolean; ctx: RecordingContext }> {
  const all = { ...defaultOptions(pass.options), ...options } as never;
  const { modified } = await pass.run(model, all, ctx);
  return { modified, ctx };
}
