/** The library API as the README shows it: `import { loadModel, runPipeline, saveModel } from 'ylc'`. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect, it } from 'vitest';
import { PASSES, loadModel, printModel, runPipeline, saveModel, summarizeModel } from '../index.js';

it('loads, runs a pipeline and saves through the package entry point', async () => {
  const model = loadModel(path.join(import.meta.dirname, 'fixtures', 'yolov5n_640_bn.onnx'));
  const report = await runPipeline(model, 'fold-bn,dce', { verifyEach: true });
  expect(report.passes.map((p) => [p.name, p.modified])).toEqual([
    ['fold-bn', true],
    ['dce', true],
  ]);
  expect(summarizeModel(model).opHistogram.BatchNormalization).toBeUndefined();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ylc-api-'));
  const out = path.join(dir, 'folded.onnx');
  saveModel(model, out);
  expect(printModel(loadModel(out))).toBe(printModel(model));
  expect(PASSES.map((p) => p.name)).toContain('constant-fold');
  fs.rmSync(dir, { recursive: true });
});

it('exports what the README names for training and the loss', async () => {
  const api = await import('../index.js');
  for (const name of ['TrainingRun', 'buildTrainingArtifacts', 'writeTrainingArtifacts', 'yoloBatch', 'yoloTrainingHooks', 'YoloSchedule', 'readCheckpoint',
    'appendYoloLoss', 'yoloTargetFeeds', 'gradStep', 'loadHyp', 'rescaleHyp', 'buildModel', 'loadConfig', 'toDeployForm', 'applyStateDict', 'countFlops']) {
    expect([name, typeof (api as Record<string, unknown>)[name]]).toEqual([name, 'function']);
  }
  expect(api.loadHyp('scratch-low').lr0).toBe(0.01);
});
