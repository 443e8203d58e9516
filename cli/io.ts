/**
 * File handling shared by the commands: reading models and text with errors that name the file,
 * and checking an output path before any work is done (so a bad path costs nothing and writes
 * nothing). Writing itself goes through `saveModel` (or the weight writers), temp file then rename.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { YlcError } from '../ir/errors.js';
import type { Model } from '../ir/model.js';
import { loadModel, notRegularFile } from '../ir/serde/index.js';

export function readModelFile(file: string): Model {
  checkReadable(file);
  try {
    return loadModel(file);
  } catch (error) {
    if (error instanceof YlcError && !error.message.includes(file)) throw error.withContext(`cannot read ${file}`);
    throw error;
  }
}

export function readTextFile(file: string): string {
  checkReadable(file);
  return fs.readFileSync(file, 'utf8');
}

function checkReadable(file: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new YlcError('io', `cannot read ${file}: no such file`);
  }
  if (stat.isDirectory()) throw new YlcError('io', `cannot read ${file}: it is a directory, expected a file`);
  // A FIFO or device would be read forever (or wait for a writer): refused before it is opened.
  const why = notRegularFile(stat);
  if (why !== undefined) throw new YlcError('io', `cannot read ${file}: ${why}`);
}

/** Fails early when `file` cannot be written: its directory must exist and be a directory. */
export function checkOutputPath(file: string): void {
  const dir = path.dirname(path.resolve(file));
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw new YlcError('bad-output', `cannot write ${file}: directory ${path.dirname(file)} does not exist (create it first)`);
  }
  if (!stat.isDirectory()) throw new YlcError('bad-output', `cannot write ${file}: ${path.dirname(file)} is not a directory`);
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
    throw new YlcError('bad-output', `cannot write ${file}: it is a directory`);
  }
}

/** `<dir>/<stem>.<suffix>.onnx` beside the input. */
export function defaultOutputPath(input: string, suffix: string): string {
  const parsed = path.parse(input);
  return path.join(parsed.dir, `${parsed.name}.${suffix}.onnx`);
}
