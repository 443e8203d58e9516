/**
 * prune-slim on real graphs: exactness in ONNX Runtime with zeroed gammas (the yolov5n export with
 * its Identity-shared BN parameters, ylc builds, deploy form, the ConvNeXt and Slim goldens),
 * scope and ranking rules, masks through metadata, the emitted YAML, and every bad input.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Model } from '../ir/model.js';
import { decodeModel, encodeModel, loadModel } from '../ir/serde/index.js';
import { Tensor } from '../ir/tensor.js';
import { parseModel } from '../ir/text/parse.js';
import { printModel } from '../ir/text/print.js';
import { verifyModel } from '../ir/verify.js';
import { applyStateDict, buildModel, loadConfig, parseConfig, toDeployForm } from '../frontends/yolov5/index.js';
import { recordingContext, runPass } from '../test/util/pass-context.js';
import { compareOutputs, concatAlongRowsBody, initializerShapes, randomizeBatchNorms } from '../test/util/prune.js';
import { readSafetensorsFile } from '../test/util/yolov5-fixtures.js';
import { analyzeChannelGroups } from './analysis/channel-groups.js';
import { channelSlicePass } from './channel-slice.js';
import { runPipeline } from './manager.js';
import { pruneSlimPass } from './prune-slim.js';
import { MASKS_METADATA_KEY } from './prune/masks.js';

const copy = (m: Model): Model => decodeModel(encodeModel(m));
const images = (size: number, batch = 1) => ({ name: 'images', dims: [batch, 3, size, size] });

function golden(name: 'convnext_tiny_a' | 'yolov5n_slim_pruned', form: 'train' | 'deploy' = 'train'): { model: Model; imgsz: number; batch: number } {
  const g = readSafetensorsFile(`test/fixtures/goldens/golden_${name}.safetensors`);
  const cfg = parseConfig(fs.readFileSync(`test/fixtures/goldens/${name}.yaml`, 'utf8'), `${name}.yaml`);
  const imgsz = Number(g.metadata.imgsz);
  const model = buildModel(cfg, { form: 'train', nc: Number(g.metadata.nc), imgsz });
  const sd = new Map([...g.tensors].filter(([k]) => k.startsWith('weight.')).map(([k, v]) => [k.slice('weight.'.length), v]));
  expect(applyStateDict(model, sd).skipped).toEqual([]);
  return { model: form === 'train' ? model : toDeployForm(model), imgsz, batch: 1 };
}

function masksIn(m: Model): Array<{ key: string; size: number; keep: number[] }> {
  return (JSON.parse(m.getMetadata(MASKS_METADATA_KEY)!) as { groups: Array<{ key: string; size: number; keep: number[] }> }).groups;
}

describe('prune-slim: exactness in ONNX Runtime', () => {
  it('yolov5n_640_bn.onnx (PyTorch export, BN parameters shared through Identity), 30% gammas zeroed, scope=all: outputs unchanged', async () => {
    const m = loadModel('test/fixtures/yolov5n_640_bn.onnx');
    expect(randomizeBatchNorms(m, { seed: 1, zeroFraction: 0.3, zeroBeta: true })).toBeGreaterThan(0);
    const before = copy(m);
    const { ctx } = await runPass(pruneSlimPass, m, { scope: 'all', round: 1, min: 1 });
    expect(verifyModel(m)).toEqual([]);
    expect(ctx.counters['channels-removed']).toBeGreaterThan(400);
    expect(ctx.counters['channels-inexact']).toBeUndefined();
    expect(ctx.counters['params-after']).toBeLessThan(0.8 * ctx.counters['params-before']!);
    expect(ctx.counters['flops-after']).toBeLessThan(ctx.counters['flops-before']!);
    expect(ctx.warnings.at(-1)).toMatch(/outputs unchanged: every removed channel was constant and is folded into its consumers$/);
    // Shared BN parameters were copied for the BNs that lost channels, under the names they read.
    const bn = m.graph.nodes.toArray().find((n) => n.name === '/model.23/cv1/bn/BatchNormalization')!;
    expect(bn.input(1)!.name).toBe('model.23.cv1.bn.weight');
    const diff = await compareOutputs(m, before, images(640));
    console.log(`yolov5n export, scope=all, ${ctx.counters['channels-removed']} channels removed: output0 max relative diff ${diff.output0}`);
    expect(diff.output0).toBeLessThan(1e-5);
  });

  it('nonzero betas: by default the channels read by padded convs are kept, no new nodes; border-maps=true removes them with exact correction maps', async () => {
    const m = loadModel('test/fixtures/yolov5n_640_bn.onnx');
    randomizeBatchNorms(m, { seed: 2, zeroFraction: 0.4 });
    const before = copy(m);
    const mapped = copy(m);
    const a = await runPass(pruneSlimPass, mapped, { 'border-maps': true });
    expect(verifyModel(mapped)).toEqual([]);
    expect(a.ctx.counters['channels-inexact']).toBeUndefined();
    expect(a.ctx.counters['kept-for-exactness']).toBeUndefined();
    expect(a.ctx.counters['border-maps']).toBeGreaterThan(0);
    const adds = mapped.graph.nodes.toArray().filter((n) => n.name.endsWith('/BorderCorrection'));
    expect(adds.length).toBe(a.ctx.counters['border-maps']);
    expect(a.ctx.warnings.at(-1)).toMatch(/outputs unchanged: every removed channel was constant and is folded into its consumers \(\d+ padded convs with a border correction map\)$/);
    const exact = await runPass(pruneSlimPass, m, {});
    expect(exact.ctx.counters['kept-for-exactness']).toBeGreaterThan(0);
    expect(exact.ctx.warnings.at(-2)).toMatch(/^kept \d+ channels \(rounding included\) whose removal would change the outputs: \d+ nonzero constants into padded windows/);
    expect(exact.ctx.counters['border-maps']).toBeUndefined();
    expect(exact.ctx.counters['channels-removed']).toBeGreaterThan(0);
    expect(exact.ctx.counters['channels-removed']).toBeLessThan(a.ctx.counters['channels-removed']!);
    expect(m.graph.nodes.toArray().filter((n) => n.opType === 'Add').length).toBe(before.graph.nodes.toArray().filter((n) => n.opType === 'Add').length);
    const diff = await compareOutputs(m, before, images(640));
    const mapDiff = await compareOutputs(mapped, before, images(640));
    console.log(`yolov5n export, random betas: the default removes ${exact.ctx.counters['channels-removed']} channels, diff ${diff.output0}; border-maps=true removes ${a.ctx.counters['channels-removed']} with ${adds.length} correction maps, diff ${mapDiff.output0}`);
    expect(diff.output0).toBeLessThan(1e-5);
    expect(mapDiff.output0).toBeLessThan(1e-5);
  });

  it('a correction map over max-map: the channels are kept, with a remark naming the conv and the size', async () => {
    const m = loadModel('test/fixtures/yolov5n_640_bn.onnx');
    randomizeBatchNorms(m, { seed: 2, zeroFraction: 0.4 });
    const before = copy(m);
    const { ctx } = await runPass(pruneSlimPass, m, { 'border-maps': true, 'max-map': 100_000 });
    expect(ctx.counters['kept-for-exactness']).toBeGreaterThan(0);
    expect(ctx.counters['border-maps']).toBeGreaterThan(0);
    expect(ctx.remarks.some((r) => /kept channel \d+: Conv '.*' reads zero padding: .* \(its correction map would hold \d+ elements, more than max-map=100000\)$/.test(r))).toBe(true);
    expect((await compareOutputs(m, before, images(640))).output0).toBeLessThan(1e-5);
  });

  it('ylc-built yolov5s in deploy form (BN folded): ranked by filter L1, says so, outputs unchanged', async () => {
    const train = buildModel(loadConfig('yolov5s'), { form: 'train', imgsz: 320 });
    randomizeBatchNorms(train, { seed: 3, zeroFraction: 0.3, zeroBeta: true });
    const m = toDeployForm(train);
    const before = copy(m);
    const { ctx } = await runPass(pruneSlimPass, m, {});
    expect(ctx.warnings[0]).toBe('29 of 29 groups have no BatchNormalization (BN folded: deploy form?): ranked by the L1 norm of their filters, threshold 0.00001');
    expect(ctx.counters['channels-removed']).toBeGreaterThan(0);
    expect(verifyModel(m)).toEqual([]);
    expect((await compareOutputs(m, before, images(320))).output0).toBeLessThan(1e-5);
  });

  it('the ConvNeXt golden: head BN gammas (prune-slim) and zero MLP columns (filter L1, scope=all) fold through Transpose/MatMul/GELU', async () => {
    const { model: m, imgsz } = golden('convnext_tiny_a');
    randomizeBatchNorms(m, { seed: 4, zeroFraction: 0.3, zeroBeta: true });
    const w = m.graph.initializers.get('model.3.m.0.pwconv1.weight')!; // Linear [4 * 32, 32], read through Transpose
    const rows = new Float32Array(w.constValue!.toFloat32());
    for (const r of [3, 40, 77]) rows.fill(0, r * 32, r * 32 + 32);
    w.constValue = Tensor.fromFloat32(w.constValue!.dims, rows, { name: w.name });
    const before = copy(m);
    const { ctx } = await runPass(pruneSlimPass, m, { scope: 'all', round: 1, min: 1 });
    expect(verifyModel(m)).toEqual([]);
    expect(m.graph.initializers.get('model.3.m.0.pwconv1.weight')!.constValue!.dims).toEqual([125, 32]);
    expect(m.graph.initializers.get('model.3.m.0.pwconv2.weight')!.constValue!.dims).toEqual([32, 125]);
    expect(ctx.counters['channels-inexact']).toBeUndefined();
    const diff = await compareOutputs(m, before, images(imgsz));
    console.log(`convnext_tiny_a: ${ctx.counters['channels-removed']} channels removed, max relative diff ${JSON.stringify(diff)}`);
    expect(Math.max(...Object.values(diff))).toBeLessThan(1e-5);
  });

  it('the Slim golden (SlimConv/SlimC3/SlimSPPF widths): zeroed gammas pruned exactly, and its YAML round-trips', async () => {
    const { model: m, imgsz } = golden('yolov5n_slim_pruned');
    randomizeBatchNorms(m, { seed: 5, zeroFraction: 0.5, zeroBeta: true, match: /^model\.\d+\.bn\.weight$|\.m\.\d+\.cv1\.bn\.weight$/ });
    const before = copy(m);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ylc-slim-'));
    const yaml = path.join(dir, 'slimmed.yaml');
    const { ctx } = await runPass(pruneSlimPass, m, { 'emit-cfg': yaml });
    expect(ctx.warnings.at(-1)).toBe(`emit-cfg: wrote ${yaml} (builds the pruned shapes exactly)`);
    expect(ctx.counters['channels-removed']).toBeGreaterThan(0);
    const diff = await compareOutputs(m, before, images(imgsz));
    expect(Math.max(...Object.values(diff))).toBeLessThan(1e-5);
    // The round trip, independently of the pass: every initializer of the built YAML has the pruned shape.
    const rebuilt = buildModel(loadConfig(yaml), { form: 'train', imgsz });
    const pruned = initializerShapes(m);
    const built = initializerShapes(rebuilt);
    expect([...built.keys()].sort()).toEqual([...pruned.keys()].sort());
    for (const [k, d] of built) expect([k, ...d]).toEqual([k, ...pruned.get(k)!]);
    fs.rmSync(dir, { recursive: true });
  });
});

/**
 * A two-channel Conv + BatchNormalization whose channel 0 has gamma 0 (the constant beta = 1),
 * through `body` (from `na` to `ra`), read by `consumer` (from `ra` to `y`).
 */
