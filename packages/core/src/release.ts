import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

// ---------------------------------------------------------------------------------------------------------
// SHA256SUMS: the manifest of a release package, in the format `sha256sum --check` reads.

export const MANIFEST_FILE = 'SHA256SUMS';

export const sha256Hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Byte order of the UTF-8 names (what `LC_ALL=C sort` gives), independent of the locale. */
export const byName = (a: string, b: string) =>
  Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/** `<sha256>  <name>` per file, sorted by name; every file except the manifest itself. */
export function renderSha256Sums(files: Readonly<Record<string, string | Uint8Array>>): string {
  return Object.keys(files)
    .filter((name) => name !== MANIFEST_FILE)
    .sort(byName)
    .map((name) => `${sha256Hex(files[name] as string | Uint8Array)}  ${name}\n`)
    .join('');
}

/** The lines of a SHA256SUMS file (text or binary mode markers accepted); throws on a malformed line. */
export function parseSha256Sums(text: string): { name: string; sha256: string }[] {
  const out: { name: string; sha256: string }[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const m = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(line);
    if (!m) throw new Error(`${MANIFEST_FILE} line ${i + 1} is not "<sha256>  <file>": ${line.slice(0, 80)}`);
    out.push({ sha256: (m[1] as string).toLowerCase(), name: m[2] as string });
  });
  return out;
}

export interface ManifestProblem {
  file: string;
  problem: 'modified' | 'missing' | 'not in the manifest';
}

/** Files that do not match the manifest: changed, missing, or present but not listed. */
export function checkSha256Sums(
  manifest: string,
  files: ReadonlyMap<string, Uint8Array>,
): { checked: number; problems: ManifestProblem[] } {
  const entries = parseSha256Sums(manifest);
  const listed = new Set(entries.map((e) => e.name));
  const problems: ManifestProblem[] = [];
  for (const e of entries) {
    const data = files.get(e.name);
    if (data === undefined) problems.push({ file: e.name, problem: 'missing' });
    else if (sha256Hex(data) !== e.sha256) problems.push({ file: e.name, problem: 'modified' });
  }
  for (const name of [...files.keys()].sort(byName)) {
    if (name !== MANIFEST_FILE && !listed.has(name))
      problems.push({ file: name, problem: 'not in the manifest' });
  }
  return { checked: entries.length, problems };
}

