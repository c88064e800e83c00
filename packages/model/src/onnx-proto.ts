/**
 * A minimal reader for the protobuf wire format, just enough to pull the metadata the evidence records out
 * of an ONNX ModelProto (onnx/onnx.proto3) without loading the model into a runtime. Everything not read
 * (weights, nodes, docs) is skipped by its length, so large models cost one pass over the bytes.
 */

import type { TensorInfo } from '@regops/core';

/** Thrown on bytes that are not a well-formed protobuf message; callers turn it into an InputError. */
export class ProtoError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'ProtoError';
  }
}

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_LEN = 2;
export const WIRE_FIXED32 = 5;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Sequential reader over one protobuf message (or a slice of one). */
export class ProtoReader {
  private pos: number;

  constructor(
    private readonly buf: Uint8Array,
    start = 0,
    private readonly end = buf.length,
  ) {
    this.pos = start;
  }

  get offset(): number {
    return this.pos;
  }

  done(): boolean {
    return this.pos >= this.end;
  }

  private byte(): number {
    if (this.pos >= this.end) throw new ProtoError('unexpected end of data inside a field', this.pos);
    return this.buf[this.pos++] as number;
  }

  /**
   * An unsigned varint as a number. int64 fields that hold negative values are 10-byte varints; those come
   * back as the signed 64-bit value (precise within ±2^53, which covers every count a model header holds).
   */
  varint(): number {
    const start = this.pos;
    let result = 0;
    let mult = 1;
    for (let i = 0; i < 4; i++) {
      const b = this.byte();
      result += (b & 0x7f) * mult;
      if ((b & 0x80) === 0) return result;
      mult *= 128;
    }
    // Longer than 28 bits: redo it exactly with BigInt.
    this.pos = start;
    let big = 0n;
    let shift = 0n;
    for (let i = 0; i < 10; i++) {
      const b = this.byte();
      big |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return Number(BigInt.asIntN(64, big));
      shift += 7n;
    }
    throw new ProtoError('varint longer than 10 bytes', start);
  }

  /** The next field's number and wire type, or null at the end of the message. */
  tag(): { field: number; wire: number } | null {
    if (this.done()) return null;
    const at = this.pos;
    const key = this.varint();
    const field = Math.floor(key / 8);
    const wire = key % 8;
    if (field < 1) throw new ProtoError(`invalid field number ${field}`, at);
    return { field, wire };
  }

  /** Bounds [start, end) of a length-delimited field's payload; the reader moves past it. */
  lenRange(): [number, number] {
    const at = this.pos;
    const len = this.varint();
    if (len < 0 || this.pos + len > this.end) {
      throw new ProtoError(`length-delimited field of ${len} bytes runs past the end of its message`, at);
    }
    const start = this.pos;
    this.pos += len;
    return [start, this.pos];
  }

  bytes(): Uint8Array {
    const [s, e] = this.lenRange();
    return this.buf.subarray(s, e);
  }

  string(): string {
    const at = this.pos;
    try {
      return utf8.decode(this.bytes());
    } catch (e) {
      if (e instanceof ProtoError) throw e;
      throw new ProtoError('string field is not valid UTF-8', at);
    }
  }

  /** A reader over an embedded message. */
  message(): ProtoReader {
    const [s, e] = this.lenRange();
    return new ProtoReader(this.buf, s, e);
  }

  skip(wire: number): void {
    const at = this.pos;
    switch (wire) {
      case WIRE_VARINT:
        this.varint();
        return;
      case WIRE_FIXED64:
        this.advance(8, at);
        return;
      case WIRE_LEN:
        this.lenRange();
        return;
      case WIRE_FIXED32:
        this.advance(4, at);
        return;
      default:
        // 3/4 are the long-deprecated groups, which ONNX never uses; 6/7 do not exist.
        throw new ProtoError(`unsupported wire type ${wire}`, at);
    }
  }

  private advance(n: number, at: number): void {
    if (this.pos + n > this.end)
      throw new ProtoError('fixed-width field runs past the end of its message', at);
    this.pos += n;
  }
}

/** Iterate a message's fields; `visit` must consume the field (read it or call `r.skip(wire)`). */
function eachField(r: ProtoReader, visit: (field: number, wire: number) => void): void {
  for (let t = r.tag(); t !== null; t = r.tag()) visit(t.field, t.wire);
}

