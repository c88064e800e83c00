import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  displayPath,
  InputError,
  type ModelConfig,
  type ModelInfo,
  ModelOutputError,
  sha256File,
  type Table,
} from '@regops/core';
import * as ort from 'onnxruntime-node';
import { ProtoError, readOnnxMetadata } from './onnx-proto';

/** What a file that is not an ONNX model most likely is, from its first bytes. */
function sniff(buf: Uint8Array): string {
  const head = Buffer.from(buf.subarray(0, 64)).toString('latin1');
  if (head.startsWith('version https://git-lfs')) {
    return ' It is a Git LFS pointer, not the model itself: fetch the file (git lfs pull, or `lfs: true` in the CI checkout).';
  }
  if (head.startsWith('PK\x03\x04')) {
    return ' It looks like a zip archive (a PyTorch .pt/.pth or Keras file?): export the model to ONNX first.';
  }
  if (head.charCodeAt(0) === 0x80) {
    return ' It looks like a Python pickle (pickle/joblib): export the model to ONNX first (e.g. with skl2onnx).';
  }
  if (/^\s*[{[]/.test(head))
    return ' It looks like JSON text (a sidecar or metadata file?), not the .onnx file.';
  return ' Point model.path at an .onnx file (an ONNX ModelProto).';
}

/** Parse a model file's bytes, turning wire-format problems into a message about the file. */
export function parseModelBytes(buf: Uint8Array, relPath: string) {
  try {
    return readOnnxMetadata(buf);
  } catch (e) {
    if (!(e instanceof ProtoError)) throw e;
    throw new InputError(`${relPath}: not an ONNX model (${e.message}, at byte ${e.offset}).${sniff(buf)}`);
  }
}

async function readModelFile(abs: string, relPath: string): Promise<Buffer> {
  try {
    return await readFile(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new InputError(`${relPath}: model file not found (looked in ${displayPath(abs)})`);
    if (code === 'EISDIR') throw new InputError(`${relPath}: is a directory, expected an ONNX model file`);
    throw new InputError(`${relPath}: cannot read the model file (${code ?? String(e)})`);
  }
}

/** Hash and metadata of an ONNX model, for the evidence. `relPath` is relative to `rootDir` and kept as given. */
export async function inspectModel(rootDir: string, relPath: string): Promise<ModelInfo> {
  const abs = path.resolve(rootDir, relPath);
  const buf = await readModelFile(abs, relPath);
  const meta = parseModelBytes(buf, relPath);
  const { sha256, bytes } = await sha256File(abs);
  return {
    path: relPath,
    sha256,
    bytes,
    ir_version: meta.ir_version,
    producer_name: meta.producer_name,
    producer_version: meta.producer_version,
    opsets: meta.opsets,
    inputs: meta.inputs,
    outputs: meta.outputs,
  };
}

const quoteList = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ') || '(none)';

function firstLines(message: string, max = 3): string {
  return message
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .slice(0, max)
    .join('; ');
}

function runtimeVersion(): string {
  const v = (ort.env.versions as Record<string, string | undefined>).node ?? ort.env.versions.common;
  return v ? `onnxruntime-node ${v}` : 'onnxruntime-node';
}

async function openSession(abs: string, relPath: string, threads: number): Promise<ort.InferenceSession> {
  await readModelFile(abs, relPath); // a clear "not found" before onnxruntime's own wording
  try {
    return await ort.InferenceSession.create(abs, {
      executionProviders: ['cpu'],
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      logSeverityLevel: 3,
    });
  } catch (e) {
    const msg = firstLines((e as Error).message);
    let hint = '';
    if (/protobuf parsing failed/i.test(msg)) hint = ' The file is not a valid ONNX model.';
    else if (/opset|ir version|not a registered function|no kernel|no opset import/i.test(msg)) {
      hint = ` The model needs an operator, opset or IR version that ${runtimeVersion()} does not support: re-export it with an older opset, or upgrade onnxruntime.`;
    }
    throw new InputError(`${relPath}: ${runtimeVersion()} could not load the model: ${msg}.${hint}`);
  }
}

/** Check the session's signature against the config, so mistakes are named before anything runs. */
function checkSession(session: ort.InferenceSession, model: ModelConfig, read: ReadKind = 'positive'): void {
  const where = model.path;
  if (!session.inputNames.includes(model.input)) {
    throw new InputError(
      `${where}: the model has no input "${model.input}" (model.input); its inputs are: ${quoteList(session.inputNames)}. Set model.input to one of them.`,
    );
  }
  if (session.inputNames.length > 1) {
    throw new InputError(
      `${where}: the model has ${session.inputNames.length} inputs (${quoteList(session.inputNames)}), but regops feeds one float32 [N, F] tensor (model.input "${model.input}"). Export the model with a single input.`,
    );
  }
  const input = session.inputMetadata?.find((m) => m.name === model.input);
  if (input?.isTensor) {
    if (input.type !== 'float32') {
      throw new InputError(
        `${where}: input "${model.input}" is a ${input.type} tensor, but regops feeds float32 [N, F]. Export the model with a float input (e.g. skl2onnx FloatTensorType).`,
      );
    }
    const width = input.shape[input.shape.length - 1];
    const rankOk = input.shape.length === 0 || input.shape.length === 2; // [] = shape not declared
    if (!rankOk || (typeof width === 'number' && width !== model.features.length)) {
      throw new InputError(
        `${where}: input "${model.input}" has shape [${input.shape.join(', ')}], but model.features lists ${model.features.length} column(s), fed as [N, ${model.features.length}]. List exactly the columns the model was trained on, in order.`,
      );
    }
  } else if (input) {
    throw new InputError(
      `${where}: input "${model.input}" is not a tensor; regops feeds a float32 [N, F] tensor.`,
    );
  }
  if (read === 'values') {
    checkValueOutput(session, model);
    return;
  }
  if (!session.outputNames.includes(model.probabilities)) {
    throw new InputError(
      `${where}: the model has no output "${model.probabilities}" (model.probabilities); its outputs are: ${quoteList(session.outputNames)}. Set model.probabilities to the output holding class probabilities [N, k].`,
    );
  }
  if (model.label !== undefined) checkLabelOutput(session, model);
  const output = session.outputMetadata?.find((m) => m.name === model.probabilities);
  if (output && !output.isTensor) {
    throw new InputError(
      `${where}: output "${model.probabilities}" is not a tensor (a ZipMap list of maps?). Export the model without ZipMap (skl2onnx: options={'zipmap': False}) so probabilities are a [N, k] tensor.`,
    );
  }
  if (output?.isTensor && output.shape.length > 0) {
    const k = output.shape[1];
    if (output.shape.length !== 2) {
      throw new InputError(
        `${where}: output "${model.probabilities}" has shape [${output.shape.join(', ')}]; regops needs class probabilities as a 2-D [N, k] tensor.`,
      );
    }
    if (read === 'positive' && typeof k === 'number' && model.positive_index >= k) {
      throw new InputError(
        `${where}: model.positive_index is ${model.positive_index}, but output "${model.probabilities}" has ${k} column(s) (shape [${output.shape.join(', ')}]); use an index from 0 to ${k - 1}.`,
      );
    }
  }
}

type ReadKind = 'positive' | 'matrix' | 'values';

/** The label output named by model.label: present, a tensor of int64 or string labels. */
function checkLabelOutput(session: ort.InferenceSession, model: ModelConfig): void {
  const name = model.label as string;
  if (name === model.probabilities) {
    throw new InputError(
      `${model.path}: model.label and model.probabilities both name output "${name}"; model.label is the output of predicted labels [N] (skl2onnx: "label").`,
    );
  }
  if (!session.outputNames.includes(name)) {
    throw new InputError(
      `${model.path}: the model has no output "${name}" (model.label); its outputs are: ${quoteList(session.outputNames)}. Set model.label to the output of predicted labels, or remove it.`,
    );
  }
  const output = session.outputMetadata?.find((m) => m.name === name);
  if (output && !output.isTensor) {
    throw new InputError(
      `${model.path}: output "${name}" (model.label) is not a tensor; labels must be [N].`,
    );
  }
}

/**
 * Row-by-row agreement between the label output and the probabilities output: the label of each row must be
 * the one its highest-probability column stands for, and each column must stand for one label (learned from
 * the rows, so no class order has to be declared). Rows whose top two probabilities are within 1e-6 are
 * skipped: exporters break such ties differently.
 */
class LabelAgreement {
  readonly name: string;
  /** Label seen for each argmax column; first row where it was seen (1-based). */
  private readonly byColumn = new Map<number, { label: string; row: number }>();
  private readonly disagree: { row: number; column: number; label: string }[] = [];
  private readonly labelToColumn = new Map<string, number>();
  private row = 0;
  private conflict: string | undefined;

  constructor(
    private readonly model: ModelConfig,
    private readonly table: Table,
  ) {
    this.name = model.label as string;
  }

  add(probabilities: ort.OnnxValue | undefined, labels: ort.OnnxValue | undefined, rows: number): void {
    const where = `${this.model.path}: output "${this.name}" (model.label)`;
    if (!isTensor(labels) || labels.dims[0] !== rows || labels.size !== rows) {
      throw new InputError(
        `${where} came back with ${isTensor(labels) ? `shape [${labels.dims.join(', ')}]` : 'a non-tensor value'} for ${rows} input row(s); labels must be one per row, [N].`,
      );
    }
    if (!isTensor(probabilities)) return; // reported by the probabilities reader
    const k = probabilities.dims[1] as number;
    const p = probabilities.data as ArrayLike<number>;
    const l = labels.data as ArrayLike<unknown>;
    for (let i = 0; i < rows; i++) {
      const rowNo = ++this.row;
      let best = 0;
      let second = Number.NEGATIVE_INFINITY;
      for (let c = 1; c < k; c++) {
        const v = p[i * k + c] as number;
        if (v > (p[i * k + best] as number)) {
          second = p[i * k + best] as number;
          best = c;
        } else if (v > second) second = v;
      }
      if (k < 2 || Number.isNaN(p[i * k + best] as number) || (p[i * k + best] as number) - second <= 1e-6)
        continue;
      const label = String(l[i]);
      const seen = this.byColumn.get(best);
      if (seen === undefined) {
        const other = this.labelToColumn.get(label);
        if (other !== undefined && this.conflict === undefined) {
          this.conflict = `label "${label}" goes with probability column ${other} on row ${this.byColumn.get(other)?.row} but with column ${best} on row ${rowNo}`;
        }
        this.byColumn.set(best, { label, row: rowNo });
        this.labelToColumn.set(label, best);
      } else if (seen.label !== label) {
        this.disagree.push({ row: rowNo, column: best, label });
      }
    }
  }

  check(): void {
    if (this.disagree.length === 0 && this.conflict === undefined) return;
    const mapping = [...this.byColumn.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([c, { label, row }]) => `column ${c} → "${label}" (from row ${row})`)
      .join(', ');
    const detail =
      this.disagree.length > 0
        ? `${this.disagree.length} of ${this.row} rows of ${this.table.path} have a label that is not the class of their highest probability (rows ${rowList(this.disagree.map((d) => d.row))}; e.g. row ${this.disagree[0]?.row}: highest column ${this.disagree[0]?.column}, label "${this.disagree[0]?.label}")`
        : `on ${this.table.path}, ${this.conflict}`;
    throw new ModelOutputError(
      `${this.model.path}: outputs "${this.name}" (model.label) and "${this.model.probabilities}" (model.probabilities) disagree: ${detail}. Learned: ${mapping}. The exported graph is inconsistent, or model.label/model.probabilities name the wrong outputs.`,
    );
  }
}

/** The regression output named by model.output: present, a tensor, [N] or [N, 1]. */
function checkValueOutput(session: ort.InferenceSession, model: ModelConfig): void {
  const where = model.path;
  const name = model.output;
  if (name === undefined) {
    throw new InputError(
      `${where}: model.output is not set; regression needs the name of the output holding the predictions (its outputs are: ${quoteList(session.outputNames)}).`,
    );
  }
  if (!session.outputNames.includes(name)) {
    throw new InputError(
      `${where}: the model has no output "${name}" (model.output); its outputs are: ${quoteList(session.outputNames)}. Set model.output to the output holding the predicted values [N] or [N, 1].`,
    );
  }
  const output = session.outputMetadata?.find((m) => m.name === name);
  if (output && !output.isTensor) {
    throw new InputError(
      `${where}: output "${name}" is not a tensor; regression needs predictions as [N] or [N, 1].`,
    );
  }
  if (output?.isTensor && output.shape.length > 0) {
    const ok =
      output.shape.length === 1 ||
      (output.shape.length === 2 && (output.shape[1] === 1 || typeof output.shape[1] !== 'number'));
    if (!ok) {
      throw new InputError(
        `${where}: output "${name}" has shape [${output.shape.join(', ')}]; regression needs one prediction per row, [N] or [N, 1] (model.output).`,
      );
    }
  }
}

function runError(e: unknown, model: ModelConfig, table: Table, first: number, last: number): InputError {
  const msg = firstLines((e as Error).message);
  let hint = '';
  if (/invalid dimensions for input/i.test(msg)) {
    hint = ` model.features lists ${model.features.length} column(s); the model's input "${model.input}" expects a different width. List exactly the columns the model was trained on, in order.`;
  } else if (/unexpected input data type/i.test(msg)) {
    hint = ` regops feeds float32; export the model with a float input.`;
  }
  return new InputError(
    `${model.path}: ${runtimeVersion()} failed on rows ${first}–${last} of ${table.path}: ${msg}.${hint}`,
  );
}

export interface PredictOptions {
  /** Directory that model.path is relative to (the directory of regops.yml). */
  rootDir: string;
  model: ModelConfig;
  table: Table;
  /**
   * onnxruntime intra-op threads (default 1). With more than one, onnxruntime splits sums (e.g. over the
   * trees of an ensemble) by thread and by batch, so P(positive) changes in the last float32 bits with the
   * runner's core count and model.batch_size. One thread makes the evidence reproducible on any machine.
   */
  threads?: number;
}

/**
 * P(positive class) for every row of `table`: feeds `model.features` as float32 [N, F] in batches of
 * `model.batch_size` (missing cells as NaN) and reads column `positive_index` of the `probabilities` output.
 * Throws InputError, naming the model file, for a signature that does not fit the config, and when the
 * model returns NaN or values outside [0, 1] (no row is ever dropped silently).
 */
export async function predictPositive(opts: PredictOptions): Promise<Float64Array> {
  const { model, table } = opts;
  const out = new Float64Array(table.rowCount);
  const sums = new Float64Array(table.rowCount).fill(Number.NaN);
  const labels = model.label === undefined ? undefined : new LabelAgreement(model, table);
  const cols = await runBatches(
    opts,
    'positive',
    model.probabilities,
    (value, b, start) => readPositive(value, model, b, out, sums, start),
    labels,
  );
  checkProbabilities(out, model, table, cols);
  checkRowSums(sums, model, table, model.probabilities);
  labels?.check();
  return out;
}

/** Feed `model.features` in batches and hand each batch's `outputName` value to `onBatch`; returns the feature columns. */
async function runBatches(
  { rootDir, model, table, threads = 1 }: PredictOptions,
  read: ReadKind,
  outputName: string,
  onBatch: (value: ort.OnnxValue | undefined, rows: number, start: number) => void,
  labels?: LabelAgreement,
): Promise<Float64Array[]> {
  // Data problems (missing column, text in a number column) first: they need no model.
  const cols = model.features.map((f) => table.numeric(f));
  const width = cols.length;
  const n = table.rowCount;
  const session = await openSession(path.resolve(rootDir, model.path), model.path, threads);
  try {
    checkSession(session, model, read);
    for (let start = 0; start < n; start += model.batch_size) {
      const b = Math.min(model.batch_size, n - start);
      const data = new Float32Array(b * width);
      for (let j = 0; j < width; j++) {
        const col = cols[j] as Float64Array;
        for (let i = 0; i < b; i++) data[i * width + j] = col[start + i] as number;
      }
      let result: ort.InferenceSession.ReturnType;
      try {
        const fetches = labels ? [outputName, labels.name] : [outputName];
        result = await session.run({ [model.input]: new ort.Tensor('float32', data, [b, width]) }, fetches);
      } catch (e) {
        throw runError(e, model, table, start + 1, start + b);
      }
      onBatch(result[outputName], b, start);
      labels?.add(result[outputName], result[labels.name], b);
    }
  } finally {
    await session.release();
  }
  return cols;
}

/** Class probabilities of a multiclass model: row-major [N, k] from the `probabilities` output. */
export interface ProbabilityMatrix {
  /** Number of columns (classes). */
  k: number;
  /** Row i holds P(class 0) … P(class k−1) at i·k … i·k + k − 1. */
  values: Float64Array;
}

/**
 * The whole probabilities output [N, k] for every row of `table` (multiclass models). Same feeding and
 * validation as predictPositive: InputError naming the model file for a signature that does not fit, a
 * NaN or a value outside [0, 1].
 */
export async function predictMatrix(opts: PredictOptions): Promise<ProbabilityMatrix> {
  const { model, table } = opts;
  const name = model.probabilities;
  let k = -1;
  let out = new Float64Array(0);
  const labels = model.label === undefined ? undefined : new LabelAgreement(model, table);
  const cols = await runBatches(
    opts,
    'matrix',
    name,
    (value, b, start) => {
      const t = tensorOf(value, model, name, 'class probabilities as a [N, k] tensor');
      if (t.dims.length !== 2 || t.dims[0] !== b) {
        throw new InputError(
          `${model.path}: output "${name}" came back with shape [${t.dims.join(', ')}] for ${b} input row(s); regops needs class probabilities as a 2-D [N, k] tensor (model.probabilities).`,
        );
      }
      if (k === -1) {
        k = t.dims[1] as number;
        out = new Float64Array(table.rowCount * k);
      }
      floatData(t, model, name, 'class probabilities');
      out.set(t.data as Float32Array | Float64Array, start * k);
    },
    labels,
  );
  if (k === -1) k = 0;
  const nanRows: number[] = [];
  const outsideRows: number[] = [];
  for (let r = 0; r < table.rowCount; r++) {
    for (let c = 0; c < k; c++) {
      const v = out[r * k + c] as number;
      if (Number.isNaN(v)) {
        nanRows.push(r + 1);
        break;
      }
      if (!(v >= -1e-6 && v <= 1 + 1e-6)) {
        outsideRows.push(r + 1);
        break;
      }
    }
  }
  if (nanRows.length > 0) {
    const withMissing = nanRows.filter((r) => cols.some((c) => Number.isNaN(c[r - 1] as number))).length;
    throw new ModelOutputError(
      `${model.path}: output "${name}" holds NaN for ${nanRows.length} of ${table.rowCount} rows of ${table.path} (rows ${rowList(nanRows)}); regops does not drop rows.${withMissing > 0 ? ` ${withMissing} of them have missing feature values: impute them, or add an imputer to the model before export.` : ''}`,
    );
  }
  if (outsideRows.length > 0) {
    throw new InputError(
      `${model.path}: output "${name}" is outside [0, 1] for ${outsideRows.length} of ${table.rowCount} rows of ${table.path} (rows ${rowList(outsideRows)}); model.probabilities must name an output of class probabilities, not scores or logits.`,
    );
  }
  if (k > 1) {
    const sums = new Float64Array(table.rowCount);
    for (let r = 0; r < table.rowCount; r++) sums[r] = rowSum(out, r, k);
    checkRowSums(sums, model, table, name);
  }
  labels?.check();
  return { k, values: out };
}

/**
 * Predicted values of a regression model for every row of `table`, from the output `model.output` ([N] or
 * [N, 1]). InputError naming the model file for a signature that does not fit the config, and for rows
 * where the prediction is NaN or infinite (no row is dropped).
 */
export async function predictValues(opts: PredictOptions): Promise<Float64Array> {
  const { model, table } = opts;
  const name = model.output ?? '';
  const out = new Float64Array(table.rowCount);
  const cols = await runBatches(opts, 'values', name, (value, b, start) => {
    const t = tensorOf(value, model, name, 'predictions as [N] or [N, 1]');
    const ok = (t.dims.length === 1 || (t.dims.length === 2 && t.dims[1] === 1)) && t.dims[0] === b;
    if (!ok) {
      throw new InputError(
        `${model.path}: output "${name}" came back with shape [${t.dims.join(', ')}] for ${b} input row(s); regression needs one prediction per row, [N] or [N, 1] (model.output).`,
      );
    }
    floatData(t, model, name, 'predicted values');
    const data = t.data as Float32Array | Float64Array;
    for (let i = 0; i < b; i++) out[start + i] = data[i] as number;
  });
  const bad: number[] = [];
  for (let r = 0; r < out.length; r++) if (!Number.isFinite(out[r] as number)) bad.push(r + 1);
  if (bad.length > 0) {
    const withMissing = bad.filter((r) => cols.some((c) => Number.isNaN(c[r - 1] as number))).length;
    throw new ModelOutputError(
      `${model.path}: output "${name}" (model.output) is NaN or infinite for ${bad.length} of ${out.length} rows of ${table.path} (rows ${rowList(bad)}); regops does not drop rows.${withMissing > 0 ? ` ${withMissing} of them have missing feature values: impute them, or add an imputer to the model before export.` : ''}`,
    );
  }
  return out;
}

function tensorOf(
  value: ort.OnnxValue | undefined,
  model: ModelConfig,
  name: string,
  needs: string,
): ort.Tensor {
  if (!isTensor(value)) {
    throw new InputError(`${model.path}: output "${name}" is not a tensor; regops needs ${needs}.`);
  }
  return value;
}

function floatData(t: ort.Tensor, model: ModelConfig, name: string, what: string): void {
  if (t.type !== 'float32' && t.type !== 'float64') {
    throw new InputError(
      `${model.path}: output "${name}" holds ${t.type} values; regops needs float ${what}.`,
    );
  }
}

function isTensor(v: unknown): v is ort.Tensor {
  return typeof v === 'object' && v !== null && 'dims' in v && 'type' in v && 'data' in v;
}

function readPositive(
  value: ort.OnnxValue | undefined,
  model: ModelConfig,
  rows: number,
  out: Float64Array,
  sums: Float64Array,
  start: number,
) {
  const name = model.probabilities;
  // Duck-typed: a second copy of onnxruntime-common (e.g. in a bundle) would fail `instanceof`.
  if (!isTensor(value)) {
    throw new InputError(
      `${model.path}: output "${name}" is not a tensor (a ZipMap list of maps?). Export the model without ZipMap so probabilities are a [N, k] tensor.`,
    );
  }
  if (value.dims.length !== 2 || value.dims[0] !== rows) {
    throw new InputError(
      `${model.path}: output "${name}" came back with shape [${value.dims.join(', ')}] for ${rows} input row(s); regops needs class probabilities as a 2-D [N, k] tensor (model.probabilities).`,
    );
  }
  const k = value.dims[1] as number;
  if (model.positive_index >= k) {
    throw new InputError(
      `${model.path}: model.positive_index is ${model.positive_index}, but output "${name}" has ${k} column(s); use an index from 0 to ${k - 1}.`,
    );
  }
  if (value.type !== 'float32' && value.type !== 'float64') {
    throw new InputError(
      `${model.path}: output "${name}" holds ${value.type} values; model.probabilities must name the float output of class probabilities (not the label).`,
    );
  }
  const data = value.data as Float32Array | Float64Array;
  for (let i = 0; i < rows; i++) {
    out[start + i] = data[i * k + model.positive_index] as number;
    if (k > 1) sums[start + i] = rowSum(data, i, k);
  }
}

/** Sum of row `i` of a row-major [N, k] block. */
function rowSum(data: ArrayLike<number>, i: number, k: number): number {
  let s = 0;
  for (let c = 0; c < k; c++) s += data[i * k + c] as number;
  return s;
}

/**
 * How far a row of class probabilities may sum from 1. The runtime computes in float32 (softmax, tree votes
 * divided by their count), whose rounding stays far below this; scores, logits or one-hot labels miss it
 * by whole units.
 */
export const ROW_SUM_TOLERANCE = 1e-3;

/** InputError when rows of a [N, k] probability output (k ≥ 2) do not sum to 1. `sums` may hold NaN for rows not checked. */
function checkRowSums(sums: Float64Array, model: ModelConfig, table: Table, name: string): void {
  const bad: number[] = [];
  let worst = 1;
  for (let r = 0; r < sums.length; r++) {
    const s = sums[r] as number;
    if (Number.isNaN(s)) continue;
    const off = Math.abs(s - 1);
    if (off > ROW_SUM_TOLERANCE) {
      bad.push(r + 1);
      if (off > Math.abs(worst - 1)) worst = s;
    }
  }
  if (bad.length > 0) {
    throw new InputError(
      `${model.path}: rows of output "${name}" do not sum to 1 for ${bad.length} of ${sums.length} rows of ${table.path} (rows ${rowList(bad)}; e.g. a sum of ${Number(worst.toPrecision(6))}); model.probabilities must name an output of class probabilities (one column per class, each row summing to 1), not scores, logits or one-hot labels.`,
    );
  }
}

/** Up to `max` 1-based row numbers, as "3, 17, 25, …". */
function rowList(rows: number[], max = 5): string {
  return rows.slice(0, max).join(', ') + (rows.length > max ? ', …' : '');
}

function checkProbabilities(p: Float64Array, model: ModelConfig, table: Table, cols: Float64Array[]): void {
  const nanRows: number[] = [];
  let outside = 0;
  for (let r = 0; r < p.length; r++) {
    const v = p[r] as number;
    if (Number.isNaN(v)) nanRows.push(r);
    else if (!(v >= -1e-6 && v <= 1 + 1e-6)) outside++;
  }
  const where = `output "${model.probabilities}" column ${model.positive_index}`;
  if (nanRows.length > 0) {
    const missingCols = new Set<string>();
    let withMissing = 0;
    for (const r of nanRows) {
      let any = false;
      cols.forEach((c, j) => {
        if (Number.isNaN(c[r] as number)) {
          any = true;
          missingCols.add(model.features[j] as string);
        }
      });
      if (any) withMissing++;
    }
    const cause =
      withMissing === 0
        ? 'None of these rows has a missing feature value, so the model itself produced NaN (check the graph for overflow or invalid operations).'
        : `${withMissing === nanRows.length ? 'All' : `${withMissing}`} of them have missing feature values (columns: ${[...missingCols].join(', ')}): the model does not handle missing values. Impute them in the data, or add an imputer to the model before export.`;
    throw new ModelOutputError(
      `${model.path}: ${where} is NaN for ${nanRows.length} of ${p.length} rows of ${table.path} (rows ${rowList(nanRows.map((r) => r + 1))}); regops does not drop rows. ${cause}`,
    );
  }
  if (outside > 0) {
    throw new InputError(
      `${model.path}: ${where} is outside [0, 1] for ${outside} of ${p.length} rows of ${table.path}; model.probabilities must name an output of class probabilities, not scores or logits.`,
    );
  }
}
