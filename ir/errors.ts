/**
 * The one error class users see. Its message is a single line that names the file, node, pass or
 * option at fault and what to do; the CLI prints `ylc: error [<code>] <message>` and exits with
 * `exitCode` (1 bad input, 2 usage). Anything else that escapes is an internal error (exit 70).
 */

export type YlcErrorCode =
  | 'bad-model' // the model file is not a valid ONNX model
  | 'bad-text' // ONNX text syntax that does not parse
  | 'bad-pipeline' // pipeline text, pass name or pass option
  | 'bad-option' // a CLI flag or API argument
  | 'bad-output' // an output path that cannot be written
  | 'verify' // the verifier found a broken invariant after a pass
  | 'pass-failed' // a pass refused or failed on this model
  | 'io'; // a file that cannot be read

const USAGE_CODES: ReadonlySet<YlcErrorCode> = new Set(['bad-pipeline', 'bad-option']);

export class YlcError extends Error {
  override readonly name = 'YlcError';

  constructor(
    readonly code: YlcErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  get exitCode(): number {
    return USAGE_CODES.has(this.code) ? 2 : 1;
  }

  /** The same error with context put in front, e.g. the file being read. */
  withContext(prefix: string): YlcError {
    return new YlcError(this.code, `${prefix}: ${this.message}`, { cause: this });
  }
}

export const EXIT_INTERNAL = 70;
