import { createReadStream } from 'node:fs';
import { fail } from './common';

const NEWLINE = 0x0a;
const EMPTY = Buffer.alloc(0);

/**
 * The raw bytes of a file, chunk by chunk, checked to be UTF-8 on the way: a fatal streaming TextDecoder
 * rejects a bad chunk before it is handed on, and the first bad sequence is then located exactly (byte
 * offset from the start of the file, 0-based; line counted from the '\n' bytes before it).
 */
export async function* utf8Chunks(absPath: string, where: string): AsyncGenerator<Buffer> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  /** Bytes of a multi-byte sequence that the previous chunks left open (at most 3). */
  let carry: Buffer = EMPTY;
  let offset = 0;
  let newlines = 0;
  for await (const chunk of createReadStream(absPath) as AsyncIterable<Buffer>) {
    try {
      decoder.decode(chunk, { stream: true });
    } catch {
      const joined = Buffer.concat([carry, chunk]);
      let at = firstInvalidUtf8(joined, false);
      if (at < 0) at = carry.length;
      const inChunk = Math.max(0, at - carry.length);
      throw invalid(where, offset - carry.length + at, newlines + countNewlines(chunk, inChunk));
    }
    newlines += countNewlines(chunk, chunk.length);
    offset += chunk.length;
    const tail = Buffer.concat([carry, chunk.subarray(Math.max(0, chunk.length - 3))]);
    carry = tail.subarray(tail.length - openSequenceLength(tail.subarray(Math.max(0, tail.length - 3))));
    yield chunk;
  }
  try {
    decoder.decode();
  } catch {
    throw invalid(where, offset - carry.length, newlines);
  }
}

function invalid(where: string, byteOffset: number, newlinesBefore: number) {
  return fail(
    where,
    `invalid UTF-8 at line ${newlinesBefore + 1} (byte offset ${byteOffset}); save the file as UTF-8`,
  );
}

function countNewlines(buf: Buffer, end: number): number {
  let n = 0;
  for (let i = buf.indexOf(NEWLINE); i !== -1 && i < end; i = buf.indexOf(NEWLINE, i + 1)) n++;
  return n;
}

/** Length of a multi-byte sequence begun but not finished at the end of `tail` (≤ 3 bytes), else 0. */
function openSequenceLength(tail: Uint8Array): number {
  for (let back = 1; back <= tail.length; back++) {
    const b = tail[tail.length - back] as number;
    if (b < 0x80) return 0;
    if (b >= 0xc0) {
      const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return size > back ? back : 0;
    }
  }
  return 0;
}

/**
 * Index of the first byte of the first ill-formed UTF-8 sequence (per the WHATWG decoder: no overlongs,
 * surrogates or code points above U+10FFFF), or -1. A sequence cut off by the end of `buf` is an error
 * only when `atEnd`.
 */
export function firstInvalidUtf8(buf: Uint8Array, atEnd: boolean): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= buf.length) return atEnd ? i : -1;
      const c = buf[i + k] as number;
      if (c < lo || c > hi) return i;
      lo = 0x80;
      hi = 0xbf;
    }
    i += need + 1;
  }
  return -1;
}
