import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ModelConfig, ModelConfig as ModelConfigSchema, type Table } from '@regops/core';
import { readCsvTable } from '@regops/data';

export const REPO = path.resolve(import.meta.dirname, '../../..');
export const PIMA = path.join(REPO, 'examples/pima-diabetes');
export const MODELS = ['pima_hgb_candidate', 'pima_logreg_baseline'] as const;
export type ModelName = (typeof MODELS)[number];

export interface Sidecar {
  sha256: string;
  size_bytes: number;
  inputs: { name: string; dtype: string; shape: (number | string)[]; columns: string[] }[];
  outputs: { name: string; dtype: string; shape: (number | string)[] }[];
  target: { column: string; positive_value: string };
  onnx: { ir_version: number; opset_imports: Record<string, number>; producer_name: string };
  metrics: { test: Record<string, number> };
}

export function sidecar(model: ModelName): Sidecar {
  return JSON.parse(readFileSync(path.join(PIMA, 'models', `${model}.json`), 'utf8')) as Sidecar;
}

export const FEATURES = sidecar('pima_hgb_candidate').inputs[0]?.columns ?? [];

/** model: section as the config would hold it (paths relative to examples/pima-diabetes). */
export function modelConfig(model: ModelName, over: Partial<ModelConfig> = {}): ModelConfig {
  return ModelConfigSchema.parse({
    path: `models/${model}.onnx`,
    input: 'float_input',
    features: FEATURES,
    ...over,
  });
}

export function loadPima(split: 'train' | 'test' | 'shifted'): Promise<Table> {
  const rel = `data/${split}.csv`;
  return readCsvTable({
    name: split,
    absPath: path.join(PIMA, rel),
    path: rel,
    delimiter: ',',
    naValues: ['', 'NA'],
  });
}

/** sklearn's float64 P(pos) per row of test.csv. */
export function referenceP1(model: ModelName): Float64Array {
  const text = readFileSync(path.join(REPO, 'test/fixtures/pima', `${model}.test_proba.csv`), 'utf8');
  const [head, ...rows] = text.trim().split(/\r?\n/);
  const col = (head ?? '').split(',').indexOf('p1');
  return Float64Array.from(rows, (r) => Number(r.split(',')[col]));
}

/** A scratch directory with the given files; remove it with `cleanup`. */
export function scratch(files: Record<string, string | Uint8Array>): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'regops-model-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function csvTable(dir: string, name: string): Promise<Table> {
  return readCsvTable({
    name,
    absPath: path.join(dir, name),
    path: name,
    delimiter: ',',
    naValues: ['', 'NA'],
  });
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs((a[i] as number) - (b[i] as number)));
  return m;
}
