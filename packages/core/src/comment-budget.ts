/**
 * The sticky comment shared by the GitHub and GitLab adapters: the hidden marker that identifies it, the
 * choice of which existing comment to update, and the size budget. Only the transport differs per platform.
 */

// ---------------------------------------------------------------------------------------------------------
// Marker

export interface CommentMarker {
  /** The action that owns the comment: regops (umbrella), data-check, model-test, drift, gate, … */
  action: string;
  /** Tells apart several comments of one action on one change (e.g. one per regops.yml). */
  key: string;
}

/** What a bare legacy marker `<!-- regops:comment -->` (no attributes) stands for: the umbrella action's comment. */
export const LEGACY_MARKER: Readonly<CommentMarker> = Object.freeze({ action: 'regops', key: 'default' });

const SAFE = /[A-Za-z0-9._~/:@+-]/;

function encodeValue(value: string): string {
  let out = '';
  for (const ch of value) {
    out += SAFE.test(ch)
      ? ch
      : Array.from(
          new TextEncoder().encode(ch),
          (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
        ).join('');
  }
  return out;
}

function decodeValue(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/**
 * `<!-- regops:comment action=<a> key=<k> -->`. Values are percent-encoded outside `A-Za-z0-9._~/:@+-`, so any
 * key (a path with spaces, a branch name) round-trips and can never close the comment early.
 */
export function formatMarker(marker: CommentMarker): string {
  if (marker.action === '' || marker.key === '') {
    throw new TypeError('a comment marker needs a non-empty action and key');
  }
  return `<!-- regops:comment action=${encodeValue(marker.action)} key=${encodeValue(marker.key)} -->`;
}

const MARKER_AT_START = /^\s*<!--\s*regops:comment\b((?:(?!-->)[\s\S])*)-->/i;
const ATTRIBUTE = /([A-Za-z_][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))/g;

/**
 * The marker at the very start of `text` (leading whitespace, extra spaces, quoted values and attribute order
 * tolerated); null when the text does not start with one. A bare `<!-- regops:comment -->` is LEGACY_MARKER.
 */
export function parseMarker(text: string): CommentMarker | null {
  const m = MARKER_AT_START.exec(text.replace(/^\uFEFF/, ''));
  if (!m) return null;
  const attrs = m[1] ?? '';
  const values: Record<string, string> = {};
  for (const a of attrs.matchAll(ATTRIBUTE)) {
    const raw = a[2] ?? a[3] ?? a[4] ?? '';
    const value = decodeValue(raw);
    if (value === null) return null;
    values[(a[1] ?? '').toLowerCase()] = value;
  }
  const leftover = attrs.replace(ATTRIBUTE, '').trim();
  if (leftover !== '') return null;
  if (values.action === undefined && values.key === undefined) return { ...LEGACY_MARKER };
  if (!values.action || !values.key) return null;
  return { action: values.action, key: values.key };
}

export function sameMarker(a: CommentMarker, b: CommentMarker): boolean {
  return a.action === b.action && a.key === b.key;
}

const FORGED = /<!--(\s*regops:)/gi;

/**
 * Makes every `<!-- regops:` in user-influenced text inert (`&lt;!-- regops:`, shown as text), so a body can
 * never carry a second marker that a parser could mistake for ours. Idempotent.
 */
export function neutralizeMarkers(text: string): string {
  return text.replace(FORGED, '&lt;!--$1');
}

/**
 * The comment body to post: our marker first, then `body` with any marker it starts with (the documents'
 * `<!-- regops:comment -->`) removed and every other one neutralised.
 */
export function composeComment(marker: CommentMarker, body: string): string {
  const stripped = body
    .replace(/^\uFEFF/, '')
    .replace(MARKER_AT_START, '')
    .replace(/^[ \t]*\r?\n/, '');
  return `${formatMarker(marker)}\n${neutralizeMarkers(stripped)}`;
}

// ---------------------------------------------------------------------------------------------------------
// Finding the sticky comment

export interface CommentLike {
  id: string | number;
  /** Login of the author; null for a deleted ("ghost") user. */
  author: string | null;
  body: string;
  /** ISO 8601. */
  createdAt: string;
}

export interface StickyMatch<T extends CommentLike> {
  /** The comment to update: the oldest by one of our identities that starts with the marker; null: create one. */
  sticky: T | null;
  /** Further comments of ours with the same marker, oldest first: delete them or leave them alone. */
  duplicates: T[];
  /** Comments that start with the marker but were written by someone else: never touched, worth a log line. */
  foreign: T[];
}

/**
 * Picks the comment to update. It must start with `marker` (parsed, so whitespace differences do not matter)
 * AND be written by one of `botLogins` (compared case-insensitively; pass every form the API may return, e.g.
 * `github-actions[bot]`). An empty `botLogins` matches nothing: the adapter must know who it posts as.
 */
export function findSticky<T extends CommentLike>(
  comments: readonly T[],
  options: { marker: CommentMarker; botLogins: readonly string[] },
): StickyMatch<T> {
  const bots = new Set(options.botLogins.map((l) => l.toLowerCase()));
  const ours: { c: T; i: number }[] = [];
  const foreign: T[] = [];
  comments.forEach((c, i) => {
    const m = parseMarker(c.body);
    if (!m || !sameMarker(m, options.marker)) return;
    if (c.author !== null && bots.has(c.author.toLowerCase())) ours.push({ c, i });
    else foreign.push(c);
  });
  ours.sort((a, b) => compareTime(a.c.createdAt, b.c.createdAt) || compareId(a.c.id, b.c.id) || a.i - b.i);
  const [first, ...rest] = ours;
  return { sticky: first?.c ?? null, duplicates: rest.map((x) => x.c), foreign };
}

function compareTime(a: string, b: string): number {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return Number.isNaN(ta) ? (Number.isNaN(tb) ? 0 : 1) : -1;
  return ta - tb;
}

function compareId(a: string | number, b: string | number): number {
  const na = Number(a);
  const nb = Number(b);
  if (Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------------------
// Size budget

export interface BudgetOptions {
  /** Largest allowed size (e.g. PLATFORM_LIMITS.githubComment). */
  limit: number;
  /** Where the full report is (artifact or job page); null: named as the run's report.html. */
  reportUrl: string | null;
  /** How size is counted: UTF-16 code units (GitHub, GitLab) or UTF-8 bytes (the GitHub job summary). */
  unit?: 'utf16' | 'utf8';
}

export interface BudgetResult {
  markdown: string;
  /** The size of `markdown` in the unit asked for. */
  size: number;
  /** The steps that were needed, in order; [] when the comment fitted as it was. */
  steps: BudgetStep[];
}

export type BudgetStep =
  | 'collapse-passed'
  | 'collapse-details'
  | 'collapse-warnings'
  | 'trim-warnings'
  | 'trim-failures'
  | 'hard-cut';

function percentEncodeUnsafe(url: string): string {
  return url.replace(
    /[\s()<>[\]\\`]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** The line every budgeted comment ends with. */
export function reportLinkLine(reportUrl: string | null): string {
  return reportUrl === null
    ? '📄 Full report: `report.html` in the artifacts of this run'
    : `📄 [Full report](${percentEncodeUnsafe(reportUrl)})`;
}

function seeReport(reportUrl: string | null): string {
  return reportUrl === null
    ? 'see the full report'
    : `[see the full report](${percentEncodeUnsafe(reportUrl)})`;
}

/** A prefix of at most `n` code units that does not end in the first half of a surrogate pair. */
export function safeSlice(text: string, n: number): string {
  if (n >= text.length) return text;
  if (n <= 0) return '';
  const last = text.charCodeAt(n - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? n - 1 : n);
}

type SectionKind = 'failures' | 'warnings' | 'drift' | 'reasons' | 'other';

type Block =
  | { kind: 'marker'; lines: string[] }
  | { kind: 'details'; passed: boolean; summary: string; lines: string[] }
  | { kind: 'list'; section: SectionKind; items: string[][] }
  | { kind: 'lines'; lines: string[] };

/** Which list a heading or label line introduces (the headings of the comment templates). */
function sectionOf(line: string): SectionKind | null {
  if (/^#{1,6}\s/.test(line)) {
    if (/^#{1,6}\s+Failures\b/i.test(line)) return 'failures';
    if (/^#{1,6}\s+Warnings\b/i.test(line)) return 'warnings';
    if (/^#{1,6}\s+Drift\b/i.test(line)) return 'drift';
    return 'other';
  }
  if (/^\*\*Gate reasons\*\*/.test(line)) return 'reasons';
  return null;
}

const ITEM = /^[-*+] /;
const INDENTED = /^[ \t]+\S/;

function parseBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let section: SectionKind = 'other';
  let plain: string[] = [];
  const flush = () => {
    if (plain.length > 0) blocks.push({ kind: 'lines', lines: plain });
    plain = [];
  };
  let i = 0;
  if (lines.length > 0 && parseMarker(lines[0] ?? '') !== null) {
    blocks.push({ kind: 'marker', lines: [lines[0] ?? ''] });
    i = 1;
  }
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const s = sectionOf(line);
    if (s !== null) section = s;
    const open = /^<details>\s*<summary>(.*?)<\/summary>/i.exec(line);
    if (open) {
      let j = i + 1;
      let depth = detailsDepth(line);
      while (depth > 0 && j < lines.length) depth += detailsDepth(lines[j++] ?? '');
      if (depth === 0) {
        flush();
        const summary = (open[1] ?? '').replace(/<[^>]*>/g, '').trim();
        blocks.push({
          kind: 'details',
          passed: /\bpassed\b/i.test(summary),
          summary,
          lines: lines.slice(i, j),
        });
        i = j;
        continue;
      }
    }
    if (ITEM.test(line)) {
      flush();
      const items: string[][] = [];
      while (i < lines.length && ITEM.test(lines[i] ?? '')) {
        const item = [lines[i] ?? ''];
        i++;
        while (i < lines.length) {
          const l = lines[i] ?? '';
          if (INDENTED.test(l)) {
            item.push(l);
            i++;
            continue;
          }
          if (l.trim() === '') {
            let k = i;
            while (k < lines.length && (lines[k] ?? '').trim() === '') k++;
            if (k < lines.length && INDENTED.test(lines[k] ?? '')) {
              item.push(...lines.slice(i, k));
              i = k;
              continue;
            }
          }
          break;
        }
        items.push(item);
      }
      blocks.push({ kind: 'list', section, items });
      continue;
    }
    plain.push(line);
    i++;
  }
  flush();
  return blocks;
}

function render(blocks: Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'list') for (const item of b.items) out.push(...item);
    else out.push(...b.lines);
  }
  return out;
}

/** `<details>` opened minus closed on one line. */
function detailsDepth(line: string): number {
  return (line.match(/<details\b/gi)?.length ?? 0) - (line.match(/<\/details>/gi)?.length ?? 0);
}

function isTableRow(line: string): boolean {
  return /^\s*\|/.test(line);
}

function isTableDelimiter(line: string): boolean {
  return /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/.test(line) && line.includes('-');
}

/**
 * Fits a RegOps comment into `limit`, in this order, each step only while it is still too long:
 *  1. the `<details>` table of passed results becomes one line ("N passed · M skipped — see the full report"),
 *     then any other `<details>` block (e.g. all rules of the change control plan) likewise;
 *  2. warnings (and drift items) collapse to their first line each;
 *  3. the warnings list, then the failures and gate-reason lists keep their first K items with "… and M more";
 *  4. a hard cut at a line boundary (never inside a table row, a surrogate pair or an open `<details>`).
 * The marker stays the first line, `<!-- regops:` elsewhere is neutralised, and the output always ends with the
 * report link line (appended once: a body that already ends with it is left as it is when it fits).
 */
export function fitToBudget(markdown: string, options: BudgetOptions): BudgetResult {
  const measure =
    options.unit === 'utf8' ? (s: string) => Buffer.byteLength(s, 'utf8') : (s: string) => s.length;
  const link = reportLinkLine(options.reportUrl);
  const see = seeReport(options.reportUrl);
  const steps: BudgetStep[] = [];

  // The marker line stays as it is; everything after it has any other marker neutralised.
  const newline = markdown.indexOf('\n');
  const firstLine = newline < 0 ? markdown : markdown.slice(0, newline);
  const markerFirst = parseMarker(firstLine) !== null;
  const head = markerFirst ? firstLine.replace(/\r$/, '') : null;
  let body = neutralizeMarkers(
    markerFirst ? (newline < 0 ? '' : markdown.slice(newline + 1)) : markdown,
  ).trimEnd();
  // The link line already closing the body (an earlier pass) is not appended twice.
  if (body === link) body = '';
  else if (body.endsWith(`\n${link}`)) body = body.slice(0, -link.length).trimEnd();

  const fits = (text: string) => measure(text) <= options.limit;
  const withLink = (content: string) => (content === '' ? link : `${content}\n\n${link}`);
  let text = withLink(head === null ? body : body === '' ? head : `${head}\n${body}`);
  if (fits(text)) return { markdown: text, size: measure(text), steps };

  const assemble = (lines: string[]): string =>
    withLink(
      lines
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trimEnd(),
    );
  const headLines = head === null ? [] : [head];
  let blocks = parseBlocks([...headLines, ...(body === '' ? [] : body.replace(/\r\n?/g, '\n').split('\n'))]);

  const minimal = assemble([...headLines, '', `_This comment was cut to fit ${options.limit} characters._`]);
  if (!fits(minimal)) {
    throw new RangeError(
      `a comment limit of ${options.limit} cannot hold even the marker and the report link`,
    );
  }

  const attempt = (step: BudgetStep, next: Block[]): boolean => {
    blocks = next;
    text = assemble(render(blocks));
    steps.push(step);
    return fits(text);
  };

  // 1. Passed results, then other <details> blocks, become one line each.
  const collapseDetails = (b: Block, passed: boolean): Block =>
    b.kind === 'details' && b.passed === passed
      ? { kind: 'lines', lines: [`${b.passed ? '✅ ' : ''}${b.summary} — ${see}.`, ''] }
      : b;
  if (blocks.some((b) => b.kind === 'details' && b.passed)) {
    if (
      attempt(
        'collapse-passed',
        blocks.map((b) => collapseDetails(b, true)),
      )
    )
      return done();
  }
  if (blocks.some((b) => b.kind === 'details')) {
    if (
      attempt(
        'collapse-details',
        blocks.map((b) => collapseDetails(b, false)),
      )
    )
      return done();
  }

  // 2. Warnings (and drift items with their column tables) collapse to one line each.
  const collapsible = (b: Block) => b.kind === 'list' && (b.section === 'warnings' || b.section === 'drift');
  if (blocks.some((b) => collapsible(b) && b.kind === 'list' && b.items.some((it) => it.length > 1))) {
    const next = blocks.map((b) =>
      b.kind === 'list' && collapsible(b) ? { ...b, items: b.items.map((it) => [it[0] ?? '']) } : b,
    );
    if (attempt('collapse-warnings', next)) return done();
  }

  // 3. Trim lists: warnings first (they do not block), then failures and gate reasons together.
  const groups: [BudgetStep, SectionKind[]][] = [
    ['trim-warnings', ['warnings', 'drift']],
    ['trim-failures', ['failures', 'reasons', 'other']],
  ];
  for (const [step, sections] of groups) {
    const inGroup = (b: Block) => b.kind === 'list' && sections.includes(b.section);
    const longest = Math.max(0, ...blocks.map((b) => (b.kind === 'list' && inGroup(b) ? b.items.length : 0)));
    if (longest === 0) continue;
    const base = blocks;
    const trimmed = (k: number): Block[] =>
      base.map((b) => {
        if (b.kind !== 'list' || !inGroup(b) || b.items.length <= k) return b;
        const more = b.items.length - k;
        return { ...b, items: [...b.items.slice(0, k), [`- … and ${more} more — ${see}`]] };
      });
    // Largest K that fits (size grows with K), found by bisection.
    let lo = 0;
    let hi = longest;
    if (fits(assemble(render(trimmed(0))))) {
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (fits(assemble(render(trimmed(mid))))) lo = mid;
        else hi = mid - 1;
      }
    }
    if (attempt(step, trimmed(lo))) return done();
  }

  // 4. Hard cut at a line boundary.
  steps.push('hard-cut');
  text = hardCut(render(blocks), headLines.length, options.limit, measure, assemble);
  return done();

  function done(): BudgetResult {
    return { markdown: text, size: measure(text), steps };
  }
}

function hardCut(
  lines: string[],
  keepFirst: number,
  limit: number,
  measure: (s: string) => number,
  assemble: (lines: string[]) => string,
): string {
  const note = `_This comment was cut to fit ${limit} characters._`;
  const closeFor = (kept: string[]): string[] => {
    // Close what the cut left open; drop a table header that lost its delimiter row.
    const out = [...kept];
    let fence: string | null = null;
    let details = 0;
    for (const l of out) {
      const f = /^\s*(`{3,}|~{3,})/.exec(l);
      if (f) fence = fence === null ? (f[1] ?? null) : l.trim().startsWith(fence) ? null : fence;
      if (fence === null) {
        details += detailsDepth(l);
      }
    }
    const last = out[out.length - 1];
    if (last !== undefined && isTableRow(last) && !isTableDelimiter(last)) {
      const prev = out[out.length - 2];
      if (prev === undefined || !isTableRow(prev)) out.pop(); // a lone header row
    } else if (last !== undefined && isTableDelimiter(last) && out.length >= 2) {
      out.splice(out.length - 2, 2); // header and delimiter without a single row
    }
    const tail: string[] = [];
    if (fence !== null) tail.push(fence);
    for (let d = 0; d < details; d++) tail.push('', '</details>');
    return [...out, ...tail, '', note];
  };
  const fitsWith = (n: number) => measure(assemble(closeFor(lines.slice(0, n)))) <= limit;
  let lo = keepFirst;
  let hi = lines.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fitsWith(mid)) lo = mid;
    else hi = mid - 1;
  }
  // A long paragraph or list line may be cut inside (never a table row, an HTML line or right after a table).
  const kept = lines.slice(0, lo);
  const next = lines[lo];
  const prev = kept[kept.length - 1] ?? '';
  if (
    next !== undefined &&
    next.trim() !== '' &&
    !isTableRow(next) &&
    !/^\s*</.test(next) &&
    !isTableRow(prev)
  ) {
    const cut = (n: number) => {
      const piece = safeSlice(next, n);
      const space = piece.lastIndexOf(' ');
      return `${space > 0 && space > piece.length - 40 ? piece.slice(0, space) : piece}…`;
    };
    let n = limit - measure(assemble(closeFor(kept)));
    while (n > 20 && measure(assemble(closeFor([...kept, cut(n)]))) > limit) n = Math.floor(n * 0.9);
    if (n > 20) return assemble(closeFor([...kept, cut(n)]));
  }
  return assemble(closeFor(kept));
}
