import path from 'node:path';
import { displayPath, InputError, type RegopsConfig, type ScanResult, type Table } from '@regops/core';
import { PhiScanner } from './phi';
import { ProfileBuilder } from './profile';
import { openSource } from './readers';
import { PHI_KEY, SENSITIVE_KEY, SOURCE_KEY, stateKey, streamingCheck } from './stream-check';
import { readTable } from './table';
import type { DatasetSource, RowVisitor, SourceSpec } from './types';

export interface DataServices {
  loadTable(name: string): Promise<Table>;
  scan(name: string): Promise<ScanResult>;
  header(name: string): Promise<string[]>;
}

/** Names of the columns flagged by the PHI scan (its findings are a list of `{ column }`). */
function flaggedColumns(findings: unknown): string[] {
  return Array.isArray(findings) ? findings.map((f) => String((f as { column: string }).column)) : [];
}

/**
 * Datasets of one run: each file is opened from the config's spec; `scan(name)` makes ONE streaming pass
 * that feeds the profile, the PHI scan and the visitor of every enabled streaming data check that reads
 * the dataset; `loadTable` keeps the whole file in memory for model inference and drift.
 */
export function createDataServices(config: RegopsConfig, rootDir: string): DataServices {
  const tables = new Map<string, Promise<Table>>();
  const scans = new Map<string, Promise<ScanResult>>();
  const sources = new Map<string, Promise<DatasetSource>>();

  const spec = (name: string): SourceSpec => {
    const ds = config.datasets[name];
    if (!ds) throw new InputError(`no dataset named "${name}" under datasets: in the config`);
    const absPath = path.resolve(rootDir, ds.path);
    return {
      name,
      absPath,
      path: ds.path,
      display: displayPath(absPath),
      ...(ds.format ? { format: ds.format } : {}),
      ...(ds.delimiter ? { delimiter: ds.delimiter } : {}),
      naValues: ds.na_values,
    };
  };
  const source = (name: string) => {
    let s = sources.get(name);
    if (!s) {
      s = openSource(spec(name));
      sources.set(name, s);
    }
    return s;
  };

  async function scanOnce(name: string): Promise<ScanResult> {
    const src = await source(name);
    const profile = new ProfileBuilder(name, src.header);
    const phi = new PhiScanner(src.header, {});
    const checks: { id: string; visitor: RowVisitor & { state(): unknown } }[] = [];
    for (const entry of config.checks) {
      if (!entry.enabled) continue;
      const def = streamingCheck(entry.type);
      if (!def?.datasets(entry, config).includes(name)) continue;
      checks.push({ id: entry.id, visitor: def.visitor(entry, { source: src, project: config, rootDir }) });
    }
    const visitors: RowVisitor[] = [profile, phi, ...checks.map((c) => c.visitor)];
    for await (const batch of src.batches()) {
      for (const v of visitors) v.batch(batch);
    }
    const findings = phi.findings();
    // Columns flagged by a data.phi entry's own (stricter) scan are masked everywhere too.
    const ownPhi = checks.filter((c) => config.checks.find((e) => e.id === c.id)?.type === 'data.phi');
    const sensitive = new Set(
      [
        ...config.privacy.sensitive,
        ...config.privacy.allow_phi,
        ...flaggedColumns(findings),
        ...ownPhi.flatMap((c) => flaggedColumns(c.visitor.state())),
      ].filter((c) => src.header.includes(c)),
    );
    const byCheck = new Map<string, unknown>([
      [PHI_KEY, findings],
      [SENSITIVE_KEY, [...sensitive]],
      [SOURCE_KEY, { path: src.path, header: src.header }],
    ]);
    for (const c of checks) byCheck.set(stateKey(c.id), c.visitor.state());
    return { profile: profile.finish(sensitive), byCheck };
  }

  return {
    loadTable(name) {
      let t = tables.get(name);
      if (!t) {
        t = readTable(spec(name));
        tables.set(name, t);
      }
      return t;
    },
    scan(name) {
      let s = scans.get(name);
      if (!s) {
        s = scanOnce(name);
        scans.set(name, s);
      }
      return s;
    },
    async header(name) {
      return (await source(name)).header;
    },
  };
}
