import type { DatasetProfile } from '@regops/core';
import { stringify } from 'yaml';

const MAX_ALLOWED = 20;

function yamlScalar(v: string | number | boolean): string {
  return stringify(v, { lineWidth: 0 }).trimEnd();
}

/**
 * A schema for `data.schema` inferred from a profile, as YAML text for a person to review and commit
 * (types, nullability, observed ranges, category lists). Sensitive columns get a type only: their values
 * never reach the file.
 */
export function inferSchema(profile: DatasetProfile, source: string): string {
  const lines = [
    `# Schema inferred by regops from ${source} (${profile.rows} rows).`,
    '# Review every line before you commit it: ranges and categories are what this file happened to contain,',
    '# not what is clinically valid. Use it as `columns:` of a data.schema check, or point `schema:` at this file.',
    'columns:',
  ];
  for (const c of profile.columns) {
    const type = c.inferred_type === 'empty' ? 'string' : c.inferred_type;
    const fields: string[] = [`type: ${type}`];
    if (c.missing === 0) fields.push('nullable: false');
    const notes: string[] = [];
    if (c.missing > 0) notes.push(`${c.missing} of ${profile.rows} missing`);
    if (c.sensitive) {
      notes.push('sensitive: values withheld');
    } else if (c.numeric && (type === 'integer' || type === 'number')) {
      fields.push(`min: ${yamlScalar(c.numeric.min)}`, `max: ${yamlScalar(c.numeric.max)}`);
    } else if (
      c.top &&
      c.distinct.exact &&
      c.distinct.value <= MAX_ALLOWED &&
      type !== 'integer' &&
      type !== 'number'
    ) {
      const values = c.top.map((t) => t.value).sort();
      if (values.length === c.distinct.value)
        fields.push(`allowed: [${values.map((v) => yamlScalar(v)).join(', ')}]`);
    }
    if (c.inferred_type === 'empty') notes.push('no values: type is a guess');
    lines.push(
      `  ${yamlScalar(c.name)}: { ${fields.join(', ')} }${notes.length ? `  # ${notes.join('; ')}` : ''}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