function expectWire(actual: number, expected: number, what: string, offset: number): void {
  if (actual !== expected) {
    throw new ProtoError(`${what} has wire type ${actual}, expected ${expected}`, offset);
  }
}

/** onnx.TensorProto.DataType, in the lower-case spelling onnxruntime uses. */
const ELEM_TYPES: Record<number, string> = {
  0: 'undefined',
  1: 'float',
  2: 'uint8',
  3: 'int8',
  4: 'uint16',
  5: 'int16',
  6: 'int32',
  7: 'int64',
  8: 'string',
  9: 'bool',
  10: 'float16',
  11: 'double',
  12: 'uint32',
  13: 'uint64',
  14: 'complex64',
  15: 'complex128',
  16: 'bfloat16',
  17: 'float8e4m3fn',
  18: 'float8e4m3fnuz',
  19: 'float8e5m2',
  20: 'float8e5m2fnuz',
  21: 'uint4',
  22: 'int4',
  23: 'float4e2m1',
  24: 'float8e8m0',
  25: 'uint2',
  26: 'int2',
};

export function elemTypeName(code: number): string {
  return ELEM_TYPES[code] ?? `elem_type_${code}`;
}

/** Metadata of an ONNX model, as far as the evidence needs it. */
export interface OnnxMetadata {
  ir_version: number | null;
  producer_name: string | null;
  producer_version: string | null;
  /** Opset version by domain; the default domain ("") is reported as "ai.onnx". */
  opsets: Record<string, number>;
  graph_name: string | null;
  /** Graph inputs the caller feeds (initializers listed as inputs are left out). */
  inputs: TensorInfo[];
  outputs: TensorInfo[];
}

interface TypeDesc {
  type: string;
  shape: (number | string)[];
}

/** TensorShapeProto: repeated Dimension dim = 1 { int64 dim_value = 1; string dim_param = 2; }. */
function readShape(r: ProtoReader): (number | string)[] {
  const dims: (number | string)[] = [];
  eachField(r, (field, wire) => {
    if (field !== 1 || wire !== WIRE_LEN) return r.skip(wire);
    const d = r.message();
    let dim: number | string = '?';
    eachField(d, (f, w) => {
      if (f === 1 && w === WIRE_VARINT) dim = d.varint();
      else if (f === 2 && w === WIRE_LEN) dim = d.string();
      else d.skip(w);
    });
    dims.push(dim);
  });
  return dims;
}

/**
 * TypeProto: tensor_type = 1 { int32 elem_type = 1; TensorShapeProto shape = 2; }, sequence_type = 4,
 * map_type = 5, sparse_tensor_type = 8, optional_type = 9. Non-tensor types are spelled out, e.g.
 * "sequence<map<int64,float>>" (what a ZipMap output looks like), with an empty shape.
 */
function readType(r: ProtoReader): TypeDesc {
  let desc: TypeDesc = { type: 'unknown', shape: [] };
  eachField(r, (field, wire) => {
    if (wire !== WIRE_LEN) return r.skip(wire);
    const m = r.message();
    switch (field) {
      case 1:
      case 8: {
        let elem = 0;
        let shape: (number | string)[] = [];
        eachField(m, (f, w) => {
          if (f === 1 && w === WIRE_VARINT) elem = m.varint();
          else if (f === 2 && w === WIRE_LEN) shape = readShape(m.message());
          else m.skip(w);
        });
        const name = elemTypeName(elem);
        desc = { type: field === 1 ? name : `sparse_tensor<${name}>`, shape };
        return;
      }
      case 4:
      case 9: {
        let inner = 'unknown';
        eachField(m, (f, w) => {
          if (f === 1 && w === WIRE_LEN) inner = readType(m.message()).type;
          else m.skip(w);
        });
        desc = { type: `${field === 4 ? 'sequence' : 'optional'}<${inner}>`, shape: [] };
        return;
      }
      case 5: {
        let key = 0;
        let value = 'unknown';
        eachField(m, (f, w) => {
          if (f === 1 && w === WIRE_VARINT) key = m.varint();
          else if (f === 2 && w === WIRE_LEN) value = readType(m.message()).type;
          else m.skip(w);
        });
        desc = { type: `map<${elemTypeName(key)},${value}>`, shape: [] };
        return;
      }
      default:
        return;
    }
  });
  return desc;
}

