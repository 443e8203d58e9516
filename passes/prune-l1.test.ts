import { describe, expect, it } from 'vitest';
import { decodeModel, encodeModel } from '../ir/serde/index.js';
import { parseModel } from '../ir/text/parse.js';
import { printModel } from '../ir/text/print.js';
import { verifyModel } from '../ir/verify.js';
import { buildModel, loadConfig } from '../frontends/yolov5/index.js';
import { runPass } from '../test/util/pass-context.js';
import { channelSlicePass } from './channel-slice.js';
import { compareOutputs } from '../test/util/prune.js';
import { analyzeChannelGroups } from './analysis/channel-groups.js';
import { runPipeline } from './manager.js';
import { pruneL1Pass } from './prune-l1.js';
import { MASKS_METADATA_KEY } from './prune/masks.js';

describe('prune-l1', () => {
  const bytes = encodeModel(buildModel(loadConfig('yolov5n'), { form: 'train', imgsz: 256 }));

  it('keeps max(make_divisible(int(C * r), 8), 8) channels per group in scope, those with the largest filter L1 norm', async () => {
    const m = decodeModel(bytes);
    const a = analyzeChannelGroups(m);
    const w = m.graph.initializers.get('model.3.conv.weight')!.constValue!; // [64, 32, 3, 3]
    const values = w.toFloat32();
    const per = values.length / 64;
    const l1 = Array.from({ length: 64 }, (_, o) => values.slice(o * per, (o + 1) * per).reduce((s, x) => s + Math.abs(x), 0));
    const expected = l1
      .map((v, i) => [v, i] as const)
      .sort((x, y) => y[0] - x[0] || x[1] - y[1])
      .slice(0, 24)
      .map(([, i]) => i)
      .sort((x, y) => x - y);
    await runPass(pruneL1Pass, m, { ratios: [0.3], apply: false });
    const groups = (JSON.parse(m.getMetadata(MASKS_METADATA_KEY)!) as { groups: Array<{ key: string; size: number; keep: number[] }> }).groups;
    expect(groups.find((g) => g.key === '/model.3/conv/Conv_output_0')!.keep).toEqual(expected); // int(64 * 0.3) = 19 -> 24
    for (const g of groups) expect(g.keep.length).toBe(Math.min(Math.max(Math.ceil(Math.trunc(g.size * 0.3) / 8) * 8, 8), g.size));
    expect(groups.length).toBe(29); // every group in scope=yolov5-light (of the 50 prunable ones)
    expect(a.groups.filter((g) => g.prunable).length).toBe(50);
  });

  it('one ratio per group in scope (EagleEye), sliced and verified; the model runs and is smaller', async () => {
    const m = decodeModel(bytes);
    const ratios = Array.from({ length: 29 }, (_, i) => 0.25 + (i % 3) * 0.25);
    const { ctx } = await runPass(pruneL1Pass, m, { ratios });
    expect(verifyModel(m)).toEqual([]);
    expect(ctx.counters['params-after']).toBeLessThan(ctx.counters['params-before']!);
    expect(ctx.counters['flops-after']).toBeLessThan(ctx.counters['flops-before']!);
    const diff = await compareOutputs(m, decodeModel(bytes), { name: 'images', dims: [1, 3, 256, 256] });
    expect(Number.isFinite(diff.pred0)).toBe(true);
  });

  it('border correction maps are opt-in (border-maps=true), as in prune-slim, and survive apply=false + channel-slice', async () => {
    // Channel 0 has the smallest filter and gamma 0: the constant Relu(1) into a padded conv + BN.
    const base = parseModel(
      `<ir_version: 8, opset_import: ["" : 17]>
g (float[1,2,4,4] x) => (float[1,1,4,4] y)
<float[2,2,1,1] wa = {0.1, 0.1, 3, 4}, float[2] ga = {0, 1}, float[2] ba = {1, 0}, float[2] ma = {0, 0}, float[2] va = {1, 1},
 float[1,2,3,3] wc = {1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 1, 1, 1, 1, 1, 1, 1, 1},
 float[1] gc = {1}, float[1] bc = {0}, float[1] mc = {0}, float[1] vc = {1}>
{
  [ca] ya = Conv <kernel_shape: ints = [1, 1]> (x, wa)
  [bna] na = BatchNormalization (ya, ga, ba, ma, va)
  [act] ra = Relu (na)
  [cc] yc = Conv <kernel_shape: ints = [3, 3], pads: ints = [1, 1, 1, 1]> (ra, wc)
  [bnc] y = BatchNormalization (yc, gc, bc, mc, vc)
}`,
      'l1-border.onnxtxt',
    );
    const x = { name: 'x', dims: [1, 2, 4, 4] };
    const ops = (m: typeof base) => m.graph.nodes.toArray().map((n) => n.opType).join(',');
    const options = { scope: 'all', round: 1, min: 1, ratios: [0.5] };
    // Default: no nodes between the conv and its BatchNormalization (fold-bn can fuse them); the
    // border is inexact, and the summary says so.
    const plain = decodeModel(encodeModel(base));
    const a = await runPass(pruneL1Pass, plain, options);
    expect(ops(plain)).toBe('Conv,BatchNormalization,Relu,Conv,BatchNormalization');
    expect(a.ctx.counters['channels-inexact']).toBe(1);
    expect(a.ctx.warnings.at(-1)).toMatch(/; 1 removed channels change the outputs \(1 nonzero constants into padded windows \(exact inside, not on the border\)\)$/);
    expect((await compareOutputs(plain, base, x)).y).toBeGreaterThan(1e-3);
    // border-maps=true: exact, with the correction map.
    const mapped = decodeModel(encodeModel(base));
    const b = await runPass(pruneL1Pass, mapped, { ...options, 'border-maps': true });
    expect(ops(mapped)).toBe('Conv,BatchNormalization,Relu,Conv,Gather,Gather,Add,BatchNormalization');
    expect(b.ctx.counters['channels-inexact']).toBeUndefined();
    expect((await compareOutputs(mapped, base, x)).y).toBeLessThan(1e-5);
    // apply=false records the choice with the masks; channel-slice then makes the same model.
    for (const [maps, direct] of [[false, plain], [true, mapped]] as const) {
      const staged = decodeModel(encodeModel(base));
      await runPass(pruneL1Pass, staged, { ...options, 'border-maps': maps, apply: false });
      const saved = decodeModel(encodeModel(staged));
      await runPass(channelSlicePass, saved, {});
      expect(printModel(saved), `border-maps=${maps}`).toBe(printModel(direct));
    }
  });

  it('bad ratios are usage errors naming the option', async () => {
    const m = decodeModel(bytes);
    await expect(runPipeline(m, 'prune-l1{ratios=[0.5,0.5]}')).rejects.toThrow(
      "[prune-l1] pass 'prune-l1': option 'ratios' has 2 values but scope=yolov5-light selects 29 groups: give one ratio for all, or one per group in 'ylc info --groups' order",
    );
    // Bounds are checked when the pipeline is planned, before any pass runs.
    await expect(runPipeline(m, 'prune-l1{ratios=[1.5]}')).rejects.toThrow("pass 'prune-l1': option 'ratios' expects values in (0, 1], got '[1.5]'");
    await expect(runPipeline(m, 'dce,prune-l1{ratios=[0]}')).rejects.toThrow("pass 'prune-l1': option 'ratios' expects values in (0, 1], got '[0]'");
  });
});
