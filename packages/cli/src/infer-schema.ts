import path from 'node:path';
import { displayPath } from '@regops/core';
import { type DataFormat, inferSchema, openSource, PhiScanner, ProfileBuilder } from '@regops/data';

/** `regops data infer-schema`: profile one file in a streaming pass and render its schema as YAML. */
export async function inferSchemaFile(
  file: string,
  opts: { format?: string; delimiter?: string; na?: string[]; sensitive?: string[] },
): Promise<string> {
  const abs = path.resolve(file);
  const source = await openSource({
    name: path.basename(file),
    absPath: abs,
    path: file,
    display: displayPath(abs),
    ...(opts.format ? { format: opts.format as DataFormat } : {}),
    ...(opts.delimiter ? { delimiter: opts.delimiter } : {}),
    naValues: opts.na ?? ['', 'NA'],
  });
  const profile = new ProfileBuilder(source.name, source.header);
  const phi = new PhiScanner(source.header, {});
  for await (const batch of source.batches()) {
    profile.batch(batch);
    phi.batch(batch);
  }
  const sensitive = new Set([...(opts.sensitive ?? []), ...phi.findings().map((f) => f.column)]);
  return inferSchema(profile.finish(sensitive), file);
}
