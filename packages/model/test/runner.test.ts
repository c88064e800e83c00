import { InputError, ModelConfig, ModelOutputError } from '@regops/core';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auroc, confusionAt, labelsFromTable, predictMatrix, predictPositive } from '../src';
import {
  csvTable,
  loadPima,
  MODELS,
  maxAbsDiff,
  modelConfig,
  PIMA,
  referenceP1,
  scratch,
  sidecar,
} from './helpers';
import { flatModel, identityModel, labelledModel } from './onnx-builder';

/** Largest differences seen, printed at the end for the record. */
const observed: Record<string, number> = {};

afterAll(() => {
  console.log(
    'max abs differences observed:',
    Object.entries(observed)
      .map(([k, v]) => `${k} ${v.toExponential(2)}`)
      .join('; '),
  );
});

describe('predictPositive on the Pima test split', () => {
  for (const name of MODELS) {
    it(`${name}: P(pos) matches sklearn predict_proba within 1e-5`, async () => {
      const table = await loadPima('test');
      const p = await predictPositive({ rootDir: PIMA, model: modelConfig(name), table });
      const ref = referenceP1(name);
      expect(p.length).toBe(192);
      expect(ref.length).toBe(192);
      const diff = maxAbsDiff(p, ref);
      observed[`${name} proba vs sklearn`] = diff;
      expect(diff).toBeLessThan(1e-5);
    });

    it(`${name}: metrics match the sidecar within 1e-6`, async () => {
      const table = await loadPima('test');
      const car = sidecar(name);
      const p = await predictPositive({ rootDir: PIMA, model: modelConfig(name), table });
      const labels = labelsFromTable(table, {
        column: car.target.column,
        positive: car.target.positive_value,
      });
      const expected = car.metrics.test;
      const c = confusionAt(p, labels, 0.5);
      const got: Record<string, number | null> = {
        auroc: auroc(p, labels),
        sensitivity: c.sensitivity,
        specificity: c.specificity,
        ppv: c.ppv,
        npv: c.npv,
        accuracy: c.accuracy,
      };
      let worst = 0;
      for (const [metric, value] of Object.entries(got)) {
        const want = expected[metric] as number;
        expect(value, metric).not.toBeNull();
        expect(Math.abs((value as number) - want), metric).toBeLessThan(1e-6);
        worst = Math.max(worst, Math.abs((value as number) - want));
      }
      observed[`${name} metrics vs sidecar`] = worst;
      expect(c.n).toBe(expected.n);
      expect(c.tp + c.fn).toBe(expected.n_positive);
    });
  }

  it('the batch size does not change the result, and the session is released every time', async () => {
    const table = await loadPima('test');
    const release = vi.spyOn(
      // The exported value is typed as a factory; at run time it is the class whose instances are sessions.
      (ort.InferenceSession as unknown as { prototype: ort.InferenceSession }).prototype,
      'release',
    );
    try {
      const whole = await predictPositive({ rootDir: PIMA, model: modelConfig('pima_hgb_candidate'), table });
      const batched = await predictPositive({
        rootDir: PIMA,
        model: modelConfig('pima_hgb_candidate', { batch_size: 7 }),
        table,
      });
      expect([...batched]).toEqual([...whole]);
      expect(release).toHaveBeenCalledTimes(2);
      await expect(
        predictPositive({
          rootDir: PIMA,
          model: modelConfig('pima_hgb_candidate', { input: 'input' }),
          table,
        }),
      ).rejects.toThrow(InputError);
      expect(release).toHaveBeenCalledTimes(3);
    } finally {
      release.mockRestore();
    }
  });

  it('the candidate handles missing values itself (all-NaN row gives 0.3606)', async () => {
    const s = scratch({ 'nan.csv': `${modelConfig('pima_hgb_candidate').features.join(',')}\n,,,,,,,\n` });
    try {
      const table = await csvTable(s.dir, 'nan.csv');
      const p = await predictPositive({ rootDir: PIMA, model: modelConfig('pima_hgb_candidate'), table });
      expect(p[0]).toBeCloseTo(0.3606, 4);
    } finally {
      s.cleanup();
    }
  });
});

