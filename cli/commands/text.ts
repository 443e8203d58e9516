/** `ylc print`, `ylc parse` and `ylc diff`: the textual face of the IR. */
import { YlcError } from '../../ir/errors.js';
import { saveModel } from '../../ir/serde/index.js';
import { parseModel } from '../../ir/text/parse.js';
import { printModel } from '../../ir/text/print.js';
import { diffModels } from '../../ir/text/diff.js';
import { saveOptions, type OutputFlags } from './optimize.js';
import { checkOutputPath, readModelFile, readTextFile } from '../io.js';

export function printCommand(file: string, maxInline: number): void {
  if (!Number.isInteger(maxInline) || maxInline < 0) throw new YlcError('bad-option', `--max-inline expects an integer >= 0, got ${maxInline}`);
  const model = readModelFile(file);
  let text: string;
  try {
    text = printModel(model, { maxInlineElements: maxInline });
  } catch (e) {
    // Tensors are read lazily: a broken one is found only now; name the file as loading would.
    throw e instanceof YlcError ? e.withContext(file) : e;
  }
  process.stdout.write(text);
}

export function parseCommand(file: string, output: string, flags: OutputFlags & { elidedAsZeros?: boolean }): void {
  checkOutputPath(output);
  const save = saveOptions(flags);
  const model = parseModel(readTextFile(file), file, flags.elidedAsZeros ? { elidedTensors: 'zeros' } : {});
  saveModel(model, output, save);
  process.stdout.write(`wrote ${output}\n`);
}

/** Exit status 0 when the models are structurally equal, 1 when they differ (like diff(1)). */
export function diffCommand(a: string, b: string): number {
  const text = diffModels(readModelFile(a), readModelFile(b));
  if (text === '') {
    process.stdout.write('models are structurally equal\n');
    return 0;
  }
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  return 1;
}
