import { describe, expect, it } from 'vitest';
import { parsePipeline, printPipeline } from './pipeline-text.js';

describe('pipeline text', () => {
  it.each([
    'fold-bn,dce,fixpoint{max=4}(constant-fold,dce),prune-slim{thresh=1e-5}',
    'dce',
    'prune-l1{ratios=[0.5,0.25],round=8}',
    'fixpoint(fixpoint{max=2}(cse,dce),topo-sort)',
  ])('printing a parsed pipeline gives the same text back: %s', (text) => {
    expect(printPipeline(parsePipeline(text))).toBe(text);
  });

  it('parses names, options in order and nested bodies', () => {
    const [fold, fix] = parsePipeline(' fold-bn , fixpoint{max=4}( constant-fold , dce )');
    expect(fold).toEqual({ name: 'fold-bn', options: [], body: undefined });
    expect(fix?.options).toEqual([['max', '4']]);
    expect(fix?.body?.map((e) => e.name)).toEqual(['constant-fold', 'dce']);
  });

  it('accepts space-separated options as MLIR writes them and prints them comma-separated', () => {
    expect(printPipeline(parsePipeline('prune-slim{thresh=1e-5 round=8}'))).toBe('prune-slim{thresh=1e-5,round=8}');
  });

  it.each([
    ['fold-bn,', "pipeline 'fold-bn,': expected a pass name at column 9"],
    ['fixpoint{max=4}(dce', "pipeline 'fixpoint{max=4}(dce': unclosed '(' after 'fixpoint' at column 20"],
    ['fixpoint{max=4}(dce))', "pipeline 'fixpoint{max=4}(dce))': unexpected ')' at column 21"],
    ['prune-slim{thresh=1e-5', "pipeline 'prune-slim{thresh=1e-5': unclosed '{' in options of 'prune-slim' at column 23"],
    ['prune-slim{thresh}', "pipeline 'prune-slim{thresh}': expected '=' after option 'thresh' of 'prune-slim' at column 18"],
    ['prune-slim{thresh=}', "pipeline 'prune-slim{thresh=}': missing value for option 'thresh' of 'prune-slim' at column 19"],
    ['prune-l1{ratios=[0.5,0.3}', "pipeline 'prune-l1{ratios=[0.5,0.3}': unclosed '[' in option 'ratios' of 'prune-l1' at column 17"],
    ['', "pipeline '': expected a pass name at column 1"],
    ['dce;cse', "pipeline 'dce;cse': unexpected ';' at column 4"],
  ])('rejects %j with one line naming the place', (text, message) => {
    expect(() => parsePipeline(text)).toThrow(message);
  });
});
