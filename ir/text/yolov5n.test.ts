/** The text form of a real detector: test/fixtures/yolov5n_640.onnx (PyTorch export, opset 12). */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../serde/index.js';
import { parseGraph, parseModel } from './parse.js';
import { printModel, printNode, printTensor } from './print.js';
import { formatName } from './syntax.js';

const FIXTURE = path.join(import.meta.dirname, '../../test/fixtures/yolov5n_640.onnx');

describe('yolov5n in ONNX text', () => {
  const model = loadModel(FIXTURE);
  const text = printModel(model);
  const lines = text.split('\n');

  it('prints header, signature, elided weights and nodes, deterministically', () => {
    expect(printModel(model)).toBe(text);
    expect(lines.slice(0, 4)).toEqual(['<', '   ir_version: 7,', '   opset_import: ["" : 12],', '   producer_name: "pytorch",']);
    expect(lines).toContain('main_graph (float[1,3,640,640] images) => (float[1,25200,85] output0)');
    expect(lines).toContain(
      '      float[16,3,6,6] "model.0.conv.weight" = {... min -0.1014 max 0.1013 mean -0.0006078 sha256 1ff98c478979},',
    );
    expect(lines).toContain(
      '   ["/model.0/conv/Conv"] "/model.0/conv/Conv_output_0" = Conv <dilations: ints = [1, 1], group: int = 1, kernel_shape: ints = [6, 6], ' +
        'pads: ints = [2, 2, 2, 2], strides: ints = [2, 2]> (images, "model.0.conv.weight", "model.0.conv.bias")',
    );
    expect(lines.filter((l) => / = [A-Za-z.]+ (<|\()/.test(l)).length).toBe(model.graph.nodes.size);
  });

  it('parses back to the same structure (elided weights read as zeros only on request)', () => {
    const back = parseModel(text, 'yolov5n.onnxtxt', { elidedTensors: 'zeros' });
    const withoutSummaries = (s: string): string => s.replace(/\{\.\.\. [^}]*\}/g, '{...}');
    expect(withoutSummaries(printModel(back))).toBe(withoutSummaries(text));
    expect(() => parseModel(text, 'yolov5n.onnxtxt')).toThrow(
      "yolov5n.onnxtxt:10:47: tensor 'model.0.conv.weight' (float[16,3,6,6]) is elided ({...}): its values are not in the text; " +
        "print with a larger maxInlineElements (ylc print --max-inline N), or parse with { elidedTensors: 'zeros' } (ylc parse --elided-as-zeros)",
    );
  });

  it('parses the text of a small subgraph (model.0: Conv, Sigmoid, Mul) back with its weights', () => {
    const nodeLines = lines.filter((l) => l.startsWith('   ["/model.0/'));
    expect(nodeLines.length).toBe(3);
    const conv = model.graph.nodes.toArray().find((n) => n.name === '/model.0/conv/Conv')!;
    const weights = conv.inputs.slice(1).map((v) => {
      const full = printTensor(v!.constValue!, { maxInlineElements: Infinity, named: false });
      const space = full.indexOf(' ');
      return `      ${full.slice(0, space)} ${formatName(v!.name)} = ${full.slice(space + 1)}`;
    });
    const sub = `model_0 (float[1,3,640,640] images) => (float[1,16,320,320] "/model.0/act/Mul_output_0")
   <
${weights.join(',\n')}
   >
{
${nodeLines.join('\n')}
}
`;
    const g = parseGraph(sub, 'model_0.onnxtxt');
    const originals = model.graph.nodes.toArray().filter((n) => n.name.startsWith('/model.0/'));
    expect(g.nodes.toArray().map((n) => printNode(n))).toEqual(originals.map((n) => printNode(n)));
    for (const v of conv.inputs.slice(1)) {
      expect(Buffer.from(g.initializers.get(v!.name)!.constValue!.bytes()).equals(Buffer.from(v!.constValue!.bytes()))).toBe(true);
    }
    const [c, s, m] = g.nodes.toArray();
    expect(m!.inputs).toEqual([c!.output(), s!.output()]);
    expect(g.outputs).toEqual([m!.output()]);
  });
});
