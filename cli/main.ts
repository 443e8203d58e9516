#!/usr/bin/env node
/**
 * The `ylc` command line. Every failure is one line on stderr, `ylc: error [<code>] <message>`,
 * and a non-zero exit: 1 bad input, 2 usage, 70 internal error. `--debug` adds the stack.
 */
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { EXIT_INTERNAL, YlcError } from '../ir/errors.js';
import { PASSES } from '../passes/index.js';
import { formatOptionValue } from '../passes/options.js';
import { demoCommand } from './commands/demo.js';
import { gradCommand } from './commands/grad.js';
import { infoCommand } from './commands/info.js';
import { instrumentationOptions, optimizeFile, outputOptions, passCommands, type InstrumentationFlags } from './commands/optimize.js';
import { diffCommand, parseCommand, printCommand } from './commands/text.js';
import { trainCommands } from './commands/train.js';
import { yoloCommands } from './commands/yolo.js';
import { defaultOutputPath } from './io.js';

function buildCli(args: string[]): Argv {
  const base = yargs(args)
    .scriptName('ylc')
    .usage('$0 <command> [options]\n\nA compiler for compressing YOLOv5-family detectors on an ONNX IR.')
    .option('debug', { type: 'boolean', default: false, describe: 'print stack traces of errors' });
  return trainCommands(gradCommand(yoloCommands(base)))
    .command(
      'demo',
      'the main job on the built-in default: build yolov5n, fold-bn,dce checked in ONNX Runtime, write its training and deploy forms',
      (y) => y.option('out-dir', { type: 'string', default: 'ylc-demo', describe: 'where the result goes' }),
      async (argv) => demoCommand(argv['out-dir']),
    )
    .command(
      'info <model>',
      'opsets, inputs/outputs, op histogram, parameters, metadata; --flops: GFLOPs per node',
      (y) =>
        y
          .positional('model', { type: 'string', demandOption: true })
          .option('json', { type: 'boolean', default: false, describe: 'machine-readable output' })
          .option('layers', { type: 'boolean', default: false, describe: 'list nodes with inferred shapes' })
          .option('flops', { type: 'boolean', default: false, describe: 'GFLOPs (conv + linear MACs x 2), total and per node' })
          .option('imgsz', { type: 'string', describe: 'image size for --flops (implies it): N or H,W (default: the model input, 640 where dynamic)' })
          .option('groups', { type: 'boolean', default: false, describe: 'channel groups for pruning: members, size, prunable or why not' }),
      (argv) => infoCommand(argv.model, argv),
    )
    .command(
      'opt <input>',
      'run a pass pipeline: ylc opt --pipeline "fold-bn,dce" in.onnx -o out.onnx',
      (y) =>
        instrumentationOptions(y)
          .positional('input', { type: 'string', demandOption: true })
          .option('pipeline', { alias: 'p', type: 'string', demandOption: true, describe: "e.g. 'fold-bn,dce,fixpoint{max=4}(constant-fold,dce)'" })
          .option('output', { alias: 'o', type: 'string', describe: 'output model (default: <input>.opt.onnx)' }),
      async (argv) => {
        await optimizeFile(argv.input, argv.output ?? defaultOutputPath(argv.input, 'opt'), argv.pipeline, argv as unknown as InstrumentationFlags);
      },
    )
    .command('pass', 'run one pass (ylc pass <name> --help lists its options)', (y) =>
      passCommands(y, args.slice(args.indexOf('pass') + 1)).demandCommand(1, `name a pass: ${PASSES.map((p) => p.name).join(', ')}`),
    )
    .command(
      'passes',
      'list the passes with their options',
      (y) => y,
      () => listPasses(),
    )
    .command(
      'print <model>',
      'print a model in ONNX text syntax (large tensors as shape + summary)',
      (y) =>
        y
          .positional('model', { type: 'string', demandOption: true })
          .option('max-inline', { type: 'number', default: 16, describe: 'print the values of tensors up to this many elements (larger ones: shape + summary, which parse cannot read back)' }),
      (argv) => printCommand(argv.model, argv['max-inline']),
    )
    .command(
      'parse <text>',
      'read ONNX text syntax and write a model',
      (y) =>
        outputOptions(y)
          .positional('text', { type: 'string', demandOption: true })
          .option('output', { alias: 'o', type: 'string', demandOption: true, describe: 'output model' })
          .option('elided-as-zeros', { type: 'boolean', default: false, describe: 'read tensors printed as shape + summary ({...}) as zeros instead of refusing them' }),
      (argv) => parseCommand(argv.text, argv.output, { ...argv, elidedAsZeros: argv['elided-as-zeros'] }),
    )
    .command(
      'diff <a> <b>',
      'structural diff of two models (exit 1 when they differ)',
      (y) => y.positional('a', { type: 'string', demandOption: true }).positional('b', { type: 'string', demandOption: true }),
      (argv) => {
        process.exitCode = diffCommand(argv.a, argv.b);
      },
    )
    .demandCommand(1, 'name a command (ylc --help lists them)')
    .strict()
    .recommendCommands()
    .help()
    .version()
    .wrap(Math.min(110, process.stdout.columns || 110))
    .middleware(refuseRepeatedFlags, true)
    .fail((message, error) => {
      if (error) throw error;
      // yargs spreads some messages over lines ("Invalid values:\n  Argument: ..."): one line.
      let text = message.trim().replace(/\s*\n\s*/g, ' ');
      // "Not enough non-option arguments" names no argument: point at the command's usage.
      if (text.startsWith('Not enough non-option arguments')) text = `${text}; ylc ${commandWords(args).join(' ')} --help shows them`;
      throw new YlcError('bad-option', text);
    });
}

