// A citizen's phone: at 360 px with JavaScript off, no page is wider than the screen, and every
// table that holds amounts shows its first amount without scrolling sideways.
//
//   node phone.mjs [SITE_DIR] [--all] [--width=360]
//
// For each page of pages.json (or, with --all, every .html page), in headless Debian Chromium:
//  1. FAILS if the page is wider than the viewport (document scrollWidth > viewport width).
//  2. For every <table> with amount cells (cells of class "num" in its body or footer that hold a
//     number or "chưa có số liệu"): FAILS unless the first such cell that is displayed lies
//     entirely within the viewport's width — and FAILS if none is displayed at all.
// Requests to any host other than 127.0.0.1 are aborted, as in a11y.mjs.
//
// Exit status: 0 all passed, 1 some check failed, 2 could not run.

import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { start } from './serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS, fileToUrlPath, findFiles, nameFor, parseArgs, readPages } from './util.mjs';

const { dir, flags } = parseArgs();
const widthFlag = [...flags].find((f) => f.startsWith('--width='));
const width = widthFlag ? Number(widthFlag.slice('--width='.length)) : 360;
if (!existsSync(dir)) {
  console.error(`phone: no such directory: ${dir} (build the site first: cargo run --release -- build)`);
  process.exit(2);
}
const pages = flags.has('--all')
  ? (await findFiles(dir, ['.html'])).map((f) => fileToUrlPath(dir, f)).sort().map((p) => ({ name: nameFor(p), path: p }))
  : await readPages();

const t0 = Date.now();
const server = await start(dir);
let browser;
const failures = [];
let tables = 0;
try {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
  const ctx = await browser.newContext({
    viewport: { width, height: 800 },
    deviceScaleFactor: 1,
    javaScriptEnabled: false,
    locale: 'vi-VN',
    serviceWorkers: 'block',
  });
  await ctx.route(
    () => true,
    (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort('blockedbyclient')),
  );
  const page = await ctx.newPage();
  for (const p of pages) {
    await page.goto(new URL(p.path, server.url).href, { waitUntil: 'load', timeout: 60_000 });
    await page.evaluate(() => document.fonts.ready).catch(() => {});
    // Evaluated through the DevTools protocol, which the page's CSP and JS-off do not govern.
    const report = await page.evaluate(() => {
      const vw = document.documentElement.clientWidth;
      const out = { wide: document.documentElement.scrollWidth - vw, tables: [] };
      const amount = (c) => /\d/.test(c.textContent) || c.textContent.includes('chưa có số liệu');
      const shown = (c) => {
        const r = c.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(c).visibility !== 'hidden';
      };
      document.querySelectorAll('table').forEach((t, i) => {
        const cells = [...t.querySelectorAll('tbody .num, tfoot .num')].filter(amount);
        if (cells.length === 0) return;
        const first = cells.find(shown);
        const caption = (t.caption?.textContent || `table ${i + 1}`).trim().slice(0, 80);
        if (!first) {
          out.tables.push({ caption, problem: 'no amount is shown at all' });
          return;
        }
        const r = first.getBoundingClientRect();
        out.tables.push({
          caption,
          problem: r.left < 0 || r.right > vw + 0.5 ? `first amount “${first.textContent.trim()}” spans ${Math.round(r.left)}–${Math.round(r.right)} px of a ${vw} px screen` : null,
        });
      });
      return out;
    });
    tables += report.tables.length;
    if (report.wide > 0) failures.push(`${p.path}: the page is ${report.wide} px wider than the ${width} px screen`);
    for (const t of report.tables) if (t.problem) failures.push(`${p.path}: “${t.caption}”: ${t.problem}`);
  }
} catch (e) {
  console.error(`phone: could not run: ${e.stack || e}`);
  await browser?.close().catch(() => {});
  await server.close();
  process.exit(2);
}
await browser.close();
await server.close();
for (const f of failures) console.error(`phone: FAIL ${f}`);
console.log(`phone: ${pages.length} page(s), ${tables} table(s) with amounts at ${width} px, ${failures.length} problem(s), in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
process.exit(failures.length ? 1 : 0);
