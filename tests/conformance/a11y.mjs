// Accessibility (axe-core in Chromium), "no request leaves the site", and "works with JavaScript off".
//
//   node a11y.mjs [SITE_DIR] [--all] [--strict] [--viewport=360x800] [--jobs=2]
//
// SITE_DIR defaults to ../../public. Serves it on 127.0.0.1 (serve.mjs) and, for each page in
// pages.json (or, with --all, every .html page of the site):
//
//  1. JS on: loads the page, injects axe-core and runs it with the WCAG 2.0/2.1/2.2 A+AA and
//     best-practice rules. Every violation is printed (id, impact, help, first 3 targets).
//     FAILS on any violation of impact serious or critical (--strict: on any violation).
//  2. Every request whose host is not 127.0.0.1 is recorded and aborted (a route on the browser
//     context), and so is any <link rel=preconnect/dns-prefetch/prefetch/preload> to another
//     host. FAILS on any: no request leaves the site.
//     Same-site responses with status >= 400 (the page itself, its CSS, fonts, images) FAIL too,
//     and so does anything the site's own Content-Security-Policy blocks (a console error).
//     Other console errors (e.g. Chromium's automatic /favicon.ico 404) are printed as information.
//  3. JS off: loads the page again in a context with javaScriptEnabled: false. FAILS unless the
//     page has exactly one <main> with visible text, and FAILS on any <script> element (other than
//     schema.org JSON-LD data blocks, and the search pages' own search.js, which their CSP alone
//     allows and without which the page still leads everywhere through its A–Z lists) in the
//     HTML, any inline event-handler attribute (on…=) and any javascript: URL: the site ships no JS.
//
// Exit status: 0 all passed, 1 some check failed, 2 could not run.
// Chromium: /usr/bin/chromium (CHROMIUM_PATH overrides); playwright never downloads a browser.

import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { start } from './serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS, fileToUrlPath, findFiles, parseArgs, readPages, nameFor } from './util.mjs';

const require = createRequire(import.meta.url);
// The site sends `script-src 'none'` (CSP), so page.addScriptTag is refused; axe is evaluated
// through the DevTools protocol instead, which the page's CSP does not govern.
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const FAIL_IMPACTS = new Set(['serious', 'critical']);
const TIMEOUT = 60_000;

const { dir, flags } = parseArgs();
const strict = flags.has('--strict');
// --viewport=WxH (default 1280x720, Playwright's): e.g. --viewport=360x800 for a phone.
const vpFlag = [...flags].find((f) => f.startsWith('--viewport='));
const viewport = vpFlag
  ? (([w, h]) => ({ width: Number(w), height: Number(h) }))(vpFlag.slice('--viewport='.length).split('x'))
  : { width: 1280, height: 720 };
// --jobs=N pages at a time (default 2: the CI machine has 2 cores).
const jobsFlag = [...flags].find((f) => f.startsWith('--jobs='));
const jobs = jobsFlag ? Math.max(1, Number(jobsFlag.slice('--jobs='.length)) || 1) : 2;
if (!(viewport.width > 0 && viewport.height > 0)) {
  console.error(`a11y: bad ${vpFlag} (expected e.g. --viewport=360x800)`);
  process.exit(2);
}
if (!existsSync(dir)) {
  console.error(`a11y: no such directory: ${dir} (build the site first: cargo run --release -- build)`);
  process.exit(2);
}

let pages;
if (flags.has('--all')) {
  pages = (await findFiles(dir, ['.html'])).map((f) => {
    const p = fileToUrlPath(dir, f);
    return { name: nameFor(p), path: p };
  }).sort((a, b) => a.path.localeCompare(b.path));
} else {
  pages = await readPages();
}
if (pages.length === 0) {
  console.error('a11y: no pages to check');
  process.exit(1);
}

const t0 = Date.now();
const server = await start(dir);
const site = new URL(server.url);
let browser;

// Results
const violations = []; // {page, id, impact, help, helpUrl, nodes, targets}
const external = []; // {page, mode, url, kind}
const httpErrors = []; // {page, url, status}
const jsOff = []; // {page, problem}
const consoleErrors = []; // {page, text, url}
const cspViolations = []; // {page, text}
const loadErrors = []; // {page, mode, error}

