import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLossGolden, LOSS_GOLDENS } from '../../test/util/loss-goldens.js';
import { errorOf } from '../../test/util/errors.js';
import { BUILTIN_HYPS, checkHyp, hypFromJson, loadHyp, parseHyp, rescaleHyp } from './hyp.js';

const fields = (fn: () => unknown): { code: string; message: string } => {
  const e = errorOf(fn);
  return { code: e.code, message: e.message };
};

describe('loadHyp', () => {
  it('reads the four built-ins by name, with or without hyp. and .yaml', () => {
    for (const name of BUILTIN_HYPS) {
      const hyp = loadHyp(name);
      expect(hyp.anchor_t).toBe(4);
      expect(loadHyp(`hyp.${name}.yaml`)).toEqual(hyp);
    }
    expect(loadHyp('scratch-low')).toMatchObject({ lr0: 0.01, box: 0.05, cls: 0.5, obj: 1.0, cls_pw: 1.0, obj_pw: 1.0, fl_gamma: 0.0 });
    expect(loadHyp('scratch-high')).toMatchObject({ cls: 0.3, obj: 0.7, mixup: 0.1 });
    expect(loadHyp('scratch-convnext')).toMatchObject({ lr0: 0.001, weight_decay: 0.05 });
  });

  it('reads a file by path; a local file wins over a built-in name', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ylc-hyp-'));
    const file = path.join(dir, 'hyp.scratch-low.yaml');
    fs.writeFileSync(file, 'box: 0.1\ncls: 0.2\ncls_pw: 1\nobj: 0.3\nobj_pw: 1\nanchor_t: 3.5\n');
    expect(loadHyp(file)).toEqual({ box: 0.1, cls: 0.2, cls_pw: 1, obj: 0.3, obj_pw: 1, anchor_t: 3.5 });
    const cwd = process.cwd();
    try {
      process.chdir(dir);
      expect(loadHyp('hyp.scratch-low.yaml').box).toBe(0.1);
    } finally {
      process.chdir(cwd);
    }
  });

  it('a bad hyp file is bad input (bad-model) naming the path as given; a bad hyp given as data is a bad option', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ylc-hyp-'));
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', 'empty.yaml'), '');
    fs.writeFileSync(path.join(dir, 'sub', 'short.yaml'), 'box: 0.05\n');
    const cwd = process.cwd();
    try {
      process.chdir(dir);
      expect(fields(() => loadHyp('sub/empty.yaml'))).toEqual({ code: 'bad-model', message: 'sub/empty.yaml:1: a hyp file must be a YAML mapping of names to numbers (box: 0.05, cls: 0.5, ...)' });
      expect(fields(() => loadHyp('./sub/short.yaml'))).toEqual({
        code: 'bad-model',
        message: "./sub/short.yaml:1: the hyp lacks 'cls', 'cls_pw', 'obj', 'obj_pw', 'anchor_t' (the loss needs box, cls, cls_pw, obj, obj_pw, anchor_t)",
      });
    } finally {
      process.chdir(cwd);
    }
    expect(fields(() => checkHyp({ box: 0.05 }, 'options.hyp')).code).toBe('bad-option');
    expect(fields(() => hypFromJson('{"box": "x"}', 'meta')).code).toBe('bad-option');
  });

  it('errors are one line naming the file and line', () => {
    expect(() => loadHyp('scratch-huge')).toThrow("unknown hyp 'scratch-huge': not a built-in (scratch-low, scratch-med, scratch-high, scratch-convnext) nor a file");
    expect(() => loadHyp('no/such/hyp.yaml')).toThrow('cannot read hyp file no/such/hyp.yaml (no such file)');
    expect(() => parseHyp('box: 0.05\ncls: high\n', 'h.yaml')).toThrow(`h.yaml:2: 'cls' must be a number, got "high"`);
    expect(() => parseHyp('box: 0.05\ncls:\n', 'h.yaml')).toThrow(`h.yaml:2: 'cls' must be a number, got nothing`);
    expect(() => parseHyp('- 1\n- 2\n', 'h.yaml')).toThrow('h.yaml:1: a hyp file must be a YAML mapping');
    expect(() => parseHyp('box: [1\n', 'h.yaml')).toThrow(/^h\.yaml:\d+: invalid YAML/);
    expect(() => parseHyp('box: 0.05\ncls: 0.5\n', 'h.yaml')).toThrow("h.yaml:1: the hyp lacks 'cls_pw', 'obj', 'obj_pw', 'anchor_t' (the loss needs box, cls, cls_pw, obj, obj_pw, anchor_t)");
    const ok = { box: 0.05, cls: 0.5, cls_pw: 1, obj: 1, obj_pw: 1, anchor_t: 4 };
    expect(() => checkHyp({ ...ok, anchor_t: 1 }, 'x')).toThrow("x: 'anchor_t' must be > 1");
    expect(() => checkHyp({ ...ok, obj_pw: 0 }, 'x')).toThrow("x: positive weight 'obj_pw' must be > 0, got 0");
    expect(() => checkHyp({ ...ok, label_smoothing: 2 }, 'x')).toThrow("x: 'label_smoothing' must be in [0, 1], got 2");
    expect(() => hypFromJson('{box', 'meta')).toThrow(/^meta: the hyp is not valid JSON/);
  });
});

describe('rescaleHyp', () => {
  it("scratch-low rescaled for each golden's nc and image size is the hyp in its metadata, to the last bit", () => {
    const raw = loadHyp('scratch-low');
    for (const name of LOSS_GOLDENS) {
      const g = loadLossGolden(name);
      const scaled = rescaleHyp(raw, { nc: g.nc, imgsz: g.imgsz });
      for (const key of ['box', 'cls', 'obj', 'cls_pw', 'obj_pw', 'anchor_t'] as const) expect(scaled[key], `${name} ${key}`).toBe(g.hyp[key]);
    }
  });

  it('follows nl: box *= 3/nl, cls *= nc/80 * 3/nl, obj *= (imgsz/640)^2 * 3/nl', () => {
    const s = rescaleHyp(loadHyp('scratch-low'), { nc: 20, imgsz: 1280, nl: 4 });
    expect(s.box).toBeCloseTo(0.05 * 0.75, 15);
    expect(s.cls).toBeCloseTo(0.5 * 0.25 * 0.75, 15);
    expect(s.obj).toBeCloseTo(4 * 0.75, 15);
    expect(() => rescaleHyp(loadHyp('scratch-low'), { nc: 0, imgsz: 640 })).toThrow(RangeError);
  });
});