/** The command the user typed: its first word, and the second for the command groups (pass, bench). */
function commandWords(args: readonly string[]): string[] {
  const words = args.filter((a) => !a.startsWith('-'));
  return words.slice(0, words[0] === 'pass' || words[0] === 'bench' ? 2 : 1);
}

/** Flags that may be given more than once (declared `array: true`): --print-after and list pass options (--ratios). */
const REPEATABLE = new Set([
  'print-after',
  'printAfter',
  ...PASSES.flatMap((p) => Object.entries(p.options).filter(([, spec]) => spec.type === 'numbers').flatMap(([key]) => [key, key.replace(/-(.)/g, (_, c: string) => c.toUpperCase())])),
]);

/** yargs turns a flag given twice into an array no handler expects (`-o a -o b`): refuse it in one line. */
function refuseRepeatedFlags(argv: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(argv)) {
    if (key === '_' || key === '$0' || REPEATABLE.has(key) || !Array.isArray(value) || key.length === 1) continue;
    throw new YlcError('bad-option', `--${key} was given ${value.length} times (${value.map(String).join(', ')}); give it once`);
  }
}

function listPasses(): void {
  for (const pass of PASSES) {
    process.stdout.write(`${pass.name.padEnd(20)} ${pass.summary}\n`);
    for (const [key, spec] of Object.entries(pass.options)) {
      process.stdout.write(`${''.padEnd(22)}${key}=${formatOptionValue(spec.default)}  ${spec.help}\n`);
    }
  }
  process.stdout.write(`${'fixpoint'.padEnd(20)} fixpoint{max=N}(p1,p2,...) repeats its body until nothing changes (default max 8)\n`);
}

/** `ylc print m.onnx | head`: once the reader is gone, stop quietly as Unix tools do, no stack trace. */
function exitQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
      throw e;
    });
  }
}

export async function main(args: string[]): Promise<number> {
  exitQuietlyOnClosedPipe();
  const debug = args.includes('--debug');
  try {
    await buildCli(args).parseAsync();
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof YlcError) {
      process.stderr.write(`ylc: error [${error.code}] ${error.message}\n`);
      if (debug && error.stack) process.stderr.write(`${error.stack}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`ylc: internal error: ${message.split('\n')[0]}${debug ? '' : ' (run with --debug for the stack trace)'}\n`);
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return EXIT_INTERNAL;
  }
}

process.exitCode = await main(hideBin(process.argv));