function isLocal(u) {
  try {
    const url = new URL(u);
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'about:') return true;
    return url.hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

/** A context whose every non-127.0.0.1 request is recorded (against the current page) and aborted. */
async function newContext(opts, mode, current) {
  const ctx = await browser.newContext({ serviceWorkers: 'block', viewport, ...opts });
  await ctx.route(
    () => true,
    (route) => {
      const url = route.request().url();
      if (isLocal(url)) return route.continue();
      external.push({ page: current.path, mode, url, kind: route.request().resourceType() });
      return route.abort('blockedbyclient');
    },
  );
  // WebSockets are not routed by ctx.route; record them too.
  await ctx.routeWebSocket?.(/.*/, (ws) => {
    if (!isLocal(ws.url().replace(/^ws/, 'http'))) {
      external.push({ page: current.path, mode, url: ws.url(), kind: 'websocket' });
      ws.close();
    } else ws.connectToServer();
  });
  return ctx;
}

/** Resource hints that make the browser talk to another host without a routed request. */
async function externalHints(page) {
  return page.$$eval('link[rel][href]', (links) =>
    links
      .filter((l) => /\b(preconnect|dns-prefetch|prefetch|preload|modulepreload|prerender)\b/i.test(l.rel))
      .map((l) => ({ rel: l.rel, href: l.href })),
  );
}

async function visit(page, p, mode) {
  const url = new URL(p.path, site).href;
  const responses = [];
  const onResponse = (r) => {
    if (isLocal(r.url()) && r.status() >= 400) responses.push({ url: r.url(), status: r.status() });
  };
  page.on('response', onResponse);
  let res;
  try {
    res = await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT });
    // Bring lazy-loaded content (loading=lazy) into play, then let the network settle.
    // The site runs no script, so once `load` has fired nothing else is requested otherwise.
    const lazy = await page.evaluate(() => {
      if (!document.querySelector('[loading="lazy" i]')) return false;
      window.scrollTo(0, document.documentElement.scrollHeight);
      return true;
    }).catch(() => false);
    if (lazy) await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
  } catch (e) {
    loadErrors.push({ page: p.path, mode, error: String(e.message || e).split('\n')[0] });
  }
  page.off('response', onResponse);
  for (const r of responses) {
    if (!httpErrors.some((h) => h.page === p.path && h.url === r.url)) httpErrors.push({ page: p.path, ...r });
  }
  for (const h of await externalHints(page).catch(() => [])) {
    if (!isLocal(h.href)) external.push({ page: p.path, mode, url: h.href, kind: `<link rel=${h.rel}>` });
  }
  return res;
}

