/**
 * Test helper: a tiny protobuf writer that builds ONNX models by hand, so tests can cover shapes the
 * example models do not have (NaN pass-through, 1-D outputs, initializers listed as inputs, map outputs).
 */

export const FLOAT = 1;
export const INT64 = 7;

function varintBytes(value: number | bigint): number[] {
  let v = BigInt.asUintN(64, BigInt(value));
  const out: number[] = [];
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) b |= 0x80;
    out.push(b);
  } while (v > 0n);
  return out;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const key = (field: number, wire: number) => varintBytes(field * 8 + wire);

export const pb = {
  varint: (field: number, value: number | bigint) =>
    Uint8Array.from([...key(field, 0), ...varintBytes(value)]),
  bytes: (field: number, data: Uint8Array) =>
    concat(Uint8Array.from([...key(field, 2), ...varintBytes(data.length)]), data),
  str: (field: number, s: string) => pb.bytes(field, new TextEncoder().encode(s)),
  msg: (field: number, ...parts: Uint8Array[]) => pb.bytes(field, concat(...parts)),
  fixed32: (field: number) => Uint8Array.from([...key(field, 5), 1, 2, 3, 4]),
  fixed64: (field: number) => Uint8Array.from([...key(field, 1), 1, 2, 3, 4, 5, 6, 7, 8]),
};

const dim = (d: number | string) => pb.msg(1, typeof d === 'number' ? pb.varint(1, d) : pb.str(2, d));

/** TypeProto.tensor_type (field 1) with elem_type and shape. */
export const tensorType = (elem: number, dims: (number | string)[]) =>
  pb.msg(1, pb.varint(1, elem), pb.msg(2, ...dims.map(dim)));

/** ValueInfoProto for a tensor. */
export const valueInfo = (field: number, name: string, elem: number, dims: (number | string)[]) =>
  pb.msg(field, pb.str(1, name), pb.msg(2, tensorType(elem, dims)));

/** NodeProto: input = 1, output = 2, name = 3, op_type = 4. */
export const node = (op: string, inputs: string[], outputs: string[]) =>
  pb.msg(
    1,
    ...inputs.map((i) => pb.str(1, i)),
    ...outputs.map((o) => pb.str(2, o)),
    pb.str(3, op),
    pb.str(4, op),
  );

/** TensorProto with int64 values (dims = 1, data_type = 2, int64_data = 7 packed, name = 8). */
export const int64Initializer = (name: string, values: number[]) =>
  pb.msg(
    5,
    pb.varint(1, values.length),
    pb.varint(2, INT64),
    pb.bytes(7, Uint8Array.from(values.flatMap((v) => varintBytes(v)))),
    pb.str(8, name),
  );

export interface ModelSpec {
  irVersion?: number;
  opsets?: Record<string, number>;
  producer?: string;
  /** Graph fields: nodes, initializers, inputs (field 11), outputs (field 12), anything else. */
  graph: Uint8Array[];
}

export function buildModel(spec: ModelSpec): Uint8Array {
  const opsets = Object.entries(spec.opsets ?? { '': 15 }).map(([domain, version]) =>
    pb.msg(8, ...(domain ? [pb.str(1, domain)] : []), pb.varint(2, version)),
  );
  return concat(
    pb.varint(1, spec.irVersion ?? 8),
    ...(spec.producer ? [pb.str(2, spec.producer)] : []),
    pb.msg(7, pb.str(2, 'test-graph'), ...spec.graph),
    ...opsets,
  );
}

/** probabilities = Identity(x): x float [N, width]; NaN and out-of-range inputs pass straight through. */
export function identityModel(width: number): Uint8Array {
  return buildModel({
    producer: 'regops-test',
    graph: [
      node('Identity', ['x'], ['probabilities']),
      valueInfo(11, 'x', FLOAT, ['N', width]),
      valueInfo(12, 'probabilities', FLOAT, ['N', width]),
    ],
  });
}

/** probabilities = Reshape(x, [-1]): a 1-D output; the shape initializer is also listed as a graph input. */
export function flatModel(width: number, declaredOutput: (number | string)[] = ['M']): Uint8Array {
  return buildModel({
    graph: [
      node('Reshape', ['x', 'shape'], ['probabilities']),
      int64Initializer('shape', [-1]),
      valueInfo(11, 'x', FLOAT, ['N', width]),
      valueInfo(11, 'shape', INT64, [1]),
      valueInfo(12, 'probabilities', FLOAT, declaredOutput),
    ],
  });
}

/** TensorProto with float values (dims = 1, data_type = 2, float_data = 4 packed, name = 8). */
export const floatInitializer = (name: string, dims: number[], values: number[]) =>
  pb.msg(
    5,
    ...dims.map((d) => pb.varint(1, d)),
    pb.varint(2, FLOAT),
    pb.bytes(4, new Uint8Array(Float32Array.from(values).buffer)),
    pb.str(8, name),
  );

/** NodeProto with integer attributes (attribute = 5; AttributeProto name = 1, i = 3, type = 20 with INT = 2). */
export const nodeWith = (op: string, inputs: string[], outputs: string[], ints: Record<string, number>) =>
  concat(
    pb.msg(
      1,
      ...inputs.map((i) => pb.str(1, i)),
      ...outputs.map((o) => pb.str(2, o)),
      pb.str(3, `${op}-${outputs.join('-')}`),
      pb.str(4, op),
      ...Object.entries(ints).map(([k, v]) => pb.msg(5, pb.str(1, k), pb.varint(3, v), pb.varint(20, 2))),
    ),
  );

/**
 * probabilities = Identity(x) (x float [N, 2]) and label = ArgMax(x − offset, axis 1): with offset [0, 0] the
 * label is the class of the highest probability, as a sound export gives; another offset makes the two
 * outputs disagree on the rows it tips over.
 */
export function labelledModel(offset: [number, number]): Uint8Array {
  return buildModel({
    producer: 'regops-test',
    graph: [
      node('Identity', ['x'], ['probabilities']),
      node('Sub', ['x', 'offset'], ['shifted']),
      nodeWith('ArgMax', ['shifted'], ['label'], { axis: 1, keepdims: 0 }),
      floatInitializer('offset', [2], offset),
      valueInfo(11, 'x', FLOAT, ['N', 2]),
      valueInfo(12, 'probabilities', FLOAT, ['N', 2]),
      valueInfo(12, 'label', INT64, ['N']),
    ],
  });
}
