import type { Check, CheckEntry, CheckResult, RegopsConfig, RunContext } from '@regops/core';
import type { DatasetSource, RowVisitor } from './types';

/** What a streaming check's visitor is given besides the rows. */
export interface VisitContext {
  source: DatasetSource;
  project: RegopsConfig;
  /** Directory of regops.yml: the base of every path in the config. */
  rootDir: string;
}

/** What a streaming check's `finish` is given: per dataset, its visitor state and its sensitive columns. */
export interface FinishContext<S> {
  ctx: RunContext;
  /** By dataset name, in the order `datasets()` returned them. */
  states: Map<string, S>;
  /** By dataset name: columns whose values must never be shown (declared in privacy.sensitive or flagged as PHI). */
  sensitive: Map<string, Set<string>>;
  /** By dataset name: path (config-relative) and header. */
  sources: Map<string, { path: string; header: string[] }>;
}

/**
 * A data check that sees each of its datasets row by row, in the one shared pass per dataset (with the
 * profile and the PHI scan), so memory stays bounded however big the file is. `defineStreamingCheck` turns it
 * into an ordinary Check whose `run` collects the states from `ctx.services.scan()` and calls `finish`.
 */
export interface StreamingCheck<C extends CheckEntry, S> extends Omit<Check<C>, 'run' | 'stage'> {
  /** Dataset names this entry reads (already validated to exist). */
  datasets(cfg: C, project: RegopsConfig): string[];
  visitor(cfg: C, v: VisitContext): RowVisitor & { state(): S };
  finish(cfg: C, f: FinishContext<S>): Promise<CheckResult[]> | CheckResult[];
}

/** Key of a check's state in ScanResult.byCheck. */
export const stateKey = (checkId: string) => `check:${checkId}`;
/** Key of the PHI scan's findings and of the sensitive column list in ScanResult.byCheck. */
export const PHI_KEY = '#phi';
export const SENSITIVE_KEY = '#sensitive';
export const SOURCE_KEY = '#source';

const registry = new Map<string, StreamingCheck<CheckEntry, unknown>>();

/** The streaming checks by type, for the scanner that builds their visitors. */
export function streamingCheck(type: string): StreamingCheck<CheckEntry, unknown> | undefined {
  return registry.get(type);
}

export function defineStreamingCheck<C extends CheckEntry, S>(def: StreamingCheck<C, S>): Check<C> {
  registry.set(def.type, def as unknown as StreamingCheck<CheckEntry, unknown>);
  return {
    ...def,
    stage: 'data',
    async run(ctx, cfg) {
      const states = new Map<string, S>();
      const sensitive = new Map<string, Set<string>>();
      const sources = new Map<string, { path: string; header: string[] }>();
      for (const ds of def.datasets(cfg, ctx.config)) {
        const scan = await ctx.services.scan(ds);
        states.set(ds, scan.byCheck.get(stateKey(cfg.id)) as S);
        sensitive.set(ds, new Set((scan.byCheck.get(SENSITIVE_KEY) as string[] | undefined) ?? []));
        sources.set(ds, scan.byCheck.get(SOURCE_KEY) as { path: string; header: string[] });
      }
      return def.finish(cfg, { ctx, states, sensitive, sources });
    },
  };
}
