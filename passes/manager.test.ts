import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModel } from '../ir/text/parse.js';
import { printModel } from '../ir/text/print.js';
import { loadModel } from '../ir/serde/index.js';
import { Node } from '../ir/graph.js';
import { REPRODUCER_METADATA_KEY, planPipeline, runPipeline } from './manager.js';
import { definePass } from './pass.js';

const TEXT = `<
   ir_version: 8,
   opset_import: ["" : 17]
>
g (float[2] x) => (float[2] y)
{
   a = Identity (x)
   dead = Neg (x)
   y = Relu (a)
}
`;

/** A pass that breaks the use-def invariant the verifier checks: a node reading a value defined after it. */
const breakOrder = definePass({
  name: 'break-order',
  summary: 'test pass: appends a node and moves it to the front',
  options: {},
  run(model) {
    const g = model.graph;
    const first = g.nodes.first()!;
    const late = g.append(new Node('Neg', [first.output()], ['late']));
    g.reorder([late, ...g.nodes.toArray().filter((n) => n !== late)]);
    return { modified: true };
  },
});

const counting = definePass({
  name: 'count-down',
  summary: 'test pass: changes the model the first `times` runs',
  options: { times: { type: 'integer', default: 2, help: 'how many runs report a change', min: 0 } },
  run(model, options, ctx) {
    const done = Number(model.getMetadata('runs') ?? '0');
    model.setMetadata('runs', String(done + 1));
    ctx.count('runs');
    return { modified: done < options.times };
  },
});

