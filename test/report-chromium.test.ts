import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Evidence } from '@regops/core';
import { renderPdf, renderReport, reportFigures } from '@regops/docs';
import puppeteer from 'puppeteer-core';
import { describe, expect, it } from 'vitest';

/**
 * The HTML report in a real browser: Debian's Chromium (installed by .ci/run), headless, through
 * puppeteer-core. The page must load with no failed request and no console error, and every chart must lay
 * out with a non-zero size. A full-page screenshot goes to test-output/report.png for a human to look at.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'test-output');
const CHROMIUM = '/usr/bin/chromium';
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'evidence', 'pima-demo.json');
const HAVE_CHROMIUM = existsSync(CHROMIUM);

/** Root in CI containers: Chromium's sandbox refuses to start there. */
const ARGS = [
  ...(typeof process.getuid === 'function' && process.getuid() === 0 ? ['--no-sandbox'] : []),
  '--disable-gpu',
  '--no-first-run',
  '--no-default-browser-check',
];

function evidence(): Evidence {
  return Evidence.parse(JSON.parse(readFileSync(FIXTURE, 'utf8')));
}

function report(): string {
  return renderReport(evidence());
}

const SKIPPED = HAVE_CHROMIUM
  ? ''
  : ` (skipped: ${CHROMIUM} is missing; install Debian's chromium, as .ci/run does)`;

describe.skipIf(!HAVE_CHROMIUM)(`report.html in headless Chromium${SKIPPED}`, () => {
  it('loads with no failed request or console error, every chart has a size; screenshot in test-output/', async () => {
    mkdirSync(OUT, { recursive: true });
    const file = path.join(OUT, 'report.html');
    writeFileSync(file, report());
    const browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      timeout: 20_000,
    });
    try {
      const page = await browser.newPage();
      page.setDefaultTimeout(20_000);
      await page.setViewport({ width: 1280, height: 900 });
      const failed: string[] = [];
      const requests: string[] = [];
      const errors: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('requestfailed', (r) => failed.push(`${r.url()}: ${r.failure()?.errorText ?? 'failed'}`));
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warn') errors.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (err) => errors.push(`page error: ${String(err)}`));
      const url = pathToFileURL(file).href;
      const response = await page.goto(url, { waitUntil: 'load' });
      expect(response?.ok()).toBe(true);
      expect(failed).toEqual([]);
      expect(errors).toEqual([]);
      // The page itself is the only thing it loads.
      expect(requests).toEqual([url]);

      const boxes = await page.$$eval('svg', (svgs) =>
        svgs.map((s) => {
          const r = s.getBoundingClientRect();
          return {
            chart: s.getAttribute('class') ?? '',
            title: s.querySelector('title')?.textContent ?? '',
            width: r.width,
            height: r.height,
          };
        }),
      );
      // ROC, calibration, two comparisons, subgroups, four drifted columns.
      expect(boxes.length).toBe(reportFigures(evidence()).length);
      expect(boxes.length).toBe(9);
      for (const b of boxes) {
        expect(b.width, `${b.chart} ${b.title}`).toBeGreaterThan(100);
        expect(b.height, `${b.chart} ${b.title}`).toBeGreaterThan(100);
      }
      expect(new Set(boxes.map((b) => b.chart.replace('chart-svg ', '')))).toEqual(
        new Set(['chart-roc', 'chart-calibration', 'chart-interval', 'chart-distribution']),
      );
      // Every chart draws its data: a curve, points, bars or intervals inside the plot.
      const marks = await page.$$eval('svg', (svgs) =>
        svgs.map((s) => s.querySelectorAll('polyline, rect, line, circle').length),
      );
      for (const m of marks) expect(m).toBeGreaterThan(10);

      await page.screenshot({ path: path.join(OUT, 'report.png'), fullPage: true });
      expect(existsSync(path.join(OUT, 'report.png'))).toBe(true);
    } finally {
      await browser.close();
    }
  }, 30_000);

  it('prints to PDF through renderPdf', async () => {
    const out = path.join(OUT, 'report.pdf');
    const result = await renderPdf(report(), out, { executablePath: CHROMIUM, timeoutMs: 20_000 });
    expect(result).toEqual({ written: true, path: out });
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 30_000);
});
