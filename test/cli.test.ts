/**
 * End-to-end tests of the `ylc` binary as users run it (dist/cli/main.js, built by `npm test`):
 * outputs, exit codes, and the one-line errors of the bad-input contract, with nothing written.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, assertBuilt, ylcIn, type CliResult } from './util/cli.js';

const BN_MODEL = path.join(ROOT, 'test', 'fixtures', 'yolov5n_640_bn.onnx');
const SMALL_TEXT = `<
   ir_version: 8,
   opset_import: ["" : 17],
   producer_name: "ylc-test"
>
g (float[1,2,4,4] x) => (float[1,2,4,4] y)
   <float[2,2,1,1] w = {1.0, 0.5, -0.25, 2.0}, float[2] scale = {1.0, 2.0}, float[2] bias = {0.0, 0.5}, float[2] mean = {0.25, 0.0}, float[2] var = {1.0, 4.0}>
{
   c = Conv <kernel_shape: ints = [1, 1]> (x, w)
   i = Identity (c)
   y = BatchNormalization <epsilon: float = 0.001> (i, scale, bias, mean, var)
}
`;

let dir: string;

function ylc(...args: string[]): CliResult {
  return ylcIn(dir)(...args);
}

beforeAll(() => {
  assertBuilt();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ylc-cli-'));
  fs.writeFileSync(path.join(dir, 'small.onnxtxt'), SMALL_TEXT);
  fs.copyFileSync(BN_MODEL, path.join(dir, 'bn.onnx'));
  const parsed = ylc('parse', 'small.onnxtxt', '-o', 'small.onnx');
  if (parsed.status !== 0) throw new Error(parsed.stderr);
});

describe('ylc commands', () => {
  it('demo builds yolov5n from its built-in config, folds BN and checks it in ONNX Runtime', () => {
    const r = ylc('demo');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('built      1,872,157 parameters');
    expect(r.stdout).toMatch(/nodes +269 -> 212 \(BatchNormalization 57 -> 0\)/);
    const diff = Number(/max \|pred difference\| = (\S+)/.exec(r.stdout)?.[1]);
    expect(diff).toBeLessThan(1e-4);
    expect(r.stdout).toContain('wrote ylc-demo/yolov5n_train.onnx (training form) and ylc-demo/yolov5n.onnx (deploy form: output0 float[1,25200,85])');
    expect(fs.statSync(path.join(dir, 'ylc-demo', 'yolov5n.onnx')).size).toBeGreaterThan(7_000_000);
  });

  it('info prints the interface, op histogram and counts; --json is machine-readable', () => {
    const text = ylc('info', 'small.onnx');
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('inputs     x: float[1,2,4,4]');
    expect(text.stdout).toContain('ops        BatchNormalization 1, Conv 1, Identity 1');
    const json = JSON.parse(ylc('info', 'bn.onnx', '--json').stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ opsetImports: { '': 12 }, nodeCount: 534, outputs: [{ name: 'output0', type: 'float[1,25200,85]' }] });
    expect((json.opHistogram as Record<string, number>).BatchNormalization).toBe(57);
  });

  it('info --layers lists nodes with inferred shapes', () => {
    const r = ylc('info', 'small.onnx', '--layers');
    expect(r.stdout).toContain('out: c: float[1,2,4,4]');
  });

  it('opt runs a pipeline with --stats and --print-changed; pass is its one-pass shorthand', () => {
    const r = ylc('opt', '--pipeline', 'eliminate-identity,fold-bn,dce', 'small.onnx', '-o', 'opt.onnx', '--stats', '--print-changed');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--- before fold-bn\n+++ after fold-bn\n');
    expect(r.stdout).toMatch(/fold-bn +\S+ ms +changed +folded=1/);
    expect(r.stdout).toContain('eliminate-identity,fold-bn,dce: nodes 3 -> 1, parameters 12 -> 6; wrote opt.onnx');
    expect(ylc('pass', 'eliminate-identity', 'small.onnx', '-o', 'p1.onnx').status).toBe(0);
    expect(ylc('pass', 'fold-bn', 'p1.onnx', '-o', 'p2.onnx').status).toBe(0);
    expect(ylc('pass', 'dce', 'p2.onnx', '-o', 'p3.onnx').status).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'p3.onnx'))).toEqual(fs.readFileSync(path.join(dir, 'opt.onnx')));
  });

  it('pass without -o writes <input>.<pass>.onnx beside the input', () => {
    expect(ylc('pass', 'dce', 'small.onnx').stdout).toContain('wrote small.dce.onnx');
    expect(fs.existsSync(path.join(dir, 'small.dce.onnx'))).toBe(true);
  });

  it('print and parse round-trip; diff says equal (exit 0) or lists changes (exit 1)', () => {
    const printed = ylc('print', 'small.onnx');
    fs.writeFileSync(path.join(dir, 'again.onnxtxt'), printed.stdout);
    expect(ylc('parse', 'again.onnxtxt', '-o', 'again.onnx').status).toBe(0);
    const same = ylc('diff', 'small.onnx', 'again.onnx');
    expect([same.status, same.stdout]).toEqual([0, 'models are structurally equal\n']);
    ylc('opt', '-p', 'eliminate-identity,fold-bn,dce', 'small.onnx', '-o', 'folded.onnx');
    const changed = ylc('diff', 'small.onnx', 'folded.onnx');
    expect(changed.status).toBe(1);
    expect(changed.stdout).toContain('BatchNormalization');
  });

  it('--external-data writes initializers beside the model, and the result loads and diffs equal', () => {
    const r = ylc('opt', '-p', 'dce', 'bn.onnx', '-o', 'ext.onnx', '--external-data', '--external-data-threshold', '4096');
    expect(r.status).toBe(0);
    expect(fs.statSync(path.join(dir, 'ext.onnx')).size).toBeLessThan(1_000_000);
    expect(fs.statSync(path.join(dir, 'ext.onnx.data')).size).toBeGreaterThan(7_000_000);
    const same = ylc('diff', 'bn.onnx', 'ext.onnx');
    expect([same.status, same.stdout]).toEqual([0, 'models are structurally equal\n']);
  });

  it('the installed bin is executable, so `npx ylc` runs it', () => {
    expect(fs.statSync(BIN).mode & 0o111).not.toBe(0);
  });

  it('lists passes with their options', () => {
    const r = ylc('passes');
    expect(r.stdout).toMatch(/^fold-bn +Fold/m);
    expect(r.stdout).toMatch(/size-limit=1000000/);
  });
});

describe('bad input: one line, non-zero exit, nothing written', () => {
  const cases: Array<[string, string[], number, string, () => void]> = [
    ['not an ONNX file', ['opt', '-p', 'dce', 'notes.onnx', '-o', 'out.onnx'], 1,
      'ylc: error [bad-model] cannot read notes.onnx: not an ONNX ModelProto (invalid wire type 4 at byte 3)',
      () => fs.writeFileSync(path.join(dir, 'notes.onnx'), 'hello world\n')],
    ['truncated protobuf', ['opt', '-p', 'dce', 'trunc.onnx', '-o', 'out.onnx'], 1,
      'ylc: error [bad-model] cannot read trunc.onnx: not an ONNX ModelProto (truncated at byte 24)',
      () => fs.writeFileSync(path.join(dir, 'trunc.onnx'), fs.readFileSync(BN_MODEL).subarray(0, 5000))],
    ['missing input file', ['opt', '-p', 'dce', 'missing.onnx', '-o', 'out.onnx'], 1,
      'ylc: error [io] cannot read missing.onnx: no such file', () => {}],
    ['unknown pass', ['opt', '-p', 'fold-bn,prune-slimm', 'small.onnx', '-o', 'out.onnx'], 2,
      "ylc: error [bad-pipeline] unknown pass 'prune-slimm'; did you mean 'prune-slim'? (run 'ylc passes' for the list)", () => {}],
    ['unknown pass option', ['opt', '-p', 'dce{thresh=1}', 'small.onnx', '-o', 'out.onnx'], 2,
      "ylc: error [bad-pipeline] pass 'dce' has no option 'thresh' (options: aggressive)", () => {}],
    ['ill-typed pass option', ['opt', '-p', 'constant-fold{size-limit=lots}', 'small.onnx', '-o', 'out.onnx'], 2,
      "ylc: error [bad-pipeline] pass 'constant-fold': option 'size-limit' expects an integer, got 'lots'", () => {}],
    ['ill-typed pass flag', ['pass', 'dce', '--aggressive=maybe', 'small.onnx', '-o', 'out.onnx'], 2,
      "ylc: error [bad-pipeline] pass 'dce': option 'aggressive' expects true or false, got 'maybe'", () => {}],
    ['unknown pass command', ['pass', 'fold-bm', 'small.onnx', '-o', 'out.onnx'], 2,
      "ylc: error [bad-pipeline] unknown pass 'fold-bm'; did you mean 'fold-bn'? (run 'ylc passes' for the list)", () => {}],
    ['unbalanced pipeline text', ['opt', '-p', 'fixpoint{max=4}(constant-fold,dce', 'small.onnx', '-o', 'out.onnx'], 2,
      "ylc: error [bad-pipeline] pipeline 'fixpoint{max=4}(constant-fold,dce': unclosed '(' after 'fixpoint' at column 34", () => {}],
    ['output in a missing directory', ['opt', '-p', 'dce', 'small.onnx', '-o', 'nodir/out.onnx'], 1,
      'ylc: error [bad-output] cannot write nodir/out.onnx: directory nodir does not exist (create it first)', () => {}],
    ['--print-after a pass the pipeline does not run', ['opt', '-p', 'dce', 'small.onnx', '-o', 'out.onnx', '--print-after', 'fold-bn'], 2,
      "ylc: error [bad-option] --print-after fold-bn: the pipeline 'dce' runs no pass of that name", () => {}],
    ['a missing argument', ['diff', 'small.onnx'], 2,
      'ylc: error [bad-option] Not enough non-option arguments: got 1, need at least 2; ylc diff --help shows them', () => {}],
    ['a flag given twice', ['opt', '-p', 'dce', 'small.onnx', '-o', 'a.onnx', '-o', 'b.onnx'], 2,
      'ylc: error [bad-option] --output was given 2 times (a.onnx, b.onnx); give it once', () => {}],
    ['a value outside the choices', ['build', '--cfg', 'yolov5n', '--form', 'bogus', '-o', 'out.onnx'], 2,
      'ylc: error [bad-option] Invalid values: Argument: form, Given: "bogus", Choices: "train", "deploy"', () => {}],
    ['demo into a file', ['demo', '--out-dir', 'small.onnx'], 1,
      'ylc: error [bad-output] cannot create small.onnx: a file of that name exists', () => {}],
    ['bad text syntax', ['parse', 'broken.onnxtxt', '-o', 'out.onnx'], 1,
      '', () => fs.writeFileSync(path.join(dir, 'broken.onnxtxt'), 'g (float[2] x) => (float[2] y) { y = Relu (z) }\n')],
  ];
  for (const [title, args, status, message, setup] of cases) {
    it(title, () => {
      setup();
      const before = fs.readdirSync(dir).sort();
      const r = ylc(...args);
      expect(r.status).toBe(status);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
      if (message) expect(r.stderr).toBe(`${message}\n`);
      else expect(r.stderr).toMatch(/^ylc: error \[bad-text\] broken\.onnxtxt:1:\d+: .*'z'/);
      expect(fs.readdirSync(dir).sort()).toEqual(before);
    });
  }

  it('--debug adds the stack trace', () => {
    const r = ylc('opt', '-p', 'dce', 'missing.onnx', '-o', 'out.onnx', '--debug');
    expect(r.stderr.split('\n')[0]).toBe('ylc: error [io] cannot read missing.onnx: no such file');
    expect(r.stderr).toMatch(/\n +at /);
  });

  it('print --max-inline N prints tensors whole, so parse reads the model back; --elided-as-zeros reads summaries as zeros', () => {
    const weights = Array.from({ length: 36 }, (_, i) => (i / 8).toFixed(3)).join(', ');
    fs.writeFileSync(path.join(dir, 'conv.onnxtxt'), `<ir_version: 8, opset_import: ["" : 17]>\ng (float[1,2,5,5] x) => (float[1,2,3,3] y) <float[2,2,3,3] w = {${weights}}> {\n   y = Conv (x, w)\n}\n`);
    expect(ylc('parse', 'conv.onnxtxt', '-o', 'conv.onnx').status).toBe(0);
    fs.writeFileSync(path.join(dir, 'elided.onnxtxt'), ylc('print', 'conv.onnx').stdout);
    const refused = ylc('parse', 'elided.onnxtxt', '-o', 'back.onnx');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('(ylc print --max-inline N), or parse with { elidedTensors: \'zeros\' } (ylc parse --elided-as-zeros)');
    expect(ylc('parse', 'elided.onnxtxt', '-o', 'zeros.onnx', '--elided-as-zeros').status).toBe(0);
    expect(ylc('diff', 'conv.onnx', 'zeros.onnx').status).toBe(1);
    fs.writeFileSync(path.join(dir, 'whole.onnxtxt'), ylc('print', 'conv.onnx', '--max-inline', '36').stdout);
    expect(ylc('parse', 'whole.onnxtxt', '-o', 'back.onnx').status).toBe(0);
    expect(ylc('diff', 'conv.onnx', 'back.onnx')).toMatchObject({ status: 0, stdout: 'models are structurally equal\n' });
    for (const f of ['conv.onnxtxt', 'conv.onnx', 'elided.onnxtxt', 'zeros.onnx', 'whole.onnxtxt', 'back.onnx']) fs.rmSync(path.join(dir, f));
  });

  it('stops quietly when the reader of its output goes away (ylc print m.onnx | head -1)', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" print bn.onnx | head -1`], { cwd: dir, encoding: 'utf8' });
    expect(r.stdout).toBe('<\n');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('writes into a FIFO (as into -o /dev/null) instead of replacing it', () => {
    const fifo = path.join(dir, 'out.fifo');
    spawnSync('mkfifo', [fifo]);
    const r = spawnSync('sh', ['-c', `cat out.fifo > from-fifo.onnx & "${process.execPath}" "${BIN}" opt -p dce small.onnx -o out.fifo; wait`], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
    expect(ylc('diff', 'small.onnx', 'from-fifo.onnx').status).toBe(0);
    fs.rmSync(fifo);
    fs.rmSync(path.join(dir, 'from-fifo.onnx'));
  });

  it('a usage error names what is missing', () => {
    const r = ylc('opt', 'small.onnx');
    expect([r.status, r.stderr]).toEqual([2, 'ylc: error [bad-option] Missing required argument: pipeline\n']);
  });
});