describe('pass manager', () => {
  it('resolves the whole pipeline before running anything', async () => {
    const model = parseModel(TEXT);
    const before = printModel(model);
    await expect(runPipeline(model, 'dce,nope')).rejects.toThrow("unknown pass 'nope' (run 'ylc passes' for the list)");
    expect(printModel(model)).toBe(before);
  });

  it.each([
    ['dcee', "unknown pass 'dcee'; did you mean 'dce'? (run 'ylc passes' for the list)"],
    ['dce{foo=1}', "pass 'dce' has no option 'foo' (options: aggressive)"],
    ['dce{aggressive=maybe}', "pass 'dce': option 'aggressive' expects true or false, got 'maybe'"],
    ['constant-fold{size-limit=1.5}', "pass 'constant-fold': option 'size-limit' expects an integer, got '1.5'"],
    ['fixpoint{max=0}(dce)', "'fixpoint': option 'max' expects a positive integer, got '0'"],
    ['fixpoint', "'fixpoint' needs a body: fixpoint{max=4}(constant-fold,dce)"],
    ['dce(cse)', "pass 'dce' takes no nested pipeline"],
    ['dce{aggressive=true,aggressive=false}', "pass 'dce': option 'aggressive' given twice"],
    ['prune-slim{thresh=1e999}', "pass 'prune-slim': option 'thresh' expects a finite number, got '1e999'"],
    ['constant-fold{size-limit=1e400}', "pass 'constant-fold': option 'size-limit' expects an integer, got '1e400'"],
    ['constant-fold{size-limit=99999999999999999999}', "pass 'constant-fold': option 'size-limit' expects an integer, got '99999999999999999999'"],
    ['prune-l1{ratios=[0.5,,0.25]}', "pass 'prune-l1': option 'ratios' expects a list of numbers like [0.5,0.25], got '[0.5,,0.25]'"],
    ['prune-l1{ratios=[0.5,]}', "pass 'prune-l1': option 'ratios' expects a list of numbers like [0.5,0.25], got '[0.5,]'"],
    ['prune-l1{ratios=[]}', "pass 'prune-l1': option 'ratios' expects a list of numbers like [0.5,0.25], got '[]'"],
    ['prune-l1{ratios=0.5:0.25}', "pass 'prune-l1': option 'ratios' expects a list of numbers like [0.5,0.25], got '0.5:0.25'"],
    ['prune-l1{ratios=[0.5,1e999]}', "pass 'prune-l1': option 'ratios' expects a list of finite numbers like [0.5,0.25], got '[0.5,1e999]'"],
  ])('rejects %s', (text, message) => {
    expect(() => planPipeline(text)).toThrow(message);
  });

  it('checks the declared bounds of numbers, integers and lists when planning', () => {
    const bounded = definePass({
      name: 'bounded',
      summary: 'test pass: bounded options',
      options: {
        ratios: { type: 'numbers', default: [0.5], min: 0, exclusiveMin: true, max: 1, help: 'kept fractions' },
        percent: { type: 'number', default: 0, min: 0, max: 0.99, help: 'a fraction' },
        round: { type: 'integer', default: 8, min: 1, help: 'a multiple' },
      },
      run: () => ({ modified: false }),
    });
    const plan = (text: string) => planPipeline(text, [bounded]);
    expect(() => plan('bounded{ratios=[2,-1]}')).toThrow("pass 'bounded': option 'ratios' expects values in (0, 1], got '[2,-1]'");
    expect(() => plan('bounded{ratios=[0.5,0]}')).toThrow("pass 'bounded': option 'ratios' expects values in (0, 1], got '[0.5,0]'");
    expect(() => plan('bounded{percent=1}')).toThrow("pass 'bounded': option 'percent' expects a value in [0, 0.99], got '1'");
    expect(() => plan('bounded{round=0}')).toThrow("pass 'bounded': option 'round' expects a value in [1, inf], got '0'");
    expect(plan('bounded{ratios=[1,0.25],percent=0.99,round=1}')).toEqual([
      { kind: 'pass', pass: bounded, options: { ratios: [1, 0.25], percent: 0.99, round: 1 } },
    ]);
    expect(plan('bounded{ratios=0.5}')[0]).toMatchObject({ options: { ratios: [0.5] } });
  });

  it('runs passes in order with stats and counters', async () => {
    const model = parseModel(TEXT);
    const report = await runPipeline(model, 'eliminate-identity,dce');
    expect(report.passes.map((p) => [p.name, p.modified, p.counters])).toEqual([
      ['eliminate-identity', true, { 'nodes-removed': 1 }],
      ['dce', true, { 'nodes-removed': 1 }],
    ]);
    expect([...model.graph.nodes].map((n) => n.opType)).toEqual(['Relu']);
  });

  it('repeats a fixpoint body until nothing changes, at most max times', async () => {
    const model = parseModel(TEXT);
    const report = await runPipeline(model, 'fixpoint{max=5}(count-down{times=2})', { extraPasses: [counting] });
    expect(report.passes.length).toBe(3);
    const capped = parseModel(TEXT);
    const r2 = await runPipeline(capped, 'fixpoint{max=2}(count-down{times=9})', { extraPasses: [counting] });
    expect(r2.passes.length).toBe(2);
  });

  it('runs the verifier after each pass and names the pass and those before it', async () => {
    const model = parseModel(TEXT);
    await expect(runPipeline(model, 'dce,break-order', { extraPasses: [breakOrder] })).rejects.toThrow(
      /^\[break-order\] verifier: .*'late'.* \(after: dce\)$/,
    );
    const unchecked = parseModel(TEXT);
    await expect(runPipeline(unchecked, 'break-order', { extraPasses: [breakOrder], verifyEach: false })).resolves.toBeDefined();
  });

  it('reports an invalid input model as such before any pass runs', async () => {
    // A branch returning the outer value 't' directly: topo-sort would move the If above Neg 't'
    // and dce would delete Neg 't' (neither sees a use), and the verifier then blamed the pass.
    const text = `<ir_version: 8, opset_import: ["" : 17]>
      g (bool c, float[2] x) => (float[2] o) {
        t = Neg (x)
        o = If (c) <then_branch: graph = then () => (float[2] t) { }, else_branch: graph = els () => (float[2] e) { e = Abs (x) }>
      }`;
    for (const pipeline of ['topo-sort', 'dce', 'cse,dce']) {
      const model = parseModel(text);
      const before = printModel(model);
      const error = await runPipeline(model, pipeline).catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'bad-model',
        message:
          "input model: output 't' of subgraph 'then' of If 'o' is a value of an enclosing graph; ONNX requires a subgraph's outputs to be defined in it (add an Identity node in the subgraph); no pass ran",
      });
      expect(printModel(model)).toBe(before);
    }
  });

  it('lets topo-sort, and only topo-sort, take an input whose nodes are out of order', async () => {
    const text = `<ir_version: 8, opset_import: ["" : 17]>
      g (float[2] x) => (float[2] y) {
        y = Relu (a)
        a = Neg (x)
      }`;
    for (const pipeline of ['topo-sort,dce', 'fixpoint(topo-sort,dce)']) {
      const model = parseModel(text);
      await expect(runPipeline(model, pipeline)).resolves.toMatchObject({ modified: true });
      expect([...model.graph.nodes].map((n) => n.opType)).toEqual(['Neg', 'Relu']);
    }
    await expect(runPipeline(parseModel(text), 'dce,topo-sort')).rejects.toThrow(
      "input model: Relu 'y' input 0 'a' is used before it is defined (by Neg 'a', later in graph 'g'); no pass ran; begin the pipeline with topo-sort to put its nodes in order",
    );
    await expect(runPipeline(parseModel(text), 'dce', { verifyEach: false })).resolves.toBeDefined();
  });

  it('prints a unified diff for each pass that changed the IR, and the IR after named passes', async () => {
    const model = parseModel(TEXT);
    const lines: string[] = [];
    await runPipeline(model, 'cse,dce', { printChanged: true, printAfter: ['cse'], log: (t) => lines.push(t) });
    const out = lines.join('\n');
    expect(out).toContain('--- before dce\n+++ after dce\n');
    expect(out).toContain('-   dead = Neg (x)');
    expect(out).not.toContain('before cse');
    expect(out).toContain('// ----- IR after cse -----');
  });

  it('writes a reproducer with the input model and the pipeline on failure', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ylc-repro-'));
    const file = path.join(dir, 'repro.onnx');
    const model = parseModel(TEXT);
    const before = printModel(model);
    await expect(runPipeline(model, 'dce,break-order', { extraPasses: [breakOrder], reproducer: file })).rejects.toThrow();
    const repro = loadModel(file);
    expect(repro.getMetadata(REPRODUCER_METADATA_KEY)).toBe('dce,break-order');
    repro.metadataProps = repro.metadataProps.filter(([k]) => k !== REPRODUCER_METADATA_KEY);
    expect(printModel(repro)).toBe(before);
    fs.rmSync(dir, { recursive: true });
  });
});
