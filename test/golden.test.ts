/**
 * Golden graph tests (MLIR FileCheck style). Each `test/golden/<pass>/<case>.onnxtxt` holds a model
 * in ONNX text syntax whose first line is `# RUN: <pipeline>`; the expected result is the unified
 * diff of the printed IR, before vs after the pipeline, in `<case>.diff` beside it.
 * `UPDATE_GOLDENS=1 npx vitest run test/golden.test.ts` rewrites the .diff files: do it on purpose
 * and read every changed diff before committing it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModel } from '../ir/text/parse.js';
import { printModel } from '../ir/text/print.js';
import { unifiedDiff } from '../ir/text/diff.js';
import { runPipeline } from '../passes/manager.js';

const ROOT = path.join(import.meta.dirname, 'golden');
const UPDATE = process.env.UPDATE_GOLDENS === '1';

function cases(): string[] {
  if (!fs.existsSync(ROOT)) return [];
  return fs
    .readdirSync(ROOT, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.onnxtxt'))
    .sort();
}

async function runCase(file: string): Promise<string> {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const run = /^# RUN: (.+)$/m.exec(text.split('\n', 1)[0] ?? '');
  if (!run) throw new Error(`${file}: the first line must be '# RUN: <pipeline>'`);
  const model = parseModel(text.slice(text.indexOf('\n') + 1), file);
  const before = printModel(model);
  await runPipeline(model, run[1]!.trim());
  return unifiedDiff(before, printModel(model), { before: 'input', after: run[1]!.trim() });
}

describe('golden pass tests', () => {
  const all = cases();
  it('has golden cases', () => {
    expect(all.length).toBeGreaterThan(0);
  });
  for (const file of all) {
    it(file, async () => {
      const actual = await runCase(file);
      const expectedFile = path.join(ROOT, file.replace(/\.onnxtxt$/, '.diff'));
      if (UPDATE) {
        fs.writeFileSync(expectedFile, actual);
        return;
      }
      if (!fs.existsSync(expectedFile)) throw new Error(`missing ${expectedFile}: run UPDATE_GOLDENS=1 and review it`);
      expect(actual).toBe(fs.readFileSync(expectedFile, 'utf8'));
    });
  }
});
