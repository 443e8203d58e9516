import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeModel } from '../../ir/serde/index.js';
import { BUILTIN_CONFIGS, buildModel, builtinConfigDir, configFromDict, loadConfig, parseConfig } from './index.js';
import { makeDivisible, pyRound, resolveLayers, scaledDepth } from './modules.js';
import { errorOf } from '../../test/util/errors.js';

/** The thrown YlcError's code and message, to compare as one object. */
const errorFields = (fn: () => unknown): { code: string; message: string } => {
  const e = errorOf(fn);
  return { code: e.code, message: e.message };
};

const yolov5s = fs.readFileSync(path.join(builtinConfigDir(), 'yolov5s.yaml'), 'utf8');

/** yolov5s.yaml with one substring replaced (which must occur). */
function edited(from: string, to: string): string {
  expect(yolov5s.includes(from)).toBe(true);
  return yolov5s.replace(from, to);
}

const parse = (text: string) => () => parseConfig(text, 'yolov5s.yaml');

describe('loadConfig', () => {
  it('loads every built-in by name, with or without .yaml', () => {
    for (const name of BUILTIN_CONFIGS) {
      const cfg = loadConfig(name);
      expect(cfg.file).toBe(`${name}.yaml`);
      expect(cfg.layers.at(-1)!.module).toBe('Detect');
    }
    expect(loadConfig('yolov5s.yaml').layers.length).toBe(25);
  });

  it('reads the YOLOv5 keys as written', () => {
    const s = loadConfig('yolov5s');
    expect([s.nc, s.depthMultiple, s.widthMultiple, s.ch, s.backboneLength, s.layers.length]).toEqual([80, 0.33, 0.5, 3, 10, 25]);
    expect(s.anchors).toEqual([
      [10, 13, 16, 30, 33, 23],
      [30, 61, 62, 45, 59, 119],
      [116, 90, 156, 198, 373, 326],
    ]);
    const up = s.layers[11]!;
    expect([up.from, up.number, up.module, up.args, up.line]).toEqual([-1, 1, 'nn.Upsample', ['None', 2, 'nearest'], 30]);
    expect(s.layers[24]!.from).toEqual([17, 20, 23]);
    expect(s.layers[24]!.args).toEqual(['nc', 'anchors']);
    expect(loadConfig('yolov5_convnexts').nc).toBe(1);
  });

  it('takes any path, and the slimmed config written by YOLOv5-Light (unquoted nearest, lowercase false)', () => {
    const cfg = loadConfig(path.resolve('test/fixtures/yolov5l_slimmed.yaml'));
    expect(cfg.file).toBe('yolov5l_slimmed.yaml');
    expect(cfg.layers[11]!.args).toEqual(['None', 2, 'nearest']);
    expect(cfg.layers[13]!.args.at(-1)).toBe(false);
  });

  it('says which file it cannot read', () => {
    expect(errorFields(() => loadConfig('yolov5q'))).toEqual({
      code: 'io',
      message: "unknown model config 'yolov5q': not a built-in (yolov5n, yolov5s, yolov5m, yolov5l, yolov5x, yolov5n_slim, yolov5s_slim, yolov5l_slim, yolov5_convnexts) nor a file",
    });
    expect(errorFields(() => loadConfig('/nonexistent/dir/x.yaml'))).toEqual({ code: 'io', message: 'cannot read model config /nonexistent/dir/x.yaml (no such file)' });
  });

  it('reads a local file before a built-in of the same name', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ylc-cfg-'));
    const cwd = process.cwd();
    try {
      fs.writeFileSync(path.join(dir, 'yolov5s.yaml'), yolov5s.replace('nc: 80', 'nc: 7'));
      process.chdir(dir);
      expect(loadConfig('yolov5s.yaml').nc).toBe(7);
      expect(loadConfig('yolov5s').nc).toBe(80);
    } finally {
      process.chdir(cwd);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('configFromDict', () => {
  it('builds from the dict a checkpoint or the ylc.config metadata holds, as from the file', () => {
    for (const name of ['yolov5s', 'yolov5l_slim', 'yolov5_convnexts']) {
      const file = loadConfig(name);
      const fromDict = configFromDict(file.dict, `${name}.pt`);
      const options = { form: 'train', imgsz: 64, seed: 1 } as const;
      const a = buildModel(file, options);
      const b = buildModel(fromDict, options);
      const c = buildModel(configFromDict(JSON.parse(a.getMetadata('ylc.config')!) as Record<string, unknown>), options);
      for (const m of [b, c]) expect(Buffer.from(encodeModel(m)).equals(Buffer.from(encodeModel(a)))).toBe(true);
    }
  });

  it('names the dict in messages', () => {
    const dict = { ...loadConfig('yolov5n').dict, head: [[-1, 1, 'C4', [1]], [[-1], 1, 'Detect', ['nc', 'anchors']]] };
    expect(errorFields(() => configFromDict(dict, 'yolov5n.pt')).message).toMatch(/^yolov5n\.pt:\d+: unknown module 'C4' \(known: /);
  });
});

describe('config errors: one line naming the file and line', () => {
  const cases: Array<[string, string, string, string]> = [
    ['an unknown module', '[-1, 3, C3, [512, False]],  # 13', '[-1, 3, C4, [512, False]],  # 13',
      "yolov5s.yaml:32: unknown module 'C4' (known: Conv, Bottleneck, C3, SPP, SPPF, Focus, Concat, nn.Upsample, Detect, SlimConv, SlimC3, SlimSPPF, ConvNeXt_Stem, ConvNeXt_Downsample, ConvNeXt_Block)"],
    ['malformed YAML', '[[-1, 1, Conv, [512, 1, 1]],', '[[-1, 1, Conv, [512, 1, 1]],]]', 'yolov5s.yaml:29: invalid YAML: Unexpected flow-seq-end token in YAML stream: "]"'],
    ['too many arguments', '[-1, 1, Conv, [128, 3, 2]],', '[-1, 1, Conv, [128, 3, 2, 1, 1, 1, True, 5]],',
      'yolov5s.yaml:16: layer 1 (Conv): takes 1 to 7 arguments [c2, k, s, p, g, d, act], got 8: [128,3,2,1,1,1,true,5]'],
    ['too few arguments', '[-1, 1, SPPF, [1024, 5]],', '[-1, 1, SPPF, []],', 'yolov5s.yaml:24: layer 9 (SPPF): takes 1 to 2 arguments [c2, k], got 0: []'],
    ['a float kernel', '[-1, 1, Conv, [128, 3, 2]],', '[-1, 1, Conv, [128, 3.5, 2]],', 'yolov5s.yaml:16: layer 1 (Conv): argument 2 (k) must be a positive integer, got 3.5'],
    ['a string kernel', '[-1, 1, Conv, [128, 3, 2]],', "[-1, 1, Conv, [128, 'x', 2]],", 'yolov5s.yaml:16: layer 1 (Conv): argument 2 (k) must be a positive integer, got "x"'],
    ['a non-boolean shortcut', '[-1, 3, C3, [512, False]],  # 13', '[-1, 3, C3, [512, 0]],  # 13', 'yolov5s.yaml:32: layer 13 (C3): argument 2 (shortcut) must be True or False, got 0'],
    ['a bilinear upsample', "[-1, 1, nn.Upsample, [None, 2, 'nearest']],\n   [[-1, 6]", "[-1, 1, nn.Upsample, [None, 2, 'bilinear']],\n   [[-1, 6]",
      "yolov5s.yaml:30: layer 11 (nn.Upsample): argument 3 (mode) must be 'nearest' (the only mode YOLOv5 configs use), got \"bilinear\""],
    ['from pointing forward', '[[-1, 6], 1, Concat, [1]],', '[[-1, 16], 1, Concat, [1]],',
      "yolov5s.yaml:31: layer 12 (Concat): 'from' 16 points forward (a layer can only use earlier layers, 0..11)"],
    ['from out of range', '[[-1, 6], 1, Concat, [1]],', '[[-1, -30], 1, Concat, [1]],',
      "yolov5s.yaml:31: layer 12 (Concat): 'from' -30 is out of range (layer 12 can use layers 0..11, or -12..-1 counting back)"],
    ['from not an index', '[[-1, 6], 1, Concat, [1]],', "[[-1, 'x'], 1, Concat, [1]],",
      "yolov5s.yaml:31: layer 12: 'from' must be a layer index or a list of them, got [-1,\"x\"]"],
    ['a short entry', '[-1, 1, Conv, [128, 3, 2]],', '[-1, 1, Conv],', 'yolov5s.yaml:16: layer 1 must be [from, number, module, args], got 3 items'],
    ['a zero repeat count', '[-1, 1, Conv, [128, 3, 2]],', '[-1, 0, Conv, [128, 3, 2]],', "yolov5s.yaml:16: layer 1: 'number' must be a positive integer, got 0"],
    ['args not a list', '[-1, 1, Conv, [128, 3, 2]],', '[-1, 1, Conv, 128],', 'yolov5s.yaml:16: layer 1 (Conv): args must be a list, got 128'],
    ['a missing key', 'nc: 80', 'ncc: 80', "yolov5s.yaml:4: missing key 'nc'"],
    ['a bad nc', 'nc: 80', 'nc: -1', "yolov5s.yaml:4: 'nc' must be a positive integer, got -1"],
    ['bad anchors', '- [10,13, 16,30, 33,23]', '- [10,13, 16,30, 33]', "yolov5s.yaml:8: 'anchors' level 0 must be a list of (w, h) pixel pairs, got [10,13,16,30,33]"],
    ['Detect levels and from', '[[17, 20, 23], 1, Detect, [nc, anchors]]', '[[17, 20], 1, Detect, [nc, anchors]]',
      "yolov5s.yaml:47: layer 24 (Detect): has 3 anchor levels but 'from' lists 2 layers"],
    ['Detect not last', '[-1, 1, SPPF, [1024, 5]],  # 9', '[-1, 1, Detect, [nc, anchors]],  # 9', 'yolov5s.yaml:24: layer 9: Detect must be the last layer'],
    ['a repeated Concat', '[[-1, 6], 1, Concat, [1]],', '[[-1, 6], 2, Concat, [1]],', "yolov5s.yaml:31: layer 12 (Concat): cannot be repeated ('number' must be 1, got 2)"],
    ['an nc over the bound', 'nc: 80', 'nc: 100000000', "yolov5s.yaml:4: 'nc' is 100000000: ylc builds at most 100000 classes"],
    ['a Detect nc over the bound', '[[17, 20, 23], 1, Detect, [nc, anchors]]', '[[17, 20, 23], 1, Detect, [200000, anchors]]',
      'yolov5s.yaml:47: layer 24 (Detect): argument 1 (nc) is 200000: ylc builds at most 100000 classes'],
    ['a depth over the bound', 'depth_multiple: 0.33', 'depth_multiple: 1000000000',
      'yolov5s.yaml:17: layer 2 (C3): repeats 3000000000 times after depth scaling (number 3 x depth_multiple 1000000000): ylc builds at most 1000 per layer'],
    ['an anchor count over the bound', 'anchors:\n  - [10,13, 16,30, 33,23]  # P3/8\n  - [30,61, 62,45, 59,119]  # P4/16\n  - [116,90, 156,198, 373,326]  # P5/32', 'anchors: 1000000000',
      "yolov5s.yaml:7: 'anchors' is 1000000000: ylc builds at most 100 anchors per level"],
    ['a Detect anchor count over the bound', '[[17, 20, 23], 1, Detect, [nc, anchors]]', '[[17, 20, 23], 1, Detect, [nc, 101]]',
      'yolov5s.yaml:47: layer 24 (Detect): argument 2 (anchors) has 101 anchors per level: ylc builds at most 100'],
  ];
  for (const [what, from, to, message] of cases) {
    it(what, () => expect(errorFields(parse(edited(from, to)))).toEqual({ code: 'bad-model', message }));
  }

  it('a document that is not a mapping', () => {
    expect(errorFields(() => parseConfig('- a\n- b\n', 'm.yaml')).message).toBe(
      'm.yaml:1: a model config must be a YAML mapping with nc, depth_multiple, width_multiple, anchors, backbone and head',
    );
  });

  it('too few inner ratios for a SlimC3 after depth scaling', () => {
    const text = fs.readFileSync(path.join(builtinConfigDir(), 'yolov5l_slim.yaml'), 'utf8').replace('[-1, 3, SlimC3, [128, 1.0, [1.0, 1.0, 1.0]]],', '[-1, 3, SlimC3, [128, 1.0, [1.0, 1.0]]],');
    expect(errorFields(() => parseConfig(text, 'yolov5l_slim.yaml')).message).toBe(
      'yolov5l_slim.yaml:17: layer 2 (SlimC3): needs 3 inner ratios (one per bottleneck after depth scaling), got 2',
    );
  });

  it('problems found when building name the layer too', () => {
    const cfg = parseConfig(edited('[[-1, 6], 1, Concat, [1]],', '[[-1, 4], 1, Concat, [1]],'), 'yolov5s.yaml');
    expect(errorFields(() => buildModel(cfg, { form: 'train' })).message).toBe(
      'yolov5s.yaml:31: layer 12 (Concat): Concat inputs differ in size for a 256x256 image: layer 11 is 16x16, layer 4 is 32x32',
    );
    const block = parseConfig(
      fs.readFileSync(path.join(builtinConfigDir(), 'yolov5_convnexts.yaml'), 'utf8').replace('[-1, 3, ConvNeXt_Block, [96]],', '[-1, 3, ConvNeXt_Block, [128]],'),
      'yolov5_convnexts.yaml',
    );
    expect(errorFields(() => buildModel(block, { form: 'train' })).message).toBe(
      'yolov5_convnexts.yaml:16: layer 1 (ConvNeXt_Block): ConvNeXt_Block keeps its width: it gets 96 channels from layer 0 but asks for 128',
    );
  });
});

describe('YOLOv5 rounding', () => {
  it('round() is Python\'s (ties to even) and make_divisible rounds up', () => {
    expect([0.5, 1.5, 2.5, 2.49, 2.51, 3.5].map(pyRound)).toEqual([0, 2, 2, 2, 3, 4]);
    expect([makeDivisible(64 * 0.25, 8), makeDivisible(1024 * 0.33, 8), makeDivisible(20, 8), makeDivisible(24, 8)]).toEqual([16, 344, 24, 24]);
  });

  it('depth: n = max(round(n * gd), 1) when n > 1', () => {
    const depths = (gd: number) => [1, 3, 6, 9].map((n) => scaledDepth(n, gd));
    expect(depths(0.33)).toEqual([1, 1, 2, 3]);
    expect(depths(0.67)).toEqual([1, 2, 4, 6]);
    expect(depths(1.0)).toEqual([1, 3, 6, 9]);
    expect(depths(1.33)).toEqual([1, 4, 8, 12]);
  });

  it('widths of yolov5n..x and the slim ratio rule', () => {
    const widths = (name: string) => resolveLayers(loadConfig(name), 80, () => { throw new Error('unexpected'); }).map((l) => l.c2);
    expect(widths('yolov5n').slice(0, 10)).toEqual([16, 32, 32, 64, 64, 128, 128, 256, 256, 256]);
    expect(widths('yolov5x').slice(0, 10)).toEqual([80, 160, 160, 320, 320, 640, 640, 1280, 1280, 1280]);
    const slimmed = resolveLayers(loadConfig('test/fixtures/yolov5l_slimmed.yaml'), 80, () => { throw new Error('unexpected'); });
    // SlimConv [128, 0.6875]: 128 * 1.0 * 0.6875 = 88; SlimSPPF [1024, 0.203125]: 208; SlimC3 [256, 0.34375]: 88.
    expect([slimmed[1]!.c2, slimmed[9]!.c2, slimmed[17]!.c2]).toEqual([88, 208, 88]);
    const c3 = slimmed[4]!.module;
    // c2 = 216, c_ = 108, bottleneck widths max(int(108 * r), 8).
    expect(c3.kind === 'C3' && [c3.c2, c3.hidden, c3.bottlenecks]).toEqual([216, 108, [101, 74, 47, 74, 81, 87]]);
  });
});
