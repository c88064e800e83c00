import type { ColumnNeed, RegopsConfig } from '@regops/core';

/** The dataset a model check runs on: the configured one, or the single dataset with role `test`. */
export function evalDataset(dataset: string | undefined, project: RegopsConfig): string | null {
  if (dataset !== undefined) return dataset in project.datasets ? dataset : null;
  const tests = Object.entries(project.datasets).filter(([, ds]) => ds.role === 'test');
  return tests.length === 1 ? (tests[0]?.[0] ?? null) : null;
}

/** Every model feature on the evaluated dataset, named by its place in model.features. */
export function featureColumns(dataset: string | undefined, project: RegopsConfig): ColumnNeed[] {
  const ds = evalDataset(dataset, project);
  if (ds === null) return [];
  return (project.model?.features ?? []).map((column, k) => ({
    dataset: ds,
    column,
    field: ['model', 'features', k],
  }));
}

/** The model features and the target column on the evaluated dataset (what a labelled model check reads). */
export function labelledColumns(dataset: string | undefined, project: RegopsConfig): ColumnNeed[] {
  const needs = featureColumns(dataset, project);
  const ds = evalDataset(dataset, project);
  if (ds !== null && project.target)
    needs.push({ dataset: ds, column: project.target.column, field: ['target', 'column'] });
  return needs;
}
