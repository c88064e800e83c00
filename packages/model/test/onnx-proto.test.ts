import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '@regops/core';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { inspectModel, ProtoError, ProtoReader, readOnnxMetadata } from '../src';
import { MODELS, PIMA, scratch, sidecar } from './helpers';
import {
  buildModel,
  concat,
  FLOAT,
  flatModel,
  INT64,
  identityModel,
  node,
  pb,
  valueInfo,
} from './onnx-builder';

const ortType = (t: string) => (t === 'float' ? 'float32' : t);

describe('ONNX metadata of the example models', () => {
  for (const name of MODELS) {
    it(`${name}: matches its sidecar`, async () => {
      const car = sidecar(name);
      const info = await inspectModel(PIMA, `models/${name}.onnx`);
      expect(info.path).toBe(`models/${name}.onnx`);
      expect(info.sha256).toBe(car.sha256);
      expect(info.bytes).toBe(car.size_bytes);
      expect(info.ir_version).toBe(8);
      expect(info.ir_version).toBe(car.onnx.ir_version);
      expect(info.producer_name).toBe(car.onnx.producer_name);
      expect(info.opsets).toEqual(car.onnx.opset_imports);
      expect(info.opsets['ai.onnx']).toBe(15);
      expect(info.inputs).toEqual(
        car.inputs.map((t) => ({
          name: t.name,
          type: t.dtype === 'float32' ? 'float' : t.dtype,
          shape: t.shape,
        })),
      );
      expect(info.inputs).toEqual([{ name: 'float_input', type: 'float', shape: ['N', 8] }]);
      expect(info.outputs).toEqual([
        { name: 'label', type: 'int64', shape: ['N'] },
        { name: 'probabilities', type: 'float', shape: ['N', 2] },
      ]);
      expect(info.outputs.map((t) => t.name)).toEqual(car.outputs.map((t) => t.name));
    });

    it(`${name}: agrees with what onnxruntime reports`, async () => {
      const session = await ort.InferenceSession.create(path.join(PIMA, 'models', `${name}.onnx`));
      try {
        const meta = readOnnxMetadata(readFileSync(path.join(PIMA, 'models', `${name}.onnx`)));
        const fromOrt = (m: readonly ort.InferenceSession.ValueMetadata[]) =>
          m.map((v) => (v.isTensor ? { name: v.name, type: v.type, shape: [...v.shape] } : { name: v.name }));
        const mine = (ts: typeof meta.inputs) =>
          ts.map((t) => ({ name: t.name, type: ortType(t.type), shape: t.shape }));
        expect(mine(meta.inputs)).toEqual(fromOrt(session.inputMetadata));
        expect(mine(meta.outputs)).toEqual(fromOrt(session.outputMetadata));
      } finally {
        await session.release();
      }
    });
  }

  it('the candidate imports ai.onnx 15 and ai.onnx.ml 3', async () => {
    const info = await inspectModel(PIMA, 'models/pima_hgb_candidate.onnx');
    expect(info.opsets).toEqual({ 'ai.onnx': 15, 'ai.onnx.ml': 3 });
  });
});

