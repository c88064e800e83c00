import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Optional PDF of the HTML report, printed by a system Chromium through puppeteer-core. Neither is required:
 * without a Chromium binary or without the puppeteer-core package, renderPdf writes nothing and says why.
 * The page loads nothing from the network (every request other than the page itself is aborted). PDF bytes
 * are not reproducible (Chromium writes a creation date); the HTML report is the document of record.
 */

/** Where Debian, Ubuntu and Fedora install Chromium or Chrome. */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
] as const;

/** The first Chromium of CHROMIUM_CANDIDATES present on this machine, or null. */
export function findChromium(): string | null {
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export interface PdfOptions {
  /** A Chromium or Chrome binary; by default the first of CHROMIUM_CANDIDATES that exists. */
  executablePath?: string;
  /** Upper bound on launching Chromium and printing, in milliseconds (default 30 s). */
  timeoutMs?: number;
}

export type PdfOutcome = { written: true; path: string } | { written: false; reason: string };

type Puppeteer = typeof import('puppeteer-core');

/** puppeteer-core when installed. The name is not a literal, so bundlers leave it out of the bundle. */
async function loadPuppeteer(): Promise<Puppeteer['default'] | null> {
  const name = 'puppeteer-core';
  try {
    const mod = (await import(/* @vite-ignore */ name)) as Puppeteer;
    return mod.default ?? (mod as unknown as Puppeteer['default']);
  } catch {
    return null;
  }
}

/** Chromium's arguments: no sandbox when running as root (CI containers), where it would refuse to start. */
export function chromiumArgs(): string[] {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return [...(root ? ['--no-sandbox'] : []), '--disable-gpu', '--no-first-run', '--no-default-browser-check'];
}

/** Print `html` (a standalone page such as report.html) to an A4 PDF at `outPath`. */
export async function renderPdf(
  html: string,
  outPath: string,
  options: PdfOptions = {},
): Promise<PdfOutcome> {
  const executablePath = options.executablePath ?? findChromium();
  if (!executablePath || !existsSync(executablePath)) {
    return {
      written: false,
      reason: `no Chromium found (looked for ${options.executablePath ?? CHROMIUM_CANDIDATES.join(', ')})`,
    };
  }
  const puppeteer = await loadPuppeteer();
  if (!puppeteer) return { written: false, reason: 'the puppeteer-core package is not installed' };
  const timeout = options.timeoutMs ?? 30_000;
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: chromiumArgs(),
    timeout,
  });
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(timeout);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.isInterceptResolutionHandled()) return;
      const url = request.url();
      if (url === 'about:blank' || url.startsWith('data:')) void request.continue();
      else void request.abort();
    });
    await page.setContent(html, { waitUntil: 'load', timeout });
    await page.emulateMediaType('print');
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, timeout });
    mkdirSync(path.dirname(path.resolve(outPath)), { recursive: true });
    writeFileSync(outPath, pdf);
    return { written: true, path: outPath };
  } finally {
    await browser.close();
  }
}
