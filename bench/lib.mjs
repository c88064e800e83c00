// Helpers shared by the benchmark scripts (bench/*/run.mjs): running a child process, reading GNU time's
// `-v` report, and writing aligned Markdown tables. No dependencies.
import { spawn } from 'node:child_process';

/** Runs a command; resolves to { code, signal, stdout, stderr } (code 128 when killed by a signal). */
export function run(cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({ code: code ?? (signal ? 128 : 1), signal, stdout, stderr }),
    );
  });
}

/** The figures of a `/usr/bin/time -v` report: wall, user, system and CPU seconds, peak RSS, a killing signal. */
export function parseTimeV(text) {
  const field = (label) => new RegExp(`^\\s*${label}:\\s*(.+)$`, 'm').exec(text)?.[1].trim() ?? null;
  const wall = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)');
  const maxRssKiB = Number(field('Maximum resident set size \\(kbytes\\)'));
  const userS = Number(field('User time \\(seconds\\)'));
  const sysS = Number(field('System time \\(seconds\\)'));
  const signal = /Command terminated by signal (\d+)/.exec(text);
  return {
    wallS: wall ? wall.split(':').reduce((s, x) => s * 60 + Number(x), 0) : null,
    maxRssKiB,
    maxRssMiB: maxRssKiB / 1024 || null,
    userS,
    sysS,
    cpuS: userS + sysS,
    cpuPct: field('Percent of CPU this job got'),
    signal: signal ? Number(signal[1]) : null,
  };
}

/** A Markdown table with columns padded to their widest cell; align: 'r' right, anything else left. */
export function mdTable(head, align, rows) {
  const len = (s) => [...s].length;
  const widths = head.map((h, j) => Math.max(3, len(h), ...rows.map((r) => len(r[j]))));
  const cell = (s, j) => {
    const pad = ' '.repeat(widths[j] - len(s));
    return align[j] === 'r' ? pad + s : s + pad;
  };
  const line = (cells) => `| ${cells.map(cell).join(' | ')} |`;
  const sep = `| ${widths.map((w, j) => (align[j] === 'r' ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(head), sep, ...rows.map(line)].join('\n');
}
