/**
 * What a pass is: one declaration with a kebab-case name (its pipeline word), a one-line summary,
 * typed options with defaults and help (the CLI flags and `--help` are derived from them),
 * optional pre/post-conditions, and `run`. Passes mutate the model in place and report whether
 * they changed it; the pass manager runs the verifier after each one.
 */
import type { Model } from '../ir/model.js';
import type { Node } from '../ir/graph.js';

/**
 * Bounds of a numeric option (of every element, for a list), checked when the pipeline is planned,
 * before any pass runs. Inclusive unless `exclusiveMin`: `{ min: 0, exclusiveMin: true, max: 1 }`
 * is (0, 1].
 */
export interface NumericBounds {
  min?: number;
  max?: number;
  exclusiveMin?: boolean;
}

export type PassOptionSpec =
  | ({ type: 'number'; default: number; help: string } & NumericBounds)
  | ({ type: 'integer'; default: number; help: string } & NumericBounds)
  | { type: 'boolean'; default: boolean; help: string }
  | { type: 'string'; default: string; help: string }
  | { type: 'enum'; default: string; help: string; choices: readonly string[] }
  | ({ type: 'numbers'; default: readonly number[]; help: string } & NumericBounds);

export type PassOptionValue = number | boolean | string | readonly number[];

export type PassOptionSpecs = Readonly<Record<string, PassOptionSpec>>;

/** The option values a pass receives, typed from its specs. */
export type PassOptions<S extends PassOptionSpecs> = {
  readonly [K in keyof S]: S[K] extends { type: 'number' | 'integer' }
    ? number
    : S[K] extends { type: 'boolean' }
      ? boolean
      : S[K] extends { type: 'numbers' }
        ? readonly number[]
        : string;
};

export interface PassResult {
  modified: boolean;
}

export interface PassContext {
  /** Why a rewrite did not apply (shown with --verbose); `node` is the node it concerns. */
  remark(node: Node | undefined, message: string): void;
  /** Adds `delta` to a per-pass counter shown by --stats. */
  count(counter: string, delta?: number): void;
  /** A warning the user should see even without --verbose. */
  warn(message: string): void;
}

export interface PassDeclaration<S extends PassOptionSpecs = PassOptionSpecs> {
  readonly name: string;
  readonly summary: string;
  readonly options: S;
  /** A pre-condition: returns why the model is not fit for this pass, or undefined. */
  requires?(model: Model): string | undefined;
  /**
   * Checks option combinations that per-option bounds cannot express, when the pipeline is
   * planned (before any pass runs): returns what is wrong, or undefined.
   */
  checkOptions?(options: PassOptions<S>): string | undefined;
  /** A post-condition checked after `run`: returns what is wrong, or undefined. */
  ensures?(model: Model): string | undefined;
  run(model: Model, options: PassOptions<S>, ctx: PassContext): PassResult | Promise<PassResult>;
}

/** Declares a pass with its option types inferred from the specs. */
export function definePass<S extends PassOptionSpecs>(declaration: PassDeclaration<S>): PassDeclaration<S> {
  return declaration;
}
