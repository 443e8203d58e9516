/**
 * `ylc opt --pipeline '<passes>' in.onnx -o out.onnx` and `ylc pass <name> [--opt v] in.onnx`:
 * load, run the pipeline with instrumentation, save through a temp file.
 */
import type { Argv } from 'yargs';
import { saveModel, type SaveOptions } from '../../ir/serde/index.js';
import { YlcError } from '../../ir/errors.js';
import { planPipeline, runPipeline, type PipelineReport } from '../../passes/manager.js';
import { formatOptionValue, parseOptionValue } from '../../passes/options.js';
import { parsePipeline, printPipeline, type PipelineElement } from '../../passes/pipeline-text.js';
import { PASSES } from '../../passes/index.js';
import type { PassDeclaration, PassOptionValue } from '../../passes/pass.js';
import { checkOutputPath, defaultOutputPath, readModelFile } from '../io.js';
import { formatCount, summarizeModel } from '../../ir/summary.js';

export interface OutputFlags {
  externalData: boolean;
  externalDataThreshold: number;
}

/** Flags of every command that writes a model. */
export function outputOptions<T>(y: Argv<T>) {
  return y
    .option('external-data', {
      type: 'boolean',
      default: false,
      describe: 'store initializers in <output>.data beside the model (automatic when the model would pass 2 GB)',
    })
    .option('external-data-threshold', { type: 'number', default: 1024, describe: 'smallest initializer, in bytes, moved to external data' });
}

export function saveOptions(flags: OutputFlags): SaveOptions {
  if (!Number.isFinite(flags.externalDataThreshold) || flags.externalDataThreshold < 0) {
    throw new YlcError('bad-option', `--external-data-threshold expects a number of bytes >= 0, got '${flags.externalDataThreshold}'`);
  }
  return { externalData: flags.externalData, externalDataThreshold: flags.externalDataThreshold };
}

export interface InstrumentationFlags extends OutputFlags {
  verifyEach: boolean;
  printAfter?: string[];
  printAfterAll: boolean;
  printChanged: boolean;
  stats: boolean;
  reproducer?: string;
  verbose: boolean;
}

export function instrumentationOptions<T>(y: Argv<T>) {
  return outputOptions(y)
    .option('verify-each', { type: 'boolean', default: true, describe: 'run the verifier after every pass (--no-verify-each to skip)' })
    .option('print-after', { type: 'string', array: true, nargs: 1, describe: 'print the IR after each run of this pass (repeatable)' })
    .option('print-after-all', { type: 'boolean', default: false, describe: 'print the IR after every pass' })
    .option('print-changed', { type: 'boolean', default: false, describe: 'print a unified diff of the IR for each pass that changed it' })
    .option('stats', { type: 'boolean', default: false, describe: 'print per-pass time and counters' })
    .option('reproducer', { type: 'string', describe: 'on failure, write the input model with the pipeline in its metadata here' })
    .option('verbose', { type: 'boolean', default: false, describe: 'show remarks (why rewrites did not apply)' });
}

/** Every pass name in pipeline text, nested bodies included. */
function passNames(elements: readonly PipelineElement[]): string[] {
  return elements.flatMap((e) => [e.name, ...(e.body ? passNames(e.body) : [])]);
}

export async function optimizeFile(input: string, output: string, pipeline: string, flags: InstrumentationFlags): Promise<PipelineReport> {
  const running = passNames(parsePipeline(pipeline));
  for (const name of flags.printAfter ?? []) {
    if (!running.includes(name)) throw new YlcError('bad-option', `--print-after ${name}: the pipeline '${pipeline}' runs no pass of that name`);
  }
  checkOutputPath(output);
  const save = saveOptions(flags);
  if (flags.reproducer) checkOutputPath(flags.reproducer);
  const model = readModelFile(input);
  const before = summarizeModel(model);
  const report = await runPipeline(model, pipeline, {
    verifyEach: flags.verifyEach,
    printAfter: flags.printAfter,
    printAfterAll: flags.printAfterAll,
    printChanged: flags.printChanged,
    reproducer: flags.reproducer,
    verbose: flags.verbose,
    log: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  });
  saveModel(model, output, save);
  const after = summarizeModel(model);
  if (flags.stats) process.stdout.write(formatStats(report));
  process.stdout.write(
    `${report.pipeline}: nodes ${formatCount(before.nodeCount)} -> ${formatCount(after.nodeCount)}, ` +
      `parameters ${formatCount(before.parameterCount)} -> ${formatCount(after.parameterCount)}; wrote ${output}\n`,
  );
  return report;
}

