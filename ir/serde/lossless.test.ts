/**
 * Losslessness over every field of the schema, on models built here message by message (the
 * conformance suite does not use functions, training info, sparse initializers, metadata, unknown
 * fields, ...). Each model is encoded with protobufjs, decoded to the IR, encoded back, and the
 * two messages are compared with proto2 equality (presence included; see equal.ts).
 */
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { onnx } from './proto.js';
import { decodeModel, encodeModel, loadModel, saveModel } from './index.js';
import { parseModelProto } from './parse.js';
import { firstDifference } from './equal.js';
import { AttrType } from '../attribute.js';
import { DataType } from '../dtype.js';
import type { Graph } from '../graph.js';

const T = onnx.TensorProto.DataType;
const A = onnx.AttributeProto.AttributeType;

function withUnknown<M extends object>(m: M, ...fields: number[][]): M {
  Object.defineProperty(m, '$unknowns', {
    value: fields.map((f) => Uint8Array.from(f)),
    enumerable: false,
    configurable: true,
    writable: true,
  });
  return m;
}

const vi = (name: string, type?: onnx.TypeProto.$Properties, more: onnx.ValueInfoProto.$Properties = {}): onnx.ValueInfoProto =>
  new onnx.ValueInfoProto({ name, type, ...more });

const floatType = (...dims: Array<number | string>): onnx.TypeProto =>
  new onnx.TypeProto({
    tensorType: {
      elemType: T.FLOAT,
      shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
    },
  });

const entry = (key: string | undefined, value: string | undefined): onnx.StringStringEntryProto =>
  new onnx.StringStringEntryProto({ key, value });

function tensor(name: string, dims: number[], more: onnx.TensorProto.$Properties): onnx.TensorProto {
  return new onnx.TensorProto({ name, dims, dataType: T.FLOAT, ...more });
}

/** Round-trips `m` through the IR and returns the IR model. */
function roundTrip(m: onnx.ModelProto, options: { baseDir?: string } = {}) {
  const bytes = onnx.ModelProto.encode(m).finish();
  const model = decodeModel(bytes, { fileName: 'synthetic.onnx', baseDir: options.baseDir ?? os.tmpdir() });
  const out = encodeModel(model);
  expect(firstDifference(parseModelProto(bytes, 'in'), parseModelProto(out, 'out'))).toBeUndefined();
  expect(Buffer.from(out).equals(Buffer.from(bytes))).toBe(true);
  return { model, bytes };
}