/** ValueInfoProto: string name = 1; TypeProto type = 2. */
function readValueInfo(r: ProtoReader): TensorInfo {
  let name = '';
  let desc: TypeDesc = { type: 'unknown', shape: [] };
  eachField(r, (field, wire) => {
    if (field === 1 && wire === WIRE_LEN) name = r.string();
    else if (field === 2 && wire === WIRE_LEN) desc = readType(r.message());
    else r.skip(wire);
  });
  return { name, type: desc.type, shape: desc.shape };
}

/** The name (field 8) of a TensorProto. */
function readTensorName(r: ProtoReader): string {
  let name = '';
  eachField(r, (field, wire) => {
    if (field === 8 && wire === WIRE_LEN) name = r.string();
    else r.skip(wire);
  });
  return name;
}

/** SparseTensorProto: TensorProto values = 1 carries the name. */
function readSparseTensorName(r: ProtoReader): string {
  let name = '';
  eachField(r, (field, wire) => {
    if (field === 1 && wire === WIRE_LEN) name = readTensorName(r.message());
    else r.skip(wire);
  });
  return name;
}

/** GraphProto: name = 2, initializer = 5, input = 11, output = 12, sparse_initializer = 15. */
function readGraph(r: ProtoReader): { name: string | null; inputs: TensorInfo[]; outputs: TensorInfo[] } {
  let name: string | null = null;
  const inputs: TensorInfo[] = [];
  const outputs: TensorInfo[] = [];
  const initializers = new Set<string>();
  eachField(r, (field, wire) => {
    if (wire !== WIRE_LEN) return r.skip(wire);
    switch (field) {
      case 2:
        name = r.string();
        return;
      case 5:
        initializers.add(readTensorName(r.message()));
        return;
      case 11:
        inputs.push(readValueInfo(r.message()));
        return;
      case 12:
        outputs.push(readValueInfo(r.message()));
        return;
      case 15:
        initializers.add(readSparseTensorName(r.message()));
        return;
      default:
        r.skip(wire);
    }
  });
  return { name, inputs: inputs.filter((t) => !initializers.has(t.name)), outputs };
}

/**
 * Parse the metadata of an ONNX ModelProto. Throws ProtoError when the bytes are not a protobuf message or
 * lack what every ONNX model has (an IR version and a graph).
 */
export function readOnnxMetadata(buf: Uint8Array): OnnxMetadata {
  if (buf.length === 0) throw new ProtoError('the file is empty', 0);
  const r = new ProtoReader(buf);
  const meta: OnnxMetadata = {
    ir_version: null,
    producer_name: null,
    producer_version: null,
    opsets: {},
    graph_name: null,
    inputs: [],
    outputs: [],
  };
  let graphs = 0;
  eachField(r, (field, wire) => {
    const at = r.offset;
    switch (field) {
      case 1:
        expectWire(wire, WIRE_VARINT, 'ir_version', at);
        meta.ir_version = r.varint();
        return;
      case 2:
        expectWire(wire, WIRE_LEN, 'producer_name', at);
        meta.producer_name = r.string() || null;
        return;
      case 3:
        expectWire(wire, WIRE_LEN, 'producer_version', at);
        meta.producer_version = r.string() || null;
        return;
      case 7: {
        expectWire(wire, WIRE_LEN, 'graph', at);
        // A message field that occurs twice is merged (protobuf semantics); writers never do this.
        const g = readGraph(r.message());
        meta.graph_name = g.name ?? meta.graph_name;
        meta.inputs.push(...g.inputs);
        meta.outputs.push(...g.outputs);
        graphs++;
        return;
      }
      case 8: {
        expectWire(wire, WIRE_LEN, 'opset_import', at);
        const m = r.message();
        let domain = '';
        let version = 0;
        eachField(m, (f, w) => {
          if (f === 1 && w === WIRE_LEN) domain = m.string();
          else if (f === 2 && w === WIRE_VARINT) version = m.varint();
          else m.skip(w);
        });
        meta.opsets[domain === '' ? 'ai.onnx' : domain] = version;
        return;
      }
      default:
        r.skip(wire);
    }
  });
  if (meta.ir_version === null) throw new ProtoError('no ir_version field (every ONNX model has one)', 0);
  if (graphs === 0) throw new ProtoError('no graph field (every ONNX model has one)', 0);
  return meta;
}