describe('predictPositive errors name the model file and what to do', () => {
  let table: Awaited<ReturnType<typeof loadPima>>;
  beforeAll(async () => {
    table = await loadPima('test');
  });
  const run = (over: Partial<ModelConfig>) =>
    predictPositive({ rootDir: PIMA, model: modelConfig('pima_logreg_baseline', over), table });

  it('wrong input name lists the available inputs', async () => {
    await expect(run({ input: 'input' })).rejects.toThrow(InputError);
    await expect(run({ input: 'input' })).rejects.toThrow(
      'models/pima_logreg_baseline.onnx: the model has no input "input" (model.input); its inputs are: "float_input". Set model.input to one of them.',
    );
  });

  it('wrong feature count gives the input shape and the count', async () => {
    await expect(run({ features: modelConfig('pima_logreg_baseline').features.slice(0, 7) })).rejects.toThrow(
      /pima_logreg_baseline\.onnx: input "float_input" has shape \[N, 8\], but model\.features lists 7 column\(s\)/,
    );
  });

  it('wrong output name lists the outputs', async () => {
    await expect(run({ probabilities: 'output_probability' })).rejects.toThrow(
      /has no output "output_probability" \(model\.probabilities\); its outputs are: "label", "probabilities"/,
    );
  });

  it('the label output is refused as probabilities', async () => {
    await expect(run({ probabilities: 'label' })).rejects.toThrow(
      /output "label" has shape \[N\]; regops needs .* 2-D/,
    );
  });

  it('positive_index beyond the output width', async () => {
    await expect(run({ positive_index: 2 })).rejects.toThrow(
      /model\.positive_index is 2, but output "probabilities" has 2 column\(s\) \(shape \[N, 2\]\); use an index from 0 to 1/,
    );
  });

  it('a missing feature column is reported before the model is loaded', async () => {
    await expect(
      run({ features: [...modelConfig('pima_logreg_baseline').features.slice(0, 7), 'bmi'] }),
    ).rejects.toThrow(/data\/test\.csv: column "bmi" not found/);
  });

  it('a model file that does not exist, or is not ONNX', async () => {
    await expect(run({ path: 'models/nope.onnx' })).rejects.toThrow(
      /models\/nope\.onnx: model file not found/,
    );
    await expect(run({ path: 'data/test.csv' })).rejects.toThrow(
      /data\/test\.csv: onnxruntime-node \S+ could not load the model/,
    );
  });
});