function zeroGamma(body: string, consumer: string, out = 'float[1,1,4,4] y', extra = ''): Model {
  return parseModel(
    `<ir_version: 8, opset_import: ["" : 17]>
g (float[1,2,4,4] x) => (${out})
<float[2,2,1,1] wa = {1, 2, 3, 4}, float[2] ga = {0, 1}, float[2] ba = {1, 0}, float[2] ma = {0, 0}, float[2] va = {1, 1},
 float[1,2,1,1] wc = {1, 2}, float[1] bc = {0.5}${extra}>
{
  [ca] ya = Conv <kernel_shape: ints = [1, 1]> (x, wa)
  [bna] na = BatchNormalization (ya, ga, ba, ma, va)
  ${body}
  ${consumer}
}`,
    'zero-gamma.onnxtxt',
  );
}

const conv1x1 = '[cc] y = Conv <kernel_shape: ints = [1, 1]> (ra, wc, bc)';

describe('prune-slim: exact by default, whatever the ops between a zero gamma and its consumer', () => {
  it('ops whose value on a constant is computed (Sin, Cos, Tan, Shrink, Mod, Where, Cast): the channel is folded, outputs unchanged', async () => {
    const cases: Array<[string, string]> = [
      ['Sin', '[f] ra = Sin (na)'],
      ['Cos', '[f] ra = Cos (na)'],
      ['Tan', '[f] ra = Tan (na)'],
      ['Shrink', '[f] ra = Shrink <lambd: float = 0.5, bias: float = 0.25> (na)'],
      ['Mod', '[f] ra = Mod <fmod: int = 1> (na, md)'],
      ['Where', '[f] ra = Where (wc0, na, wb)'],
      ['Cast to int32 and back (truncates 1.5 to 1)', '[f] ni = Cast <to: int = 6> (na)\n  [g] ra = Cast <to: int = 1> (ni)'],
      ['Cast to float16 and back', '[f] nh = Cast <to: int = 10> (na)\n  [g] ra = Cast <to: int = 1> (nh)'],
    ];
    const extra = ', float[2,1,1] md = {0.75, 2}, bool[2,1,1] wc0 = {0, 1}, float[2,1,1] wb = {-3, 1}';
    for (const [op, body] of cases) {
      const m = zeroGamma(body, conv1x1, undefined, extra);
      m.graph.initializers.get('ba')!.constValue = Tensor.fromFloat32([2], Float32Array.of(1.5, 0), { name: 'ba' });
      const before = copy(m);
      const { ctx } = await runPass(pruneSlimPass, m, { scope: 'all', round: 1, min: 1 });
      expect(ctx.counters['channels-removed'], op).toBe(1);
      expect(ctx.counters['channels-inexact'], op).toBeUndefined();
      expect(verifyModel(m), op).toEqual([]);
      expect((await compareOutputs(m, before, { name: 'x', dims: [1, 2, 4, 4] })).y, op).toBeLessThan(1e-6);
    }
  });

  it('a zero-gamma channel whose removal is not exact is kept, with border-maps or not, and names cannot change why', async () => {
    const ct = 'float[1,1,8,8] y';
    const cases: Array<[string, Model, string]> = [
      [
        'an op whose value on a constant is not computed (GlobalLpPool)',
        zeroGamma('[f] ra = GlobalLpPool (na)', conv1x1, 'float[1,1,1,1] y'),
        "kept channel 0: channel 0 of 'ra', read by Conv 'cc': GlobalLpPool 'f': the value of GlobalLpPool on a constant is not computed",
      ],
      [
        'a Mul by a map that is not constant',
        zeroGamma('[r] mean = ReduceMean <axes: ints = [1]> (x)\n  [s] map = Sigmoid (mean)\n  [f] ra = Mul (na, map)', conv1x1),
        "kept channel 0: channel 0 of 'ra', read by Conv 'cc': Mul 'f' combines channel 0 with 'map', which is not a constant per channel",
      ],
      [
        'a depthwise ConvTranspose',
        zeroGamma('[f] ra = ConvTranspose <group: int = 2, kernel_shape: ints = [2, 2], strides: ints = [2, 2]> (na, wd)', '[cc] y = Conv <kernel_shape: ints = [1, 1]> (ra, wc, bc)', ct, ', float[2,1,2,2] wd = {1, 2, 3, 4, 1, 1, 1, 1}'),
        "kept channel 0: channel 0 of 'ra', read by Conv 'cc': ConvTranspose 'f' is a transposed convolution: the constant 1 of channel 0 does not give a constant output",
      ],
      [
        "a ConvTranspose consumer named 'not constant'",
        zeroGamma('[f] ra = Relu (na)', '["not constant"] y = ConvTranspose <kernel_shape: ints = [3, 3], strides: ints = [2, 2], pads: ints = [1, 1, 0, 0]> (ra, wt)', ct, ', float[2,1,3,3] wt = {1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 1, 1, 1, 1, 1, 1, 1, 1}'),
        "kept channel 0: ConvTranspose 'not constant' is a transposed convolution: a constant input does not give a constant output",
      ],
    ];
    for (const [what, base, remark] of cases) {
      for (const maps of [false, true]) {
        const m = copy(base);
        const { ctx } = await runPass(pruneSlimPass, m, { scope: 'all', round: 1, min: 1, 'border-maps': maps });
        expect(ctx.counters['kept-for-exactness'], what).toBe(1);
        expect(ctx.counters['channels-removed'], what).toBeUndefined();
        expect(ctx.remarks.map((r) => r.replace(/^[^:]*: group '[^']*': /, '')), what).toContain(remark);
        expect(printModel(m), what).toBe(printModel(base));
        expect((await compareOutputs(m, base, { name: 'x', dims: [1, 2, 4, 4] })).y, what).toBe(0);
      }
    }
  });

  it('a Concat along another axis joining different constants of one channel: kept, outputs unchanged', async () => {
    const m = parseModel(
      `<ir_version: 8, opset_import: ["" : 17]>\n${concatAlongRowsBody({ beta: 5, bias: 0 })}`,
      'cat2.onnxtxt',
    );
    const before = copy(m);
    const { ctx } = await runPass(pruneSlimPass, m, { scope: 'all', round: 1, min: 1 });
    expect(ctx.counters['kept-for-exactness']).toBe(1);
    expect(ctx.warnings[0]).toBe('kept 1 channels (rounding included) whose removal would change the outputs: 1 made to vary by an op on the way');
    expect((await compareOutputs(m, before, { name: 'x', dims: [1, 2, 4, 4] })).y).toBe(0);
  });

  it('the summary counts the channels removed lossily by kind (ranking=global above thresh)', async () => {
    const m = zeroGamma('[f] ra = Relu (na)', conv1x1);
    const { ctx } = await runPass(pruneSlimPass, m, { scope: 'all', round: 1, min: 1, ranking: 'global', percent: 0.5, thresh: 0 });
    expect(ctx.counters['channels-inexact']).toBeUndefined();
    const g = copy(zeroGamma('[f] ra = Relu (na)', conv1x1));
    const ga = g.graph.initializers.get('ga')!;
    ga.constValue = Tensor.fromFloat32([2], Float32Array.of(0.5, 1), { name: 'ga' });
    const r = await runPass(pruneSlimPass, g, { scope: 'all', round: 1, min: 1, ranking: 'global', percent: 0.5 });
    expect(r.ctx.counters['channels-inexact']).toBe(1);
    expect(r.ctx.warnings.at(-1)).toMatch(/; 1 removed channels change the outputs \(1 not constant\)$/);
  });
});

describe('prune-slim: scope and ranking', () => {
  const built = buildModel(loadConfig('yolov5n'), { form: 'train', imgsz: 256 });
  randomizeBatchNorms(built, { seed: 6, zeroFraction: 0.6 });
  const bytes = encodeModel(built);

  it('scope=yolov5-light takes exactly Conv, C3 cv3, bottleneck cv1 and SPPF cv1 (by name, or by ylc.config)', async () => {
    for (const withConfig of [true, false]) {
      const m = decodeModel(bytes);
      if (!withConfig) m.metadataProps = m.metadataProps.filter(([k]) => k !== 'ylc.config');
      await runPass(pruneSlimPass, m, { apply: false, round: 1, min: 1, 'border-maps': true });
      const keys = masksIn(m).map((g) => g.key.replace(/^\/model\.(\d+)\//, 'L$1 ').replace(/\/?conv\/Conv_output_0$/, ''));
      expect(keys.length).toBe(29);
      expect(keys.filter((k) => !/^L\d+ (|cv3|m\/m\.\d\/cv1)$/.test(k))).toEqual(['L9 cv1']);
    }
  });

  it('scope=all prunes residual groups jointly: a channel goes only if its gamma is 0 in every member', async () => {
    const m = decodeModel(bytes);
    const zero = (name: string, channels: number[]) => {
      const v = m.graph.initializers.get(name)!;
      const a = v.constValue!.toFloat32();
      a.fill(1);
      for (const c of channels) a[c] = 0;
      v.constValue = Tensor.fromFloat32(v.constValue!.dims, a, { name });
    };
    zero('model.2.cv1.bn.weight', [0, 1, 2]);
    zero('model.2.m.0.cv2.bn.weight', [1, 2, 3]);
    await runPass(pruneSlimPass, m, { scope: 'all', apply: false, round: 1, min: 1 });
    expect(masksIn(m).find((g) => g.key === '/model.2/cv1/conv/Conv_output_0')!.keep).toEqual([0, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
  });

  it('keep count: max(round_up(count(|gamma| > thresh), round), min), the largest |gamma| kept; ranking=global uses the percent quantile', async () => {
    const m = decodeModel(bytes);
    const g = m.graph.initializers.get('model.0.bn.weight')!;
    g.constValue = Tensor.fromFloat32([16], Float32Array.of(0.5, 0, 0.001, 0.9, 0, 0.3, 0.02, 0, 0, 0, 0, 0, 0, 0, 0, 0), { name: g.name });
    // border-maps: the count rule alone, without channels kept back for exactness.
    await runPass(pruneSlimPass, m, { apply: false, round: 4, min: 2, 'border-maps': true });
    // 5 above 1e-5 -> rounded up to 8: the 5, then the largest zeros by index (1, 4, 7).
    expect(masksIn(m).find((x) => x.key === '/model.0/conv/Conv_output_0')!.keep).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const m1 = decodeModel(encodeModel(m));
    m1.metadataProps = m1.metadataProps.filter(([k]) => k !== MASKS_METADATA_KEY);
    await runPass(pruneSlimPass, m1, { apply: false, round: 1, min: 2, thresh: 0.01, 'border-maps': true });
    expect(masksIn(m1).find((x) => x.key === '/model.0/conv/Conv_output_0')!.keep).toEqual([0, 3, 5, 6]);
    const m2 = decodeModel(encodeModel(m));
    m2.metadataProps = m2.metadataProps.filter(([k]) => k !== MASKS_METADATA_KEY);
    // Global: the threshold is the |gamma| below which 70% of the channels in scope lie (above thresh).
    const { ctx } = await runPass(pruneSlimPass, m2, { apply: false, round: 1, min: 1, ranking: 'global', percent: 0.7, 'border-maps': true });
    const total = 2752;
    const masked = masksIn(m2).reduce((n, x) => n + x.size - x.keep.length, 0);
    expect(ctx.remarks.find((r) => r.startsWith('global threshold'))).toMatch(/ \(0\.7 quantile of 2752 \|gamma\|\)$/);
    expect(masked).toBeGreaterThanOrEqual(Math.floor(0.7 * total) - 29);
  });

  it('apply=false records masks (and border-maps); channel-slice applies them to the same result as slicing at once', async () => {
    for (const maps of [false, true]) {
      const direct = decodeModel(bytes);
      await runPass(pruneSlimPass, direct, { 'border-maps': maps });
      const staged = decodeModel(bytes);
      await runPass(pruneSlimPass, staged, { apply: false, 'border-maps': maps });
      const saved = decodeModel(encodeModel(staged)); // a save/load between the two passes
      const { ctx } = await runPass(channelSlicePass, saved, {});
      expect(saved.getMetadata(MASKS_METADATA_KEY)).toBeUndefined();
      expect(ctx.counters['channels-removed']).toBeGreaterThan(0);
      if (maps) expect(ctx.counters['border-maps']).toBeGreaterThan(0);
      else expect(ctx.counters['border-maps']).toBeUndefined();
      expect(printModel(saved), `border-maps=${maps}`).toBe(printModel(direct));
    }
  });
});

describe('prune-slim: bad input', () => {
  it('a NaN gamma is an error naming the node, the tensor and the channel; nothing changes', async () => {
    const m = buildModel(loadConfig('yolov5n'), { form: 'train', imgsz: 256 });
    const g = m.graph.initializers.get('model.4.cv3.bn.weight')!;
    const a = g.constValue!.toFloat32();
    a[5] = NaN;
    g.constValue = Tensor.fromFloat32(g.constValue!.dims, a, { name: g.name });
    const text = printModel(m);
    await expect(runPipeline(m, 'prune-slim')).rejects.toThrow(
      "[prune-slim] BatchNormalization '/model.4/cv3/bn/BatchNormalization': gamma 'model.4.cv3.bn.weight' is NaN at channel 5; the model cannot be ranked (fix or retrain the checkpoint)",
    );
    expect(printModel(m)).toBe(text);
  });

  it('a threshold that removes every channel of a group keeps `min` of them, with a warning naming the group', async () => {
    const m = buildModel(loadConfig('yolov5n'), { form: 'train', imgsz: 256 });
    const g = m.graph.initializers.get('model.1.bn.weight')!;
    g.constValue = Tensor.fromFloat32([32], new Float32Array(32).fill(1e-6), { name: g.name });
    const { ctx } = await runPass(pruneSlimPass, m, {});
    expect(ctx.warnings[0]).toBe("group '/model.1/conv/Conv_output_0': every channel has |gamma| <= 0.00001; keeping the 8 largest (min=8)");
    expect(m.graph.initializers.get('model.1.conv.weight')!.constValue!.dims).toEqual([8, 16, 3, 3]);
  });

  it('a graph with no BatchNormalization and no YOLOv5 names under scope=yolov5-light: pruned nothing, and why', async () => {
    const m = parseModel(
      `<ir_version: 8, opset_import: ["" : 17]>
g (float[1,3,8,8] x) => (float[1,2,8,8] y)
<float[4,3,1,1] w1 = {...}, float[2,4,1,1] w2 = {...}>
{
  [c1] a = Conv <kernel_shape: ints = [1, 1]> (x, w1)
  [r] h = Relu (a)
  [c2] y = Conv <kernel_shape: ints = [1, 1]> (h, w2)
}`,
      'nobn.onnxtxt',
      { elidedTensors: 'zeros' },
    );
    const { modified, ctx } = await runPass(pruneSlimPass, m, {});
    expect(modified).toBe(false);
    expect(ctx.warnings).toEqual([
      'pruned nothing: the graph has no BatchNormalization and no YOLOv5 module names (model.<i>.cv3.conv.weight, /model.<i>/cv3/conv/Conv), so no Conv/C3/SPPF part can be told; scope=all prunes every prunable group',
    ]);
  });

  it('option errors: percent without ranking=global, emit-cfg without the config or without apply', async () => {
    const m = loadModel('test/fixtures/yolov5n_640_bn.onnx');
    await expect(runPipeline(m, 'prune-slim{percent=0.5}')).rejects.toThrow("pass 'prune-slim': option 'percent' needs ranking=global");
    // Checked when the pipeline is planned: the pass before it has not run.
    await expect(runPipeline(m, 'dce,prune-slim{percent=0.5}')).rejects.toThrow(/^pass 'prune-slim': option 'percent' needs ranking=global$/);
    await expect(runPipeline(m, 'prune-slim{emit-cfg=x.yaml}')).rejects.toThrow(
      "[prune-slim] option 'emit-cfg': the model has no 'ylc.config' metadata (the YAML it was built from); build it with 'ylc build' or 'ylc import' to emit a config",
    );
    await expect(runPipeline(m, 'prune-slim{emit-cfg=x.yaml,apply=false}')).rejects.toThrow("option 'emit-cfg' needs apply=true (the YAML describes the sliced model)");
    await expect(runPipeline(m, 'dce,prune-l1{emit-cfg=x.yaml,apply=false}')).rejects.toThrow(/^pass 'prune-l1': option 'emit-cfg' needs apply=true/);
    const built = buildModel(loadConfig('yolov5n'), { form: 'train', imgsz: 64 });
    randomizeBatchNorms(built, { seed: 3, zeroFraction: 0.5 });
    built.setMetadata('ylc.config', '{"nc": 80');
    await expect(runPipeline(built, `prune-slim{emit-cfg=${path.join(os.tmpdir(), 'never-written.yaml')}}`)).rejects.toThrow(
      /metadata 'ylc\.config' is not valid JSON \(.*\); --emit-cfg needs the config the model was built from/,
    );
    await expect(runPipeline(m, 'prune-slim{thresh=-1}')).rejects.toThrow("pass 'prune-slim': option 'thresh' expects a value in [0, inf], got '-1'");
  });

  it('emit-cfg states what Slim modules cannot express (C3 cv3 pruned while cv1/cv2 keep their width) and writes nothing', async () => {
    const m = buildModel(loadConfig('yolov5n'), { form: 'train', imgsz: 256 });
    randomizeBatchNorms(m, { seed: 7, zeroFraction: 0.6, zeroBeta: true, match: /cv3\.bn\.weight$/ });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ylc-slim-'));
    const yaml = path.join(dir, 'never.yaml');
    const { ctx } = await runPass(pruneSlimPass, m, { 'emit-cfg': yaml });
    expect(ctx.warnings.at(-1)).toMatch(
      new RegExp(`^emit-cfg: ${yaml.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} not written: \\d+ pruned shapes no Slim YAML can express: layer 2 \\(C3\\): cv3 has \\d+ channels but cv1/cv2 16/16; SlimC3 makes cv1 = cv2 = int\\(cv3 / 2\\) = \\d+`),
    );
    expect(fs.existsSync(yaml)).toBe(false);
    fs.rmSync(dir, { recursive: true });
  });
});

describe('channel-slice: masks from metadata', () => {
  it('checks the masks before changing anything (unknown group, size, indices) with the metadata named', async () => {
    const base = buildModel(loadConfig('yolov5n'), { form: 'train', imgsz: 256 });
    const cases: Array<[unknown, string]> = [
      [{ version: 1, groups: [{ key: 'nope', size: 8, keep: [0] }] }, "metadata 'ylc.prune.masks': group 'nope' is not a channel group of this model (see 'ylc info --groups')"],
      [{ version: 1, groups: [{ key: '/model.0/conv/Conv_output_0', size: 32, keep: [0] }] }, "metadata 'ylc.prune.masks': group '/model.0/conv/Conv_output_0' has 16 channels in the model but the mask was made for 32"],
      [{ version: 1, groups: [{ key: '/model.0/conv/Conv_output_0', size: 16, keep: [3, 16] }] }, "metadata 'ylc.prune.masks' for group '/model.0/conv/Conv_output_0': index 16 is out of range (the group has 16 channels)"],
      [{ version: 1, groups: [{ key: '/model.24/m.0/Conv_output_0', size: 255, keep: [0] }] }, "metadata 'ylc.prune.masks' for group '/model.24/m.0/Conv_output_0': the group cannot be pruned (Reshape '/model.24/Reshape' splits or merges the channel axis ([1,255,32,32] -> [1,3,85,32,32]))"],
      [{ version: 2 }, 'metadata \'ylc.prune.masks\': expected {"version": 1, "groups": [...]}'],
      [{ version: 1, borderMaps: 'yes', groups: [] }, 'metadata \'ylc.prune.masks\': \'borderMaps\' must be true or false, got "yes"'],
      [{ version: 1, borderMaps: true, maxMap: 0, groups: [] }, "metadata 'ylc.prune.masks': 'maxMap' must be an integer >= 1, got 0"],
    ];
    for (const [masks, message] of cases) {
      const m = copy(base);
      m.setMetadata(MASKS_METADATA_KEY, JSON.stringify(masks));
      const text = printModel(m);
      await expect(runPipeline(m, 'channel-slice')).rejects.toThrow(`[channel-slice] ${message}`);
      expect(printModel(m)).toBe(text);
    }
    await expect(runPipeline(copy(base), 'channel-slice')).rejects.toThrow(
      "[channel-slice] the model has no 'ylc.prune.masks' metadata: run prune-slim or prune-l1 with apply=false first (or use allow-missing=true)",
    );
  });

  it('hand-written masks are applied, and the recorded analysis agrees with the sliced model', async () => {
    const m = buildModel(loadConfig('yolov5n'), { form: 'train', imgsz: 256 });
    m.setMetadata(MASKS_METADATA_KEY, JSON.stringify({ version: 1, groups: [{ key: '/model.9/cv1/conv/Conv_output_0', size: 128, keep: Array.from({ length: 64 }, (_, i) => 2 * i) }] }));
    const ctx = recordingContext();
    await runPass(channelSlicePass, m, {}, ctx);
    expect(m.graph.initializers.get('model.9.cv2.conv.weight')!.constValue!.dims).toEqual([256, 256, 1, 1]);
    expect(analyzeChannelGroups(m).groupByKey('/model.9/cv1/conv/Conv_output_0')!.size).toBe(64);
  });
});
