/**
 * A fast 53-bit string hash (cyrb53 construction: two 32-bit lanes mixed with Math.imul). Two seeds give a
 * 106-bit key, so accidental collisions are negligible even for billions of rows.
 */
export function hash53(s: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A 106-bit key of a string, as 28 hex characters. */
export function hashKey(s: string): string {
  return hash53(s, 0).toString(16).padStart(14, '0') + hash53(s, 0x9e3779b9).toString(16).padStart(14, '0');
}

const SEP = '\u001f';
const NULL = '\u0000';

/** The text that identifies a tuple of cells (missing distinct from empty), for hashing. */
export function cellsKey(cells: readonly (string | null | undefined)[]): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (i > 0) out += SEP;
    out += c === null || c === undefined ? NULL : c;
  }
  return out;
}

const rowKeyCache = new WeakMap<readonly (readonly (string | null)[])[], string[]>();

/**
 * hashKey(cellsKey(row)) of every row of a batch, computed once per batch and shared by every check that
 * needs whole-row keys (duplicates, identical rows across splits).
 */
export function rowKeys(rows: readonly (readonly (string | null)[])[]): string[] {
  let keys = rowKeyCache.get(rows);
  if (!keys) {
    keys = rows.map((r) => hashKey(cellsKey(r)));
    rowKeyCache.set(rows, keys);
  }
  return keys;
}