function everythingModel(): onnx.ModelProto {
  const seqType = new onnx.TypeProto({ sequenceType: { elemType: floatType(2) } });
  const mapType = new onnx.TypeProto({ mapType: { keyType: T.INT64, valueType: floatType() } });
  const optType = new onnx.TypeProto({ optionalType: { elemType: seqType } });
  const sparseType = new onnx.TypeProto({ sparseTensorType: { elemType: T.FLOAT, shape: { dim: [{ dimValue: 4 }] } } });
  const opaqueType = new onnx.TypeProto({ opaqueType: { domain: 'd', name: 'n' }, denotation: 'OPAQUE' });
  const denoted = new onnx.TypeProto({
    tensorType: {
      elemType: T.FLOAT,
      shape: { dim: [{ dimValue: 0, denotation: 'DATA_BATCH' }, { dimParam: '' }, {}, { dimValue: 3 }] },
    },
    denotation: 'TENSOR',
  });
  const noShape = new onnx.TypeProto({ tensorType: { elemType: T.INT64 } });
  const scalar = new onnx.TypeProto({ tensorType: { elemType: T.INT64, shape: {} } });

  const sparse = new onnx.SparseTensorProto({
    values: tensor('sp', [2], { floatData: [1, 2] }),
    indices: new onnx.TensorProto({ name: 'sp_idx', dims: [2], dataType: T.INT64, int64Data: [0, 3] }),
    dims: [4],
  });

  const thenBranch = new onnx.GraphProto({
    name: 'then',
    node: [new onnx.NodeProto({ opType: 'Add', input: ['x', 'w'], output: ['t_out'], name: 'then_add' })],
    output: [vi('t_out', floatType(2, 3))],
  });
  const elseBranch = new onnx.GraphProto({
    name: 'else',
    node: [new onnx.NodeProto({ opType: 'Identity', input: ['x'], output: ['e_out'] })],
    output: [vi('e_out', floatType(2, 3))],
    valueInfo: [vi('x', floatType(2, 3), { docString: 'outer value annotated in a subgraph' })],
  });
  const loopBody = new onnx.GraphProto({
    name: 'body',
    input: [vi('iter', scalar), vi('cond_in', new onnx.TypeProto({ tensorType: { elemType: T.BOOL, shape: {} } })), vi('acc', floatType(2, 3))],
    node: [
      new onnx.NodeProto({ opType: 'Identity', input: ['cond_in'], output: ['cond_out'] }),
      new onnx.NodeProto({ opType: 'Add', input: ['acc', 'x'], output: ['acc_out'] }),
    ],
    output: [vi('cond_out'), vi('acc_out'), vi('x', floatType(2, 3), { docString: 'outer value as a scan output' })],
  });

  const everyAttr = new onnx.NodeProto({
    opType: 'Custom',
    domain: 'com.example',
    overload: 'v2',
    name: '',
    docString: '',
    input: ['x', '', 'sp', ''],
    output: ['c0', '', 'c2'],
    metadataProps: [entry('k', 'v'), entry('only-key', undefined)],
    deviceConfigurations: [
      { configurationId: 'cfg', shardingSpec: [{ tensorName: 'x', device: [0, 1], shardedDim: [{ axis: 0, simpleSharding: [{ dimValue: 2, numShards: 2 }] }] }], pipelineStage: 1 },
    ],
    attribute: [
      new onnx.AttributeProto({ name: 'f', type: A.FLOAT, f: 0.1 }),
      new onnx.AttributeProto({ name: 'f0', type: A.FLOAT, f: 0 }),
      new onnx.AttributeProto({ name: 'i_max', type: A.INT, i: '9223372036854775807' as unknown as number }),
      new onnx.AttributeProto({ name: 'i_min', type: A.INT, i: '-9223372036854775808' as unknown as number, docString: 'min' }),
      new onnx.AttributeProto({ name: 's', type: A.STRING, s: Buffer.from('héllo') }),
      new onnx.AttributeProto({ name: 's_bad_utf8', type: A.STRING, s: Uint8Array.from([0xff, 0xfe, 0x41]) }),
      new onnx.AttributeProto({ name: 's_empty', type: A.STRING, s: new Uint8Array(0) }),
      new onnx.AttributeProto({ name: 't', type: A.TENSOR, t: tensor('', [2], { floatData: [1.5, -2], segment: { begin: 0, end: 2 } }) }),
      new onnx.AttributeProto({ name: 'g', type: A.GRAPH, g: new onnx.GraphProto({ name: 'g', output: [vi('x')] }) }),
      new onnx.AttributeProto({ name: 'sparse', type: A.SPARSE_TENSOR, sparseTensor: sparse }),
      new onnx.AttributeProto({ name: 'tp', type: A.TYPE_PROTO, tp: seqType }),
      new onnx.AttributeProto({ name: 'floats', type: A.FLOATS, floats: [1, 2.5, -0] }),
      new onnx.AttributeProto({ name: 'ints', type: A.INTS, ints: [1, -1, '9223372036854775807' as unknown as number] }),
      new onnx.AttributeProto({ name: 'ints_empty', type: A.INTS }),
      new onnx.AttributeProto({ name: 'strings', type: A.STRINGS, strings: [Buffer.from('a'), new Uint8Array(0), Uint8Array.from([0xc3])] }),
      new onnx.AttributeProto({ name: 'tensors', type: A.TENSORS, tensors: [tensor('a', [1], { rawData: new Uint8Array(4) })] }),
      new onnx.AttributeProto({ name: 'graphs', type: A.GRAPHS, graphs: [new onnx.GraphProto({ output: [vi('x')] })] }),
      new onnx.AttributeProto({ name: 'sparses', type: A.SPARSE_TENSORS, sparseTensors: [sparse] }),
      new onnx.AttributeProto({ name: 'tps', type: A.TYPE_PROTOS, typeProtos: [mapType, optType, denoted] }),
      new onnx.AttributeProto({ name: 'no_type', i: 5 }),
      new onnx.AttributeProto({ name: 'two_fields', type: A.INT, i: 1, f: 2 }),
      withUnknown(new onnx.AttributeProto({ name: 'unknown_type', f: 1 }), [0xa0, 0x01, 0x63]),
    ],
  });

  const graph = new onnx.GraphProto({
    name: 'main',
    docString: 'graph doc',
    metadataProps: [entry('graph-key', 'graph-value')],
    input: [
      vi('x', floatType(2, 3), { docString: 'input x', metadataProps: [entry('vk', 'vv')] }),
      vi('old_ir_w', floatType(2, 3)),
      vi('seq', seqType),
      vi('map', mapType),
      vi('opt', optType),
      vi('sp_in', sparseType),
      vi('opaque', opaqueType),
      vi('denoted', denoted),
      vi('noshape', noShape),
      withUnknown(vi('unk', scalar), [0xf8, 0x07, 0x01]),
    ],
    initializer: [
      tensor('old_ir_w', [2, 3], { rawData: new Uint8Array(24) }),
      tensor('w', [2, 3], { floatData: [1, 2, 3, 4, 5, Number.NaN] }),
      new onnx.TensorProto({ name: 'i32', dims: [2], dataType: T.INT32, int32Data: [-1, 7] }),
      new onnx.TensorProto({ name: 'i64', dims: [2], dataType: T.INT64, int64Data: ['9223372036854775807' as unknown as number, -5] }),
      new onnx.TensorProto({ name: 'f64', dims: [1], dataType: T.DOUBLE, doubleData: [Math.PI] }),
      new onnx.TensorProto({ name: 'u64', dims: [1], dataType: T.UINT64, uint64Data: ['18446744073709551615' as unknown as number] }),
      new onnx.TensorProto({ name: 'str', dims: [2], dataType: T.STRING, stringData: [Buffer.from('a'), new Uint8Array(0)] }),
      new onnx.TensorProto({ name: 'f16', dims: [1], dataType: T.FLOAT16, int32Data: [0x3c00] }),
      new onnx.TensorProto({ name: 'empty_raw', dims: [0], dataType: T.FLOAT, rawData: new Uint8Array(0) }),
      new onnx.TensorProto({ name: 'no_data', dims: [0], dataType: T.FLOAT }),
      new onnx.TensorProto({ name: 'no_dtype', dims: [1] }),
      new onnx.TensorProto({ name: 'meta', dims: [1], dataType: T.FLOAT, floatData: [1], docString: '', metadataProps: [entry('tk', 'tv')] }),
      new onnx.TensorProto({ name: 'both_fields', dims: [1], dataType: T.FLOAT, floatData: [1], rawData: new Uint8Array(4) }),
      new onnx.TensorProto({ name: 'loc_default', dims: [1], dataType: T.FLOAT, floatData: [1], dataLocation: 0 }),
      withUnknown(tensor('unk_t', [1], { floatData: [2] }), [0xa8, 0x06, 0x2a]),
    ],
    sparseInitializer: [sparse],
    node: [
      new onnx.NodeProto({
        opType: 'If',
        input: ['cond'],
        output: ['if_out'],
        name: 'if',
        attribute: [
          new onnx.AttributeProto({ name: 'then_branch', type: A.GRAPH, g: thenBranch }),
          new onnx.AttributeProto({ name: 'else_branch', type: A.GRAPH, g: elseBranch }),
        ],
      }),
      new onnx.NodeProto({
        opType: 'Loop',
        input: ['trip', 'cond', 'x'],
        output: ['loop_out', 'scan_out'],
        attribute: [new onnx.AttributeProto({ name: 'body', type: A.GRAPH, g: loopBody })],
      }),
      everyAttr,
      new onnx.NodeProto({ opType: 'MyFunc', domain: 'local', overload: 'o1', input: ['x'], output: ['fn_out'], attribute: [new onnx.AttributeProto({ name: 'alpha', type: A.FLOAT, f: 2 })] }),
      new onnx.NodeProto({ opType: 'Constant', output: ['cond'], attribute: [new onnx.AttributeProto({ name: 'value', type: A.TENSOR, t: new onnx.TensorProto({ dims: [], dataType: T.BOOL, int32Data: [1] }) })] }),
      new onnx.NodeProto({ opType: 'Constant', output: ['trip'], attribute: [new onnx.AttributeProto({ name: 'value_int', type: A.INT, i: 3 })] }),
    ],
    output: [
      vi('if_out', floatType(2, 3)),
      vi('x', floatType(2, 3), { docString: 'x again, as an output' }),
      vi('loop_out'),
      vi('fn_out', undefined, { name: 'fn_out' }),
    ],
    valueInfo: [vi('c0', floatType('N', 3)), vi('nowhere', floatType(1)), vi('c0', floatType(1))],
    quantizationAnnotation: [{ tensorName: 'w', quantParameterTensorNames: [entry('SCALE_TENSOR', 'w_scale')] }],
  });

  const fn = new onnx.FunctionProto({
    name: 'MyFunc',
    domain: 'local',
    overload: 'o1',
    input: ['X'],
    output: ['Y'],
    attribute: ['beta'],
    attributeProto: [new onnx.AttributeProto({ name: 'alpha', type: A.FLOAT, f: 1 })],
    node: [
      new onnx.NodeProto({
        opType: 'LeakyRelu',
        input: ['X'],
        output: ['Y'],
        attribute: [new onnx.AttributeProto({ name: 'alpha', type: A.FLOAT, refAttrName: 'alpha' })],
      }),
    ],
    opsetImport: [{ domain: '', version: 18 }],
    valueInfo: [vi('Y', floatType(2, 3))],
    docString: 'fn doc',
    metadataProps: [entry('fk', 'fv')],
  });

  const training = new onnx.TrainingInfoProto({
    initialization: new onnx.GraphProto({ name: 'init', node: [new onnx.NodeProto({ opType: 'Constant', output: ['w0'] })] }),
    algorithm: new onnx.GraphProto({ name: 'algo', initializer: [tensor('lr', [], { floatData: [0.1] })] }),
    initializationBinding: [entry('w', 'w0')],
    updateBinding: [entry('w', 'w_new')],
  });

  return withUnknown(
    new onnx.ModelProto({
      irVersion: 10,
      opsetImport: [{ version: 21 }, { domain: 'local', version: 1 }, { domain: 'com.example', version: 1 }],
      producerName: '',
      producerVersion: '1.0',
      domain: 'ai.example',
      modelVersion: '9223372036854775807' as unknown as number,
      docString: 'model doc',
      graph,
      metadataProps: [entry('author', 'me'), entry('empty', '')],
      trainingInfo: [training],
      functions: [fn],
      configuration: [{ name: 'cfg', numDevices: 2, device: ['cpu0', 'cpu1'] }],
    }),
    [0xf8, 0x3e, 0x07],
  );
}

