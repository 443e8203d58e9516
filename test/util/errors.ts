/** The YlcError that `fn` throws (failing the test when it throws anything else, or nothing). */
import { expect } from 'vitest';
import { YlcError } from '../../ir/errors.js';

export function errorOf(fn: () => unknown): YlcError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(YlcError);
    return e as YlcError;
  }
  throw new Error('expected a YlcError');
}
