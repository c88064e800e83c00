import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Characters buffered per spill across all its partitions, whatever the partition count. */
const BUFFER_CHARS = 1 << 19;

/** Directories of spills not yet disposed, removed if the process exits early (an error, a signal). */
const live = new Set<string>();
let hooked = false;
function track(dir: string): void {
  live.add(dir);
  if (hooked) return;
  hooked = true;
  process.once('exit', () => {
    for (const d of live) rmSync(d, { recursive: true, force: true });
  });
}

/**
 * Key/payload records spilled to disk in hash partitions, so set operations over millions of rows (duplicates,
 * overlaps between splits, conflicting labels) need memory for one partition at a time, not for the whole
 * dataset. Keys are hex hashes (see hashKey); a record's partition is taken from its key. Payloads must not
 * contain tabs or newlines. Files live in a private temporary directory removed by `dispose()`.
 */
export class Spill {
  readonly partitions: number;
  private readonly dir: string;
  private readonly buffers: string[][] = [];
  private readonly sizes: number[] = [];
  private closed = false;
  private readonly flushChars: number;
  count = 0;

  constructor(partitions: number) {
    this.partitions = Math.max(1, Math.floor(partitions));
    this.flushChars = Math.max(1024, Math.floor(BUFFER_CHARS / this.partitions));
    this.dir = mkdtempSync(path.join(tmpdir(), 'regops-spill-'));
    track(this.dir);
    for (let i = 0; i < this.partitions; i++) {
      this.buffers.push([]);
      this.sizes.push(0);
    }
  }

  /** Partition of a hex key: its first 8 hex digits modulo the partition count. */
  partitionOf(key: string): number {
    return Number.parseInt(key.slice(0, 8), 16) % this.partitions;
  }

  add(key: string, payload = ''): void {
    const p = this.partitionOf(key);
    const line = `${key}\t${payload}\n`;
    (this.buffers[p] as string[]).push(line);
    this.sizes[p] = (this.sizes[p] ?? 0) + line.length;
    this.count++;
    if ((this.sizes[p] ?? 0) >= this.flushChars) this.flush(p);
  }

  private flush(p: number): void {
    const buf = this.buffers[p] as string[];
    if (buf.length === 0) return;
    // Append and close each time: no file descriptor is held, however many partitions and spills there are.
    appendFileSync(this.file(p), buf.join(''));
    this.buffers[p] = [];
    this.sizes[p] = 0;
  }

  private file(p: number): string {
    return path.join(this.dir, `p${p}`);
  }

  /** Flush the buffers; records can then be read partition by partition. */
  close(): void {
    if (this.closed) return;
    for (let p = 0; p < this.partitions; p++) this.flush(p);
    this.closed = true;
  }

  /** Records of one partition, in the order they were added. */
  read(p: number): { key: string; payload: string }[] {
    this.close();
    if (!existsSync(this.file(p))) return [];
    const text = readFileSync(this.file(p), 'utf8');
    const out: { key: string; payload: string }[] = [];
    let start = 0;
    while (start < text.length) {
      const end = text.indexOf('\n', start);
      const line = text.slice(start, end);
      const tab = line.indexOf('\t');
      out.push({ key: line.slice(0, tab), payload: line.slice(tab + 1) });
      start = end + 1;
    }
    return out;
  }

  dispose(): void {
    this.closed = true;
    rmSync(this.dir, { recursive: true, force: true });
    live.delete(this.dir);
  }
}

/**
 * Partitions for a file of `bytes`: about 2 MiB of source per partition (between 16 and 4096), so the records
 * read back for one partition, and so the memory of a set operation, stay about the same however big the file.
 */
export function partitionsFor(bytes: number): number {
  return Math.min(4096, Math.max(16, Math.ceil(bytes / (2 << 20))));
}

/** A spill sized for the dataset file a visitor reads. */
export function spillFor(absPath: string): Spill {
  let bytes = 0;
  try {
    bytes = statSync(absPath).size;
  } catch {
    bytes = 0;
  }
  return new Spill(partitionsFor(bytes));
}