function short(s, n = 160) {
  s = String(s).replace(/\s+/g, ' ').trim();
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

async function checkPage(p, pageOn, pageOff) {
  const pt = Date.now();
  // 1+2. JS on: axe, requests.
  const res = await visit(pageOn, p, 'js-on');
  let pageViolations = [];
  let passed = null;
  if (res) {
    try {
      await pageOn.evaluate(AXE_SOURCE);
      const results = await pageOn.evaluate(
        (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
        AXE_TAGS,
      );
      passed = results.passes.length;
      pageViolations = results.violations.map((v) => ({
        page: p.path,
        id: v.id,
        impact: v.impact || 'unknown',
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.length,
        targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
        summary: v.nodes[0]?.failureSummary || '',
        html: v.nodes[0]?.html || '',
      }));
      violations.push(...pageViolations);
    } catch (e) {
      loadErrors.push({ page: p.path, mode: 'axe', error: String(e.message || e).split('\n')[0] });
    }
  }

  // 3. JS off: the page must stand on its own, and ship no script.
  const resOff = await visit(pageOff, p, 'js-off');
  if (resOff) {
    const problems = [];
    const body = await resOff.text().catch(() => '');
    // schema.org JSON-LD (type="application/ld+json") is data that browsers never run; any other
    // <script> element is a failure.
    // The search pages (/tim-kiem/, /en/tim-kiem/) may load their own script, and only that one.
    const own = p.path === '/tim-kiem/' ? /<script src="\.\.\/search\.js" defer><\/script>/
      : p.path === '/en/tim-kiem/' ? /<script src="\.\.\/\.\.\/search\.js" defer><\/script>/ : null;
    const html = own ? body.replace(own, '') : body;
    if (/<script\b(?![^>]*type="application\/ld\+json")/i.test(html)) problems.push('the HTML contains a <script> element');
    const facts = await pageOff.evaluate(() => {
      const mains = [...document.querySelectorAll('main')];
      const m = mains[0];
      const handlers = [];
      for (const el of document.querySelectorAll('*')) {
        for (const a of el.attributes) if (/^on/i.test(a.name)) handlers.push(`<${el.localName} ${a.name}>`);
      }
      const jsUrls = [...document.querySelectorAll('[href],[src],[action],[formaction]')]
        .filter((el) => /^\s*javascript:/i.test(el.getAttribute('href') || el.getAttribute('src') || el.getAttribute('action') || el.getAttribute('formaction') || ''))
        .map((el) => el.outerHTML.slice(0, 80));
      return {
        mains: mains.length,
        mainText: m ? m.innerText.trim().length : 0,
        mainVisible: m ? m.getBoundingClientRect().height > 0 && getComputedStyle(m).display !== 'none' && getComputedStyle(m).visibility !== 'hidden' : false,
        scripts: document.querySelectorAll('script:not([type="application/ld+json"]):not([src$="/search.js"])').length +
          (['/tim-kiem/', '/en/tim-kiem/'].includes(location.pathname) ? 0 : document.querySelectorAll('script[src$="/search.js"]').length),
        handlers: handlers.slice(0, 5),
        nhandlers: handlers.length,
        jsUrls: jsUrls.slice(0, 5),
      };
    });
    if (facts.mains === 0) problems.push('no <main> element');
    else {
      if (facts.mains > 1) problems.push(`${facts.mains} <main> elements (expected one)`);
      if (facts.mainText === 0) problems.push('<main> has no visible text');
      if (!facts.mainVisible) problems.push('<main> is not rendered (zero height, display:none or visibility:hidden)');
    }
    if (facts.scripts > 0) problems.push(`${facts.scripts} <script> element(s) in the DOM`);
    if (facts.nhandlers > 0) problems.push(`${facts.nhandlers} inline event-handler attribute(s), e.g. ${facts.handlers.join(', ')}`);
    if (facts.jsUrls.length) problems.push(`javascript: URL(s): ${facts.jsUrls.join(' | ')}`);
    for (const problem of problems) jsOff.push({ page: p.path, problem });
  }

  const bad = pageViolations.filter((v) => FAIL_IMPACTS.has(v.impact)).length;
  console.log(
    `a11y: ${p.path}  ${res ? res.status() : 'no response'}  axe: ${passed ?? '?'} rule(s) passed, ${pageViolations.length} violated` +
      (bad ? ` (${bad} serious/critical)` : '') +
      `  ${((Date.now() - pt) / 1000).toFixed(1)} s`,
  );
}

try {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: TIMEOUT });
  const queue = [...pages];
  const worker = async () => {
    // Each worker has its own pair of contexts, so requests and console messages are
    // attributed to the page that worker is on.
    const current = { path: '' };
    const ctxOn = await newContext({ javaScriptEnabled: true }, 'js-on', current);
    const ctxOff = await newContext({ javaScriptEnabled: false }, 'js-off', current);
    const pageOn = await ctxOn.newPage();
    const pageOff = await ctxOff.newPage();
    for (const [pg, mode] of [[pageOn, 'js-on'], [pageOff, 'js-off']]) {
      pg.on('console', (m) => {
        if (m.type() !== 'error') return;
        const text = m.text();
        if (/Content Security Policy/i.test(text)) cspViolations.push({ page: current.path, mode, text });
        else consoleErrors.push({ page: current.path, mode, text, url: m.location()?.url || '' });
      });
    }
    for (let p = queue.shift(); p; p = queue.shift()) {
      current.path = p.path;
      await checkPage(p, pageOn, pageOff);
    }
    await ctxOn.close();
    await ctxOff.close();
  };
  await Promise.all(Array.from({ length: Math.min(jobs, pages.length) }, worker));
} catch (e) {
  console.error(`a11y: could not run: ${e.stack || e}`);
  await browser?.close().catch(() => {});
  await server.close();
  process.exit(2);
}
await browser.close();
await server.close();

// ---- report
let failed = false;

