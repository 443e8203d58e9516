/**
 * Channel pruning through the binary: `ylc pass prune-slim`, `--emit-cfg` and its round trip
 * through `ylc build`, `ylc info --groups`, masks for `channel-slice`, and the bad input of issue 4
 * (one line, non-zero exit, nothing written).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel, saveModel } from '../ir/serde/index.js';
import { Tensor } from '../ir/tensor.js';
import { verifyModel } from '../ir/verify.js';
import { buildModel, loadConfig } from '../frontends/yolov5/index.js';
import { assertBuilt, ylcIn, type CliResult } from './util/cli.js';
import { compareOutputs, initializerShapes, randomizeBatchNorms } from './util/prune.js';

let dir: string;
let ylc: (...args: string[]) => CliResult;

beforeAll(() => {
  assertBuilt();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ylc-prune-'));
  ylc = ylcIn(dir);
  // yolov5s, sparsity-trained in spirit: gammas of Conv layers and bottleneck cv1s zeroed (SiLU(0) = 0).
  const m = buildModel(loadConfig('yolov5s'), { form: 'train', imgsz: 256 });
  randomizeBatchNorms(m, { seed: 11, zeroFraction: 0.5, zeroBeta: true, match: /^model\.\d+\.bn\.weight$|\.m\.\d+\.cv1\.bn\.weight$/ });
  saveModel(m, path.join(dir, 'm.onnx'));
  const nan = buildModel(loadConfig('yolov5n'), { form: 'train', imgsz: 256 });
  const g = nan.graph.initializers.get('model.2.m.0.cv1.bn.weight')!;
  const a = g.constValue!.toFloat32();
  a[3] = NaN;
  g.constValue = Tensor.fromFloat32(g.constValue!.dims, a, { name: g.name });
  saveModel(nan, path.join(dir, 'nan.onnx'));
});

describe('ylc pass prune-slim', () => {
  it('prunes, folds, verifies, writes a smaller model and its Slim YAML; `ylc build --cfg` of the YAML gives the same shapes', async () => {
    const r = ylc('pass', 'prune-slim', '--thresh', '1e-5', 'm.onnx', '-o', 'out.onnx', '--emit-cfg', 'slimmed.yaml', '--stats');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^warning \[prune-slim\] removed \d+ of 5504 channels in 20 groups: parameters 7\.25M -> [\d.]+M \([\d.]+%\), GFLOPs 2\.63 -> [\d.]+ \([\d.]+%\); outputs unchanged: every removed channel was constant and is folded into its consumers$/);
    expect(lines[1]).toBe('warning [prune-slim] emit-cfg: wrote slimmed.yaml (builds the pruned shapes exactly)');
    expect(r.stdout).toMatch(/prune-slim +[\d.]+ ms +changed +groups-pruned=20 channels-removed=\d+ channels-folded=\d+ params-before=7254397 params-after=\d+ flops-before=2629369856 flops-after=\d+/);
    expect(lines.at(-1)).toMatch(/^prune-slim\{thresh=1e-5,emit-cfg=slimmed\.yaml\}: nodes 269 -> 269, parameters 7,254,397 -> [\d,]+; wrote out\.onnx$/);
    const out = loadModel(path.join(dir, 'out.onnx'));
    expect(verifyModel(out)).toEqual([]);
    expect(fs.statSync(path.join(dir, 'out.onnx')).size).toBeLessThan(0.8 * fs.statSync(path.join(dir, 'm.onnx')).size);
    const diff = await compareOutputs(out, loadModel(path.join(dir, 'm.onnx')), { name: 'images', dims: [1, 3, 256, 256] });
    expect(Math.max(...Object.values(diff))).toBeLessThan(1e-5);

    const b = ylc('build', '--cfg', 'slimmed.yaml', '--imgsz', '256', '-o', 'rebuilt.onnx');
    expect(b.status).toBe(0);
    const rebuilt = initializerShapes(loadModel(path.join(dir, 'rebuilt.onnx')));
    const pruned = initializerShapes(out);
    expect([...rebuilt.keys()].sort()).toEqual([...pruned.keys()].sort());
    for (const [k, d] of rebuilt) expect([k, ...d]).toEqual([k, ...pruned.get(k)!]);
  });

  it('apply=false records the masks; channel-slice applies them after a save and load', () => {
    expect(ylc('pass', 'prune-slim', 'm.onnx', '-o', 'masked.onnx', '--apply=false').status).toBe(0);
    expect(loadModel(path.join(dir, 'masked.onnx')).getMetadata('ylc.prune.masks')).toMatch(/^\{"version":1,"constantGamma":0\.00001,"groups":\[\{"key":"\/model\.0\/conv\/Conv_output_0","size":32,"keep":\[/);
    const r = ylc('pass', 'channel-slice', 'masked.onnx', '-o', 'sliced.onnx');
    expect(r.status).toBe(0);
    // The same file as slicing at once (channel-slice removes the metadata it applied).
    expect(fs.readFileSync(path.join(dir, 'sliced.onnx')).equals(fs.readFileSync(path.join(dir, 'out.onnx')))).toBe(true);
  });

  it('bad input: one line on stderr, non-zero exit, nothing written', () => {
    const cases: Array<[string[], number, string]> = [
      [['pass', 'prune-slim', 'nan.onnx', '-o', 'x1.onnx'], 1, "ylc: error [bad-model] [prune-slim] BatchNormalization '/model.2/m/m.0/cv1/bn/BatchNormalization': gamma 'model.2.m.0.cv1.bn.weight' is NaN at channel 3; the model cannot be ranked (fix or retrain the checkpoint)\n"],
      [['pass', 'prune-slim', '--thresh', 'abc', 'm.onnx', '-o', 'x2.onnx'], 2, "ylc: error [bad-pipeline] pass 'prune-slim': option 'thresh' expects a number, got 'abc'\n"],
      [['pass', 'prune-slim', '--scope', 'most', 'm.onnx', '-o', 'x3.onnx'], 2, "ylc: error [bad-pipeline] pass 'prune-slim': option 'scope' expects one of yolov5-light|all, got 'most'\n"],
      [['pass', 'prune-slim', '--emit-cfg', 'no/such/dir/a.yaml', 'm.onnx', '-o', 'x4.onnx'], 2, "ylc: error [bad-option] [prune-slim] option 'emit-cfg': cannot write no/such/dir/a.yaml: directory no/such/dir does not exist\n"],
      [['pass', 'channel-slice', 'm.onnx', '-o', 'x5.onnx'], 1, "ylc: error [bad-model] [channel-slice] the model has no 'ylc.prune.masks' metadata: run prune-slim or prune-l1 with apply=false first (or use allow-missing=true)\n"],
      [['pass', 'prune-l1', '--ratios', '[0.5,0.7]', 'm.onnx', '-o', 'x6.onnx'], 2, "ylc: error [bad-pipeline] [prune-l1] pass 'prune-l1': option 'ratios' has 2 values but scope=yolov5-light selects 29 groups: give one ratio for all, or one per group in 'ylc info --groups' order\n"],
      // A list flag: comma-separated or repeated, as well as bracketed; the positional after it stays the input.
      [['pass', 'prune-l1', '--ratios', '0.5,0.7', 'm.onnx', '-o', 'x6.onnx'], 2, "ylc: error [bad-pipeline] [prune-l1] pass 'prune-l1': option 'ratios' has 2 values but scope=yolov5-light selects 29 groups: give one ratio for all, or one per group in 'ylc info --groups' order\n"],
      [['pass', 'prune-l1', '--ratios', '0.5', '--ratios', '0.7', 'm.onnx', '-o', 'x6.onnx'], 2, "ylc: error [bad-pipeline] [prune-l1] pass 'prune-l1': option 'ratios' has 2 values but scope=yolov5-light selects 29 groups: give one ratio for all, or one per group in 'ylc info --groups' order\n"],
      [['pass', 'prune-l1', '--ratios', '1.5', 'm.onnx', '-o', 'x6.onnx'], 2, "ylc: error [bad-pipeline] pass 'prune-l1': option 'ratios' expects values in (0, 1], got '[1.5]'\n"],
    ];
    for (const [args, status, stderr] of cases) {
      const r = ylc(...args);
      expect([r.status, r.stderr]).toEqual([status, stderr]);
      expect(fs.existsSync(path.join(dir, args[args.indexOf('-o') + 1]!))).toBe(false);
    }
  });
});

describe('ylc info --groups', () => {
  it('lists every group with its size, whether it can be pruned or why not, and its members', () => {
    const r = ylc('info', '--groups', 'm.onnx');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('channel groups 53: 50 prunable (8704 channels), 29 in scope=yolov5-light\n');
    expect(r.stdout).toContain('  #0     32 ch  prunable, yolov5-light  /model.0/conv/Conv_output_0\n');
    expect(r.stdout).toContain("      why: Reshape '/model.24/Reshape' splits or merges the channel axis ([1,255,32,32] -> [1,3,85,32,32])\n");
    expect(r.stdout).toContain('      parts: model.9.cv1 (SPPF.cv1)\n');
    const j = JSON.parse(ylc('info', '--groups', '--json', 'm.onnx').stdout) as { channelGroups: { groups: Array<{ key: string; members: string[]; prunable: boolean }> } };
    expect(j.channelGroups.groups.length).toBe(53);
    expect(j.channelGroups.groups.find((g) => g.key === '/model.9/cv1/conv/Conv_output_0')!.members.length).toBe(11);
  });
});