describe('protobuf reader', () => {
  it('reads varints of every length, including negative int64', () => {
    const cases: [number, number][] = [
      [0, 0],
      [1, 1],
      [300, 300],
      [2 ** 28, 2 ** 28],
      [2 ** 40 + 5, 2 ** 40 + 5],
      [-1, -1],
      [-7, -7],
    ];
    for (const [input, expected] of cases) {
      const r = new ProtoReader(pb.varint(1, input));
      expect(r.tag()).toEqual({ field: 1, wire: 0 });
      expect(r.varint()).toBe(expected);
      expect(r.done()).toBe(true);
    }
  });

  it('skips fixed32, fixed64 and unknown length-delimited fields', () => {
    const model = concat(
      pb.fixed32(90),
      pb.fixed64(91),
      pb.str(92, 'ignored'),
      pb.varint(93, 12345),
      buildModel({ producer: 'p', graph: [valueInfo(11, 'x', FLOAT, [2])] }),
    );
    const meta = readOnnxMetadata(model);
    expect(meta.producer_name).toBe('p');
    expect(meta.inputs).toEqual([{ name: 'x', type: 'float', shape: [2] }]);
  });

  it('leaves out graph inputs that are initializers', () => {
    const meta = readOnnxMetadata(flatModel(3));
    expect(meta.inputs.map((t) => t.name)).toEqual(['x']);
    expect(meta.outputs).toEqual([{ name: 'probabilities', type: 'float', shape: ['M'] }]);
    expect(meta.opsets).toEqual({ 'ai.onnx': 15 });
    expect(meta.producer_name).toBeNull();
  });

  it('reads dim_value, dim_param, unknown dims, element types and non-tensor types', () => {
    const seqOfMap = pb.msg(
      12,
      pb.str(1, 'output_probability'),
      pb.msg(
        2,
        pb.msg(4, pb.msg(1, pb.msg(5, pb.varint(1, INT64), pb.msg(2, pb.msg(1, pb.varint(1, FLOAT)))))),
      ),
    );
    const noShape = pb.msg(11, pb.str(1, 'flags'), pb.msg(2, pb.msg(1, pb.varint(1, 9))));
    const meta = readOnnxMetadata(
      buildModel({
        irVersion: 9,
        opsets: { '': 17, 'ai.onnx.ml': 3, 'com.microsoft': 1 },
        producer: 'skl2onnx',
        graph: [
          node('Identity', ['x'], ['y']),
          valueInfo(11, 'x', 11, ['batch', 4]),
          pb.msg(11, pb.str(1, 'odd'), pb.msg(2, pb.msg(1, pb.varint(1, 8), pb.msg(2, pb.msg(1))))),
          noShape,
          valueInfo(12, 'y', 11, [-1, 4]),
          seqOfMap,
        ],
      }),
    );
    expect(meta.ir_version).toBe(9);
    expect(meta.opsets).toEqual({ 'ai.onnx': 17, 'ai.onnx.ml': 3, 'com.microsoft': 1 });
    expect(meta.graph_name).toBe('test-graph');
    expect(meta.inputs).toEqual([
      { name: 'x', type: 'double', shape: ['batch', 4] },
      { name: 'odd', type: 'string', shape: ['?'] },
      { name: 'flags', type: 'bool', shape: [] },
    ]);
    expect(meta.outputs).toEqual([
      { name: 'y', type: 'double', shape: [-1, 4] },
      { name: 'output_probability', type: 'sequence<map<int64,float>>', shape: [] },
    ]);
  });

  it('rejects bytes that are not an ONNX model', () => {
    expect(() => readOnnxMetadata(new Uint8Array())).toThrow(ProtoError);
    expect(() => readOnnxMetadata(new TextEncoder().encode('{"name": "x"}'))).toThrow(ProtoError);
    // Well-formed protobuf, but no graph.
    expect(() => readOnnxMetadata(pb.varint(1, 8))).toThrow(/no graph/);
    // A graph but no IR version.
    expect(() => readOnnxMetadata(pb.msg(7, pb.str(2, 'g')))).toThrow(/no ir_version/);
    const full = identityModel(2);
    expect(() => readOnnxMetadata(full.subarray(0, full.length - 3))).toThrow(ProtoError);
  });
});

describe('inspectModel errors', () => {
  it('names the file that is not an ONNX model and what it looks like', async () => {
    const s = scratch({
      'model.json': '{"not": "onnx"}\n',
      'lfs.onnx': 'version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 57049\n',
      'empty.onnx': '',
      'cut.onnx': identityModel(2).subarray(0, 20),
    });
    try {
      await expect(inspectModel(s.dir, 'model.json')).rejects.toThrow(InputError);
      await expect(inspectModel(s.dir, 'model.json')).rejects.toThrow(
        /^model\.json: not an ONNX model .*JSON text/,
      );
      await expect(inspectModel(s.dir, 'lfs.onnx')).rejects.toThrow(
        /lfs\.onnx: not an ONNX model.*Git LFS pointer/,
      );
      await expect(inspectModel(s.dir, 'empty.onnx')).rejects.toThrow(
        /empty\.onnx: not an ONNX model \(the file is empty/,
      );
      await expect(inspectModel(s.dir, 'cut.onnx')).rejects.toThrow(
        /cut\.onnx: not an ONNX model \(.*at byte \d+\)/,
      );
      await expect(inspectModel(s.dir, 'missing.onnx')).rejects.toThrow(
        /missing\.onnx: model file not found/,
      );
      await expect(inspectModel(s.dir, '.')).rejects.toThrow(/is a directory/);
    } finally {
      s.cleanup();
    }
  });
});
