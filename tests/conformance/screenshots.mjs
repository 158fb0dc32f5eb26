// Full-page screenshots of each page in pages.json, for a person to look at.
//
//   node screenshots.mjs [SITE_DIR] [--all]
//
// Writes screenshots/<name>-360.png (360×800, a phone) and screenshots/<name>-1280.png
// (1280×900, a laptop) next to this script. --all takes every .html page of the site instead
// of pages.json. Requests to any host other than 127.0.0.1 are aborted, as in a11y.mjs.
// Never fails on content: exit 1 only if a page could not be loaded or written, 2 if it could
// not run at all.

import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { start } from './serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS, HERE, fileToUrlPath, findFiles, nameFor, parseArgs, readPages } from './util.mjs';

const VIEWPORTS = [
  { width: 360, height: 800 },
  { width: 1280, height: 900 },
];
const OUT = path.join(HERE, 'screenshots');

const { dir, flags } = parseArgs();
if (!existsSync(dir)) {
  console.error(`screenshots: no such directory: ${dir} (build the site first: cargo run --release -- build)`);
  process.exit(2);
}
const pages = flags.has('--all')
  ? (await findFiles(dir, ['.html'])).map((f) => fileToUrlPath(dir, f)).sort().map((p) => ({ name: nameFor(p), path: p }))
  : await readPages();

await mkdir(OUT, { recursive: true });
const t0 = Date.now();
const server = await start(dir);
let browser;
let problems = 0;
try {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
  for (const vp of VIEWPORTS) {
    const ctx = await browser.newContext({ viewport: vp, deviceScaleFactor: 1, locale: 'vi-VN', serviceWorkers: 'block' });
    await ctx.route(
      () => true,
      (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort('blockedbyclient')),
    );
    const page = await ctx.newPage();
    for (const p of pages) {
      const file = path.join(OUT, `${p.name}-${vp.width}.png`);
      try {
        const res = await page.goto(new URL(p.path, server.url).href, { waitUntil: 'load', timeout: 60_000 });
        await page.evaluate(() => document.fonts.ready).catch(() => {});
        await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
        const h = await page.evaluate(() => document.documentElement.scrollHeight);
        const w = await page.evaluate(() => document.documentElement.scrollWidth);
        const wide = w > vp.width ? `  (content is ${w}px wide: scrolls sideways)` : '';
        console.log(`screenshots: ${path.relative(process.cwd(), file)}  ${res?.status()}  ${vp.width}×${h}${wide}`);
      } catch (e) {
        problems++;
        console.error(`screenshots: ${p.path} at ${vp.width}px: ${String(e.message || e).split('\n')[0]}`);
      }
    }
    await ctx.close();
  }
} catch (e) {
  console.error(`screenshots: could not run: ${e.stack || e}`);
  await browser?.close().catch(() => {});
  await server.close();
  process.exit(2);
}
await browser.close();
await server.close();
console.log(`screenshots: ${pages.length} page(s) × ${VIEWPORTS.length} width(s) into ${OUT} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
process.exit(problems ? 1 : 0);