// ---------------------------------------------------------------------------------------------------------
// ZIP (PKWARE APPNOTE 6.3): deflate or store, no encryption, no ZIP64 (a release package is far below 4 GiB).

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (ISO 3309, the one ZIP and gzip use). */
export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++)
    c = (CRC_TABLE[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** MS-DOS date and time (local fields taken from the UTC time, 2-second resolution, 1980 at the earliest). */
function dosDateTime(date: Date): { time: number; date: number } {
  const y = Math.max(1980, Math.min(2107, date.getUTCFullYear()));
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    date: ((y - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

export interface ZipEntry {
  name: string;
  data: string | Uint8Array;
}

/**
 * A ZIP archive of the entries, in the order given. Deterministic: the same entries and time give the same
 * bytes. Each entry is deflated unless that does not make it smaller (then stored).
 */
export function writeZip(entries: readonly ZipEntry[], mtime: Date = new Date(Date.UTC(1980, 0, 1))): Buffer {
  const { time, date } = dosDateTime(mtime);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const names = new Set<string>();
  for (const entry of entries) {
    if (names.has(entry.name)) throw new Error(`zip: duplicate entry ${entry.name}`);
    names.add(entry.name);
    const name = Buffer.from(entry.name, 'utf8');
    const raw = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data);
    const deflated = deflateRawSync(raw, { level: 9 });
    const method = deflated.length < raw.length ? 8 : 0;
    const body = method === 8 ? deflated : raw;
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(0x0800, 6); // flags: UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(0, 30); // extra
    central.writeUInt16LE(0, 32); // comment
    central.writeUInt16LE(0, 34); // disk
    central.writeUInt16LE(0, 36); // internal attributes
    central.writeUInt32LE((0o100644 * 0x10000) >>> 0, 38); // external: regular file rw-r--r--
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const centralSize = centrals.reduce((a, b) => a + b.length, 0);
  if (offset > 0xffffffff || entries.length > 0xffff) throw new Error('zip: too large without ZIP64');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** The files of a ZIP archive (directories skipped); throws a plain Error on anything malformed. */
export function readZip(zip: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip archive (no end of central directory record)');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50)
      throw new Error('zip: bad central directory');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const size = buf.readUInt32LE(p + 20);
    const rawSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localAt = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    p += 46 + nameLen + extraLen + commentLen;
    if (flags & 1) throw new Error(`zip: ${name} is encrypted`);
    if (buf.readUInt32LE(localAt) !== 0x04034b50) throw new Error(`zip: bad local header of ${name}`);
    const start = localAt + 30 + buf.readUInt16LE(localAt + 26) + buf.readUInt16LE(localAt + 28);
    const body = buf.subarray(start, start + size);
    if (name.endsWith('/')) continue;
    let data: Buffer;
    if (method === 0) data = Buffer.from(body);
    else if (method === 8) data = inflateRawSync(body);
    else throw new Error(`zip: ${name} uses compression method ${method} (only store and deflate are read)`);
    if (data.length !== rawSize || crc32(data) !== crc)
      throw new Error(`zip: ${name} is corrupt (CRC mismatch)`);
    if (files.has(name)) throw new Error(`zip: duplicate entry ${name}`);
    files.set(name, data);
  }
  return files;
}

// ---------------------------------------------------------------------------------------------------------
// Versions and merge subjects

/** Compares version-like tags (v1.10.0 > v1.9.2; a pre-release before its release), else by text. */
export function compareVersions(a: string, b: string): number {
  const parse = (s: string) => {
    const m = /(\d+(?:\.\d+)*)(?:-([0-9A-Za-z.-]+))?/.exec(s);
    return m ? { nums: (m[1] as string).split('.').map(Number), pre: m[2] ?? null } : null;
  };
  const pa = parse(a);
  const pb = parse(b);
  if (!pa || !pb) return a < b ? -1 : a > b ? 1 : 0;
  for (let i = 0; i < Math.max(pa.nums.length, pb.nums.length); i++) {
    const d = (pa.nums[i] ?? 0) - (pb.nums[i] ?? 0);
    if (d !== 0) return d;
  }
  if (pa.pre !== pb.pre) {
    if (pa.pre === null) return 1;
    if (pb.pre === null) return -1;
    return pa.pre < pb.pre ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface MergeReference {
  platform: 'github' | 'gitlab' | null;
  number: number | null;
  /** How the change reached the branch. */
  kind: 'merge' | 'squash' | 'direct';
}

/**
 * The pull/merge request a first-parent commit brought in: GitHub's "Merge pull request #N from …", GitLab's
 * "See merge request group/project!N", or a squash merge's "Title (#N)". A merge without a number has
 * number null; any other commit is a direct commit.
 */
export function mergeReference(message: string, isMerge: boolean): MergeReference {
  const subject = message.split('\n')[0] ?? '';
  const gh = /^Merge pull request #(\d+) from /.exec(subject);
  if (gh) return { platform: 'github', number: Number(gh[1]), kind: 'merge' };
  const gl = /^See merge request (?:\S*)!(\d+)\s*$/m.exec(message);
  if (gl) return { platform: 'gitlab', number: Number(gl[1]), kind: isMerge ? 'merge' : 'squash' };
  if (isMerge) return { platform: null, number: null, kind: 'merge' };
  const squash = /\(#(\d+)\)\s*$/.exec(subject);
  if (squash) return { platform: 'github', number: Number(squash[1]), kind: 'squash' };
  return { platform: null, number: null, kind: 'direct' };
}