console.log('\n== axe violations');
if (violations.length === 0) console.log('(none)');
const order = { critical: 0, serious: 1, moderate: 2, minor: 3, unknown: 4 };
for (const v of [...violations].sort((a, b) => order[a.impact] - order[b.impact] || a.id.localeCompare(b.id) || a.page.localeCompare(b.page))) {
  const fails = strict || FAIL_IMPACTS.has(v.impact);
  if (fails) failed = true;
  console.log(`${fails ? 'FAIL' : 'note'} [${v.impact}] ${v.id} on ${v.page}: ${v.help} (${v.nodes} node(s))`);
  for (const t of v.targets) console.log(`       ${t}`);
  if (v.html) console.log(`       first: ${short(v.html)}`);
  if (v.summary) console.log(`       ${short(v.summary, 240)}`);
  console.log(`       ${v.helpUrl}`);
}
if (violations.length) {
  console.log('\n-- by rule');
  const byRule = new Map();
  for (const v of violations) {
    const k = `${v.id} [${v.impact}]`;
    if (!byRule.has(k)) byRule.set(k, { pages: [], nodes: 0, help: v.help });
    byRule.get(k).pages.push(v.page);
    byRule.get(k).nodes += v.nodes;
  }
  for (const [k, g] of [...byRule].sort((a, b) => b[1].pages.length - a[1].pages.length)) {
    const shown = g.pages.slice(0, 6).join(' ') + (g.pages.length > 6 ? ` … (+${g.pages.length - 6})` : '');
    console.log(`  ${k} — ${g.help}: ${g.pages.length} page(s), ${g.nodes} node(s): ${shown}`);
  }
}

console.log('\n== requests that would leave the site (aborted)');
if (external.length === 0) console.log('(none)');
for (const x of external) {
  failed = true;
  const note = x.mode === 'js-on' && (x.kind === 'xhr' || x.kind === 'fetch') ? '  (made by axe-core reading a stylesheet the page links to)' : '';
  console.log(`FAIL ${x.page} [${x.mode}, ${x.kind}] ${x.url}${note}`);
}

console.log('\n== same-site responses with an error status');
if (httpErrors.length === 0) console.log('(none)');
for (const h of httpErrors) {
  failed = true;
  console.log(`FAIL ${h.page}: ${h.status} ${h.url}`);
}

console.log('\n== JavaScript off');
if (jsOff.length === 0) console.log('(no problems)');
for (const j of jsOff) {
  failed = true;
  console.log(`FAIL ${j.page}: ${j.problem}`);
}

console.log('\n== blocked by the site\'s own Content-Security-Policy');
if (cspViolations.length === 0) console.log('(none)');
for (const c of cspViolations) {
  failed = true;
  console.log(`FAIL ${c.page} [${c.mode}]: ${short(c.text, 300)}`);
}

if (loadErrors.length) {
  console.log('\n== pages that could not be loaded or checked');
  for (const l of loadErrors) {
    failed = true;
    console.log(`FAIL ${l.page} [${l.mode}]: ${l.error}`);
  }
}
if (consoleErrors.length) {
  console.log('\n== console errors (information)');
  const seen = new Map();
  for (const c of consoleErrors) {
    const k = `${c.text} ${c.url}`;
    if (!seen.has(k)) seen.set(k, { ...c, pages: [] });
    seen.get(k).pages.push(`${c.page} [${c.mode}]`);
  }
  for (const c of seen.values()) {
    const where = c.pages.length > 4 ? `${c.pages.slice(0, 4).join(', ')} … (${c.pages.length} loads)` : c.pages.join(', ');
    console.log(`     ${short(c.text, 200)}${c.url ? ' — ' + c.url : ''} — on ${where}`);
  }
}

const serious = violations.filter((v) => FAIL_IMPACTS.has(v.impact)).length;
console.log(
  `\na11y: ${pages.length} page(s) at ${viewport.width}×${viewport.height} in ${((Date.now() - t0) / 1000).toFixed(1)} s: ` +
    `${violations.length} axe violation(s) (${serious} serious/critical), ` +
    `${external.length} external request(s), ${httpErrors.length} error response(s), ` +
    `${jsOff.length} JS-off problem(s), ${cspViolations.length} CSP violation(s)` + (loadErrors.length ? `, ${loadErrors.length} load error(s)` : '') +
    ` — ${failed ? 'FAILED' : 'passed'}`,
);
process.exit(failed ? 1 : 0);
