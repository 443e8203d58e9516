/** Child process of the load/save benchmark: one load + save, timed, with its own peak RSS. */
import { loadModel, saveModel } from '../../ir/serde/index.js';

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: load-save-child <in.onnx> <out.onnx>');
const t0 = performance.now();
const model = loadModel(input);
const t1 = performance.now();
saveModel(model, output);
const t2 = performance.now();
process.stdout.write(JSON.stringify({ loadMs: t1 - t0, saveMs: t2 - t1, peakRssMB: process.resourceUsage().maxRSS / 1024 }));