describe('predictPositive with hand-built models', () => {
  const s = scratch({
    'identity.onnx': identityModel(2),
    'labelled.onnx': labelledModel([0, 0]),
    'mislabelled.onnx': labelledModel([0.3, 0]),
    'labels.csv': 'n,p\n0.9,0.1\n0.7,0.3\n0.55,0.45\n0.4,0.6\n0.1,0.9\n',
    'labels-two.csv': 'n,p\n0.6,0.4\n0.1,0.9\n',
    'flat.onnx': flatModel(2, []),
    'rows.csv': 'a,b,c,y\n0.2,0.8,0.8,1\n0.3,,0.7,0\n0.9,0.1,0.1,1\n0.5,NA,0.5,0\n',
    'complete.csv': 'a,b,y\n0.2,0.8,1\n3,-2,0\n',
  });
  afterAll(s.cleanup);
  const cfg = (file: string, over: Partial<ModelConfig> = {}) =>
    ModelConfig.parse({ path: file, input: 'x', features: ['a', 'b'], ...over });

  it('reads the configured column of the probabilities output', async () => {
    const table = await csvTable(s.dir, 'complete.csv');
    const p = await predictPositive({
      rootDir: s.dir,
      model: cfg('identity.onnx', { positive_index: 0 }),
      table,
    }).catch((e: Error) => e);
    // Row 2 feeds 3 and −2: not probabilities.
    expect(String(p)).toMatch(
      /identity\.onnx: output "probabilities" column 0 is outside \[0, 1\] for 1 of 2 rows of complete\.csv; model\.probabilities must name an output of class probabilities, not scores or logits/,
    );
  });

  it('NaN probabilities are counted and explained, never dropped', async () => {
    const table = await csvTable(s.dir, 'rows.csv');
    await expect(predictPositive({ rootDir: s.dir, model: cfg('identity.onnx'), table })).rejects.toThrow(
      'identity.onnx: output "probabilities" column 1 is NaN for 2 of 4 rows of rows.csv (rows 2, 4); regops does not drop rows. All of them have missing feature values (columns: b): the model does not handle missing values. Impute them in the data, or add an imputer to the model before export.',
    );
    const p = await predictPositive({
      rootDir: s.dir,
      model: cfg('identity.onnx', { features: ['c', 'a'] }),
      table,
    });
    expect([...p]).toEqual([0.2, 0.3, 0.9, 0.5].map((v) => Math.fround(v)));
  });

  it('rows that do not sum to 1 are not class probabilities', async () => {
    const table = await csvTable(s.dir, 'rows.csv');
    // Columns a, a: every value is in [0, 1], but the rows sum to 0.4, 0.6, 1.8 and 1.0.
    const model = cfg('identity.onnx', { features: ['a', 'a'] });
    const expected =
      'identity.onnx: rows of output "probabilities" do not sum to 1 for 3 of 4 rows of rows.csv (rows 1, 2, 3; e.g. a sum of 1.8); model.probabilities must name an output of class probabilities (one column per class, each row summing to 1), not scores, logits or one-hot labels.';
    await expect(predictPositive({ rootDir: s.dir, model, table })).rejects.toThrow(expected);
    await expect(predictMatrix({ rootDir: s.dir, model, table })).rejects.toThrow(expected);
    // Float32 rounding (0.3 + 0.7 in float32) stays inside the tolerance.
    const ok = await predictMatrix({
      rootDir: s.dir,
      model: cfg('identity.onnx', { features: ['a', 'c'] }),
      table,
    });
    expect(ok.k).toBe(2);
  });

  it('model.label: the label output must name the class of the highest probability', async () => {
    // Columns n, p = 1 − p, p. labelled.onnx: label = argmax, agrees everywhere.
    const table = await csvTable(s.dir, 'labels.csv');
    const model = (file: string, label = 'label') => cfg(file, { features: ['n', 'p'], label });
    const p = await predictPositive({ rootDir: s.dir, model: model('labelled.onnx'), table });
    expect([...p]).toEqual([0.1, 0.3, 0.45, 0.6, 0.9].map((v) => Math.fround(v)));
    expect((await predictMatrix({ rootDir: s.dir, model: model('labelled.onnx'), table })).k).toBe(2);
    // mislabelled.onnx: label = argmax(n − 0.3, p). Row 3 (n 0.55, p 0.45): highest probability in column 0,
    // label argmax(0.25, 0.45) = 1; rows 1, 2 taught column 0 → "0", rows 4, 5 column 1 → "1".
    const expected =
      'mislabelled.onnx: outputs "label" (model.label) and "probabilities" (model.probabilities) disagree: 1 of 5 rows of labels.csv have a label that is not the class of their highest probability (rows 3; e.g. row 3: highest column 0, label "1"). Learned: column 0 → "0" (from row 1), column 1 → "1" (from row 4). The exported graph is inconsistent, or model.label/model.probabilities name the wrong outputs.';
    const error = await predictPositive({ rootDir: s.dir, model: model('mislabelled.onnx'), table }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ModelOutputError);
    expect((error as Error).message).toBe(expected);
    await expect(predictMatrix({ rootDir: s.dir, model: model('mislabelled.onnx'), table })).rejects.toThrow(
      expected,
    );
    // One label for two columns (the onnxruntime TreeEnsembleClassifier pitfall: label 1 whenever P(1) > 0).
    const two = await csvTable(s.dir, 'labels-two.csv');
    await expect(
      predictPositive({ rootDir: s.dir, model: model('mislabelled.onnx'), table: two }),
    ).rejects.toThrow(
      'disagree: on labels-two.csv, label "1" goes with probability column 0 on row 1 but with column 1 on row 2.',
    );
    await expect(
      predictPositive({ rootDir: s.dir, model: model('identity.onnx', 'nope'), table }),
    ).rejects.toThrow(
      'identity.onnx: the model has no output "nope" (model.label); its outputs are: "probabilities". Set model.label to the output of predicted labels, or remove it.',
    );
  });

  it('a 1-D output is refused at run time when the model does not declare its shape', async () => {
    const table = await csvTable(s.dir, 'complete.csv');
    await expect(predictPositive({ rootDir: s.dir, model: cfg('flat.onnx'), table })).rejects.toThrow(
      /flat\.onnx: output "probabilities" came back with shape \[4\] for 2 input row\(s\); regops needs class probabilities as a 2-D \[N, k\] tensor/,
    );
  });
});
