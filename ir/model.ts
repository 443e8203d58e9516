/**
 * Model: the top of the IR (ModelProto). Fields ylc does not interpret (training_info,
 * configuration, unknown fields of newer schemas) are kept in `extra` and written back unchanged.
 */
import { Graph } from './graph.js';

/** A model-local function (FunctionProto); its body is a Graph whose inputs/outputs are the formals. */
export interface ModelFunction {
  name: string;
  domain: string;
  overload: string | undefined;
  /** Formal attribute names without defaults, and the decoded AttributeProtos with defaults. */
  attributeNames: string[];
  attributeProtos: unknown[];
  opsetImports: Map<string, number>;
  body: Graph;
  docString: string | undefined;
  metadataProps: Array<[string, string]> | undefined;
  extra: Record<string, unknown> | undefined;
}

export class Model {
  irVersion: bigint;
  /** Opset imports in file order: domain ('' is ai.onnx) -> version. */
  opsetImports = new Map<string, number>();
  producerName: string | undefined;
  producerVersion: string | undefined;
  domain: string | undefined;
  modelVersion: bigint | undefined;
  docString: string | undefined;
  /** metadata_props in file order (keys may repeat in malformed files; order is kept). */
  metadataProps: Array<[string, string]> = [];
  functions: ModelFunction[] = [];
  extra: Record<string, unknown> | undefined;

  constructor(
    public graph: Graph,
    init: { irVersion?: bigint; opsetImports?: Iterable<[string, number]> } = {},
  ) {
    this.irVersion = init.irVersion ?? 10n;
    for (const [d, v] of init.opsetImports ?? [['', 17]]) this.opsetImports.set(d, v);
  }

  /** The ai.onnx opset version (domain '' or 'ai.onnx'). */
  get opset(): number {
    return this.opsetImports.get('') ?? this.opsetImports.get('ai.onnx') ?? 1;
  }

  getMetadata(key: string): string | undefined {
    return this.metadataProps.find(([k]) => k === key)?.[1];
  }

  setMetadata(key: string, value: string): void {
    const entry = this.metadataProps.find(([k]) => k === key);
    if (entry) entry[1] = value;
    else this.metadataProps.push([key, value]);
  }
}