export function formatStats(report: PipelineReport): string {
  const rows = report.passes.map((p) => {
    const counters = Object.entries(p.counters)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    return [p.name, `${p.ms.toFixed(1)} ms`, p.modified ? 'changed' : 'unchanged', counters];
  });
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length), 4));
  const lines = rows.map((r) => r.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  ').trimEnd());
  const total = report.passes.reduce((s, p) => s + p.ms, 0);
  return `=== pass statistics ===\n${lines.join('\n')}\ntotal ${total.toFixed(1)} ms\n`;
}

/**
 * `ylc pass <name>` sub-commands, one per registered pass, with flags from the declaration.
 * `rawArgs` are the words after `pass`: an unknown pass name and a boolean flag written with a
 * value that is not a boolean (`--aggressive=maybe`, which yargs would quietly read as false)
 * are caught here, with the same messages as in pipeline text.
 */
export function passCommands<T>(y: Argv<T>, rawArgs: readonly string[]): Argv<T> {
  const name = rawArgs[0];
  if (name !== undefined && !name.startsWith('-')) {
    planPipeline(name);
    const pass = PASSES.find((p) => p.name === name)!;
    for (const arg of rawArgs) {
      const m = /^--([^=]+)=(.*)$/.exec(arg);
      const spec = m ? pass.options[m[1]!] : undefined;
      if (m && spec?.type === 'boolean') parseOptionValue(pass.name, m[1]!, spec, m[2]!);
    }
  }
  for (const pass of PASSES) {
    y.command(
      `${pass.name} <input>`,
      pass.summary,
      (sub) => {
        let s = instrumentationOptions(sub)
          .positional('input', { type: 'string', describe: 'model to transform (.onnx)', demandOption: true })
          .option('output', { alias: 'o', type: 'string', describe: `output model (default: <input>.${pass.name}.onnx)` });
        for (const [key, spec] of Object.entries(pass.options)) {
          s = s.option(key, {
            type: spec.type === 'boolean' ? 'boolean' : 'string',
            ...(spec.type === 'numbers' ? { array: true, nargs: 1 } : {}),
            describe: `${spec.help} (default ${formatOptionValue(spec.default)}${spec.type === 'enum' ? `; ${spec.choices.join('|')}` : ''})`,
          });
        }
        return s;
      },
      async (argv) => {
        const args = argv as unknown as Record<string, unknown> & InstrumentationFlags & { input: string; output?: string };
        const pipeline = passPipeline(pass, args);
        await optimizeFile(args.input, args.output ?? defaultOutputPath(args.input, pass.name), pipeline, args);
      },
    );
  }
  return y;
}

function passPipeline(pass: PassDeclaration, args: Record<string, unknown>): string {
  const options: Array<[string, string]> = [];
  for (const key of Object.keys(pass.options)) {
    const value = args[key] as PassOptionValue | string[] | undefined;
    if (value === undefined) continue;
    // A list flag: --ratios 0.5,0.25, --ratios [0.5,0.25] or --ratios 0.5 --ratios 0.25.
    const words = pass.options[key]!.type === 'numbers' ? (Array.isArray(value) ? value : [value]).flatMap((w) => String(w).replace(/^\[|\]$/g, '').split(',')) : undefined;
    options.push([key, formatOptionValue(words ?? value)]);
  }
  return printPipeline([{ name: pass.name, options, body: undefined }]);
}