describe('every field of the schema survives decode -> IR -> encode', () => {
  it('a model using all of them', () => {
    const { model } = roundTrip(everythingModel());
    const g = model.graph;

    // Subgraph nodes use outer values, and the uses are recorded on the outer Value.
    const x = g.inputs[0]!;
    const thenGraph = g.nodes.first()!.attr('then_branch')!.value as Graph;
    const thenAdd = thenGraph.nodes.first()!;
    expect(thenAdd.input(0)).toBe(x);
    expect(thenAdd.input(1)!.isInitializer()).toBe(true);
    expect(x.uses().some((u) => u.node === thenAdd)).toBe(true);
    expect(thenGraph.parentNode).toBe(g.nodes.first());

    // IR < 4: an input with an initializer is one Value.
    const oldW = g.inputs[1]!;
    expect(oldW.isGraphInput() && oldW.isInitializer()).toBe(true);
    expect([...g.initializers.keys()].slice(0, 3)).toEqual(['old_ir_w', 'w', 'i32']);

    // Types: tensors modelled, the rest kept as protos; denotations kept.
    expect(g.inputs.map((v) => v.type?.kind)).toEqual(['tensor', 'tensor', 'other', 'other', 'other', 'other', 'other', 'tensor', 'tensor', 'tensor']);
    expect(g.inputs[7]!.type).toEqual({
      kind: 'tensor',
      elemType: DataType.FLOAT,
      shape: [{ value: 0, denotation: 'DATA_BATCH' }, { param: '' }, {}, { value: 3 }],
      denotation: 'TENSOR',
    });
    expect(g.inputs[8]!.type).toEqual({ kind: 'tensor', elemType: DataType.INT64, shape: undefined });

    // Attributes: ints as bigint, INT64 extremes, absent optional inputs/outputs.
    const custom = g.nodes.toArray()[2]!;
    expect(custom.attr('i_max')!.value).toBe(9223372036854775807n);
    expect(custom.attr('i_min')!.value).toBe(-9223372036854775808n);
    expect(custom.attr('ints')!.value).toEqual([1n, -1n, 9223372036854775807n]);
    expect(custom.attr('no_type')).toMatchObject({ type: AttrType.INT, value: 5n });
    expect(custom.inputs.map((v) => v?.name ?? null)).toEqual(['x', null, 'sp', null]);
    expect(custom.outputs.map((v) => v.name)).toEqual(['c0', '', 'c2']);
    expect(custom.overload).toBe('v2');

    // Functions: a body Graph, ref_attr_name kept.
    const fn = model.functions[0]!;
    expect(fn.name).toBe('MyFunc');
    expect(fn.body.inputs.map((v) => v.name)).toEqual(['X']);
    expect(fn.body.nodes.first()!.attr('alpha')!.refAttrName).toBe('alpha');
    expect(fn.body.nodes.first()!.input(0)).toBe(fn.body.inputs[0]);
    expect([...fn.opsetImports]).toEqual([['', 18]]);

    // Int64 extremes in tensors.
    expect(g.initializers.get('i64')!.constValue!.toBigInt64()).toEqual(BigInt64Array.of(9223372036854775807n, -5n));
    expect(model.modelVersion).toBe(9223372036854775807n);
  });

  // Presence cases that one model cannot hold at once.
  const variants: Array<[string, () => onnx.ModelProto]> = [
    ['no ir_version, empty strings present', () => new onnx.ModelProto({ producerName: '', graph: new onnx.GraphProto({ name: '', docString: '' }) })],
    ['ir_version 0 present', () => new onnx.ModelProto({ irVersion: 0, graph: new onnx.GraphProto() })],
    ['opset domain present and empty', () => new onnx.ModelProto({ irVersion: 8, opsetImport: [{ domain: '', version: 13 }], graph: new onnx.GraphProto() })],
    ['duplicate opset domains', () => new onnx.ModelProto({ opsetImport: [{ domain: 'a', version: 1 }, { domain: 'a', version: 2 }], graph: new onnx.GraphProto() })],
    [
      'node fields present and empty',
      () =>
        new onnx.ModelProto({
          graph: new onnx.GraphProto({
            input: [vi('', undefined, { name: '' })],
            node: [new onnx.NodeProto({ opType: '', name: '', domain: '', overload: '', docString: '', output: ['y'] })],
            output: [vi('y')],
          }),
        }),
    ],
  ];
  it.each(variants)('%s', (_name, build) => {
    roundTrip(build());
  });

  it('edits made in the IR are what gets written', () => {
    const bytes = onnx.ModelProto.encode(everythingModel()).finish();
    const model = decodeModel(bytes, { baseDir: os.tmpdir() });
    const g = model.graph;
    const custom = g.nodes.toArray()[2]!;
    custom.name = 'renamed'; // was present and empty
    custom.setAttr({ name: 'f', type: AttrType.FLOAT, value: 0.5 });
    custom.replaceInput(1, g.inputs[0]!);
    // x is graph input 0 and, with another doc string, graph output 1: once x's type changes,
    // both occurrences write the new type.
    const x = g.inputs[0]!;
    x.type = { kind: 'tensor', elemType: DataType.FLOAT16, shape: [{ value: 7 }] };
    const out = parseModelProto(encodeModel(model), 'out');
    const node = out.graph!.node![2]!;
    expect(node.name).toBe('renamed');
    expect(node.input).toEqual(['x', 'x', 'sp', '']);
    expect(node.attribute!.find((a) => a.name === 'f')!.f).toBe(0.5);
    expect(out.graph!.input![0]!.type!.tensorType!.elemType).toBe(DataType.FLOAT16);
    expect(out.graph!.output![1]!.type!.tensorType!.elemType).toBe(DataType.FLOAT16);
    expect(out.graph!.output![1]!.docString).toBe('input x');
  });

  it('external data keeps its entries', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ylc-serde-'));
    try {
      fs.writeFileSync(path.join(dir, 'weights.bin'), Buffer.alloc(64, 1));
      const m = new onnx.ModelProto({
        irVersion: 10,
        graph: new onnx.GraphProto({
          initializer: [
            tensor('w', [4], {
              dataLocation: onnx.TensorProto.DataLocation.EXTERNAL,
              externalData: [entry('location', 'weights.bin'), entry('offset', '16'), entry('length', '16'), entry('checksum', 'abc')],
            }),
          ],
          output: [vi('w')],
        }),
      });
      const { model } = roundTrip(m, { baseDir: dir });
      const t = model.graph.initializers.get('w')!.constValue!;
      expect(t.storage.kind).toBe('external');
      expect([...t.bytes()]).toEqual(new Array(16).fill(1));
      // Saving beside the data keeps the entries.
      saveModel(model, path.join(dir, 'm.onnx'));
      const back = loadModel(path.join(dir, 'm.onnx'));
      expect(back.graph.initializers.get('w')!.constValue!.storage).toMatchObject({
        kind: 'external',
        ref: { entries: [['location', 'weights.bin'], ['offset', '16'], ['length', '16'], ['checksum', 'abc']] },
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('survives saveModel/loadModel too', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ylc-serde-'));
    try {
      const bytes = onnx.ModelProto.encode(everythingModel()).finish();
      const file = path.join(dir, 'everything.onnx');
      saveModel(decodeModel(bytes, { baseDir: dir }), file);
      expect(fs.readFileSync(file).equals(Buffer.from(bytes))).toBe(true);
      expect(firstDifference(parseModelProto(bytes, 'a'), parseModelProto(encodeModel(loadModel(file)), 'b'))).toBeUndefined();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
