/**
 * Serialization: ONNX ModelProto bytes <-> IR.
 *
 * - `decodeModel`/`loadModel`: one read, one protobufjs decode; tensor data stays a view of the
 *   file buffer (external data is read lazily). Lossless: encoding an unmodified model gives a
 *   message equal to the one read (see decode.ts).
 * - `encodeModel`: the whole model in one exactly sized buffer.
 * - `saveModel`: streams the model to `<path>.tmp-<pid>` chunk by chunk (big tensors straight from
 *   their views, so memory stays ~1x the model) and renames it into place; optionally moves big
 *   initializers into an external data file (automatically when the model would pass protobuf's
 *   2 GiB limit). It refuses to replace a file the model's external tensors read from with the
 *   model itself (the weights would be lost); a new data file may replace the old one, as the
 *   tensors it held are read into memory first.
 * Errors: YlcError('bad-model') for inputs that are not valid ONNX, YlcError('bad-output') for
 * outputs that cannot be written, YlcError('io') for files that cannot be read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Model } from '../model.js';
import { YlcError } from '../errors.js';
import { decodeModel } from './decode.js';
import { modelProto, type EncodeHooks } from './encode.js';
import { checkOutputDirectory, describeIoError, removeQuietly, temporaryName, writeChunksTo, writeFileAtomic } from '../atomic-write.js';
import { ChunkWriter, concatChunks } from './writer.js';
import { replacesFile, saveHooks, type ExternalPlan } from './external-data.js';
import { onnx } from './proto.js';

export { decodeModel, decodeTensor, type DecodeOptions } from './decode.js';
export { encodeTensor } from './encode.js';

/** The largest message protobuf implementations accept (2 GiB - 1). */
export const PROTOBUF_LIMIT = 2 ** 31 - 1;

export interface SaveOptions {
  /** Move initializers of at least `externalDataThreshold` bytes into `externalDataLocation`. */
  externalData?: boolean;
  /** Bytes (default 1024). */
  externalDataThreshold?: number;
  /** File name relative to the model's directory (default `<basename>.data`). */
  externalDataLocation?: string;
}

export function encodeModel(model: Model): Uint8Array {
  const w = encodeToChunks(model, {});
  return concatChunks(w.chunks(), w.size);
}

export function loadModel(file: string): Model {
  let bytes: Buffer;
  try {
    // Checked before opening: opening a FIFO waits for a writer, reading a device never ends.
    const why = notRegularFile(fs.statSync(file));
    if (why !== undefined) throw new YlcError('io', `cannot read ${file}: ${why}`);
    bytes = fs.readFileSync(file);
  } catch (e) {
    if (e instanceof YlcError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (code ?? String(e));
    throw new YlcError('io', `cannot read ${file}: ${why}`, { cause: e });
  }
  return decodeModel(bytes, { baseDir: path.dirname(path.resolve(file)), fileName: file });
}

/** Why a file with this `stat` is no model file (`it is a FIFO, not a regular file`), or undefined. */
export function notRegularFile(stat: fs.Stats): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return 'it is a directory';
  const kind = stat.isFIFO()
    ? 'a FIFO'
    : stat.isCharacterDevice()
      ? 'a character device'
      : stat.isBlockDevice()
        ? 'a block device'
        : stat.isSocket()
          ? 'a socket'
          : 'a special file';
  return `it is ${kind}, not a regular file`;
}

export function saveModel(model: Model, file: string, options: SaveOptions = {}): void {
  saveModelWithLimit(model, file, options, PROTOBUF_LIMIT);
}

/** @internal saveModel with the size limit as a parameter (tests use a small one). */
export function saveModelWithLimit(model: Model, file: string, options: SaveOptions, limit: number): void {
  const threshold = options.externalDataThreshold ?? 1024;
  if (!Number.isFinite(threshold) || threshold < 0) {
    throw new RangeError(`externalDataThreshold must be a number of bytes >= 0, got ${threshold}`);
  }
  const location = options.externalDataLocation ?? `${path.basename(file)}.data`;
  if (path.isAbsolute(location) || location.split(/[\\/]/).includes('..') || location === '') {
    throw new RangeError(`externalDataLocation must be a file name relative to the model's directory, got '${location}'`);
  }
  const dir = path.dirname(path.resolve(file));
  if (path.join(dir, location) === path.resolve(file)) {
    throw new RangeError(`externalDataLocation must not be the model file's own name, got '${location}'`);
  }
  checkOutputDirectory(file);

  /** Encodes the model; refuses a target that its external tensors read from (the data would be lost). */
  const encode = (plan: ExternalPlan): ChunkWriter => {
    let writer: ChunkWriter;
    try {
      writer = encodeToChunks(model, plan.hooks);
    } catch (e) {
      if (e instanceof YlcError) throw e.withContext(`cannot write ${file}`);
      throw e;
    }
    for (const source of plan.sources) {
      if (replacesFile(file, source)) {
        throw new YlcError('bad-output', `cannot write ${file}: it would overwrite ${source}, which the model still reads its weights from; write to another file`);
      }
    }
    return writer;
  };

  if (options.externalData !== true) {
    const writer = encode(saveHooks(dir));
    if (writer.size <= limit) {
      writeFileAtomic(file, writer.chunks());
      return;
    }
  }
  const plan = saveHooks(dir, { location, threshold });
  const writer = encode(plan);
  if (writer.size > limit) {
    throw new YlcError(
      'bad-output',
      `cannot write ${file}: the model is ${writer.size} bytes even with its initializers in external data, over protobuf's 2 GiB limit`,
    );
  }
  const dataFile = path.join(dir, location);
  checkOutputDirectory(dataFile);
  if (fs.existsSync(dataFile) && fs.statSync(dataFile).isDirectory()) throw new YlcError('bad-output', `cannot write ${dataFile}: it is a directory`);
  const dataTmp = temporaryName(dataFile);
  try {
    try {
      writeChunksTo(dataTmp, plan.chunks);
    } catch (e) {
      throw new YlcError('bad-output', `cannot write ${dataFile}: ${describeIoError(e)}`, { cause: e });
    }
    // The data file goes into place just before the model that refers to it.
    writeFileAtomic(file, writer.chunks(), { beforeRename: () => fs.renameSync(dataTmp, dataFile) });
  } finally {
    removeQuietly(dataTmp);
  }
}

function encodeToChunks(model: Model, hooks: EncodeHooks): ChunkWriter {
  const w = new ChunkWriter();
  onnx.ModelProto.encode(modelProto(model, hooks), w);
  return w;
}

