import { InputError } from '@regops/core';
import { makeTable } from '@regops/data';
import { describe, expect, it } from 'vitest';
import { auroc, confusionAt, countPositive, labelsFromTable } from '../src';

/** AUROC by definition: P(score of a positive > score of a negative), ties counting one half. */
function pairwiseAuroc(scores: number[], labels: number[]): number {
  let wins = 0;
  let pairs = 0;
  scores.forEach((sp, i) => {
    if (labels[i] !== 1) return;
    scores.forEach((sn, j) => {
      if (labels[j] !== 0) return;
      pairs++;
      wins += sp > sn ? 1 : sp === sn ? 0.5 : 0;
    });
  });
  return wins / pairs;
}

/** Small deterministic PRNG (mulberry32) for the randomized comparison. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('auroc', () => {
  it('hand case without ties (sklearn docs example)', () => {
    // Pairs (pos, neg): (0.35,0.1) win, (0.35,0.4) loss, (0.8,0.1) win, (0.8,0.4) win → 3/4.
    expect(auroc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
  });

  it('hand case with ties', () => {
    // Positives 0.5, 0.5, 0.9; negatives 0.2, 0.5. Each positive 0.5: beats 0.2 (1) + ties 0.5 (½) = 1.5;
    // 0.9 beats both (2). (1.5 + 1.5 + 2) / (3 × 2) = 5/6.
    expect(auroc([0.2, 0.5, 0.5, 0.5, 0.9], [0, 0, 1, 1, 1])).toBeCloseTo(5 / 6, 15);
    // Ranks: 0.3→1, 0.6 ×3 → 3 each, 0.7→5; positives at ranks 3 and 5: U = 8 − 3 = 5, over 2 × 3 = 6.
    expect(auroc([0.6, 0.3, 0.6, 0.7, 0.6], [1, 0, 0, 1, 0])).toBeCloseTo(5 / 6, 15);
    // Everything tied: chance.
    expect(auroc([0.4, 0.4, 0.4, 0.4], [1, 0, 1, 0])).toBe(0.5);
    // Perfectly inverted.
    expect(auroc([0.9, 0.8, 0.1], [0, 0, 1])).toBe(0);
  });

  it('equals the pairwise definition on random data with many ties', () => {
    const next = rng(42);
    for (let trial = 0; trial < 50; trial++) {
      const n = 2 + Math.floor(next() * 60);
      const scores = Array.from({ length: n }, () => Math.round(next() * 10) / 10);
      const labels = Array.from({ length: n }, () => (next() < 0.4 ? 1 : 0));
      labels[0] = 1;
      labels[1] = 0;
      expect(auroc(scores, labels)).toBeCloseTo(pairwiseAuroc(scores, labels), 12);
      expect(auroc(Float64Array.from(scores), Uint8Array.from(labels))).toBe(auroc(scores, labels));
    }
  });

  it('throws when one class is absent, a score is NaN, or the lengths differ', () => {
    expect(() => auroc([0.1, 0.2], [1, 1])).toThrow(/only one class present \(2 positive, 0 negative\)/);
    expect(() => auroc([0.1, 0.2], [0, 0])).toThrow(/only one class/);
    expect(() => auroc([], [])).toThrow(/only one class/);
    expect(() => auroc([0.1, Number.NaN], [0, 1])).toThrow(/score 2 is NaN/);
    expect(() => auroc([0.1], [0, 1])).toThrow(/1 score\(s\) but 2 label\(s\)/);
    expect(() => auroc([0.1, 0.2], [0, 2])).toThrow(/expected 0 or 1/);
  });
});

describe('confusionAt', () => {
  it('hand case: positive iff score ≥ threshold', () => {
    // score: 0.9 0.6 0.5 0.4 0.2 0.7 ; label: 1 0 1 1 0 0 ; at 0.5 → TP 0.9, 0.5 (equal counts);
    // FP 0.6, 0.7; FN 0.4; TN 0.2.
    const c = confusionAt([0.9, 0.6, 0.5, 0.4, 0.2, 0.7], [1, 0, 1, 1, 0, 0], 0.5);
    expect(c).toEqual({
      threshold: 0.5,
      n: 6,
      tp: 2,
      fp: 2,
      tn: 1,
      fn: 1,
      sensitivity: 2 / 3,
      specificity: 1 / 3,
      ppv: 0.5,
      npv: 0.5,
      accuracy: 0.5,
    });
  });

  it('rates are null when undefined', () => {
    const none = confusionAt([0.1, 0.2, 0.3], [1, 0, 1], 0.9);
    expect(none.ppv).toBeNull();
    expect(none.npv).toBe(1 / 3);
    expect(none.sensitivity).toBe(0);
    const all = confusionAt([0.1, 0.2], [1, 1], 0);
    expect(all.specificity).toBeNull();
    expect(all.npv).toBeNull();
    expect(all.sensitivity).toBe(1);
    const empty = confusionAt([], [], 0.5);
    expect(empty.accuracy).toBeNull();
    expect(() => confusionAt([Number.NaN], [1], 0.5)).toThrow(/NaN/);
    expect(() => confusionAt([0.5], [1], Number.NaN)).toThrow(/threshold/);
  });
});

describe('labelsFromTable', () => {
  const table = (cells: (string | null)[]) =>
    makeTable(
      'test',
      'data/test.csv',
      ['glucose', 'diabetes'],
      [cells.map(() => '120'), cells],
      cells.length,
    );

  it('codes the positive value as 1 and everything else as 0', () => {
    const labels = labelsFromTable(table(['pos', 'neg', ' pos ', 'neg']), {
      column: 'diabetes',
      positive: 'pos',
    });
    expect([...labels]).toEqual([1, 0, 1, 0]);
    expect(countPositive(labels)).toBe(2);
  });

  it('rejects a third label, and labels outside target.positive/negative', () => {
    expect(() =>
      labelsFromTable(table(['pos', 'neg', 'Neg', 'pos']), { column: 'diabetes', positive: 'pos' }),
    ).toThrow(
      'data/test.csv: column "diabetes" (target.column) holds more than two distinct labels (first other label at rows 3); binary metrics need exactly target.positive "pos" and one negative label: set target.negative to name it, or fix those rows',
    );
    expect(() =>
      labelsFromTable(table(['pos', 'neg', 'unknown']), {
        column: 'diabetes',
        positive: 'pos',
        negative: 'neg',
      }),
    ).toThrow(
      'data/test.csv: column "diabetes" (target.column): 1 row(s) hold a label that is neither target.positive "pos" nor target.negative "neg" (rows 3); fix those rows or the target section',
    );
  });

  it('matches numeric labels by value', () => {
    const labels = labelsFromTable(table(['1', '0', '1.0', '0.0']), { column: 'diabetes', positive: '1' });
    expect([...labels]).toEqual([1, 0, 1, 0]);
  });

  it('a missing label names file, row and column, and no cell value', () => {
    const t = table(['secret-pos', null, 'neg', null]);
    const run = () => labelsFromTable(t, { column: 'diabetes', positive: 'secret-pos' });
    expect(run).toThrow(InputError);
    expect(run).toThrow(
      'data/test.csv: row 2, column "diabetes" (target.column): the label is missing (2 rows without a label: 2, 4). Model metrics need a label on every row: fill it in or remove the row.',
    );
    try {
      run();
    } catch (e) {
      expect((e as Error).message).not.toMatch(/secret|neg|120/);
    }
  });

  it('a missing target column is an InputError listing the columns', () => {
    expect(() => labelsFromTable(table(['pos']), { column: 'outcome', positive: 'pos' })).toThrow(
      /column "outcome" not found; the file's columns are: glucose, diabetes/,
    );
  });
});
