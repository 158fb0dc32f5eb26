// Search (issue 14): the search page in Chromium, with JavaScript on and off.
//
//   node search.mjs [SITE_DIR] [--shots=DIR]
//
// SITE_DIR defaults to ../../public (the bundled site: the queries below name its content).
// Serves it on 127.0.0.1 (serve.mjs) and checks:
//
//  1. The script folds text exactly as the Rust index does: every pair of ../search-folding.json
//     through window.minhbachFold.
//  2. Typing (key by key) queries with and without tone marks and `đ` finds the same results:
//     "quang ngai" = "Quảng Ngãi", "dien tu" = "điện tử", "do thi" = "đô thị", and "so hoa" finds
//     "số hóa"; every result shown contains every word typed (the last as a prefix); the count is
//     announced in the aria-live region; budget items are found ("phan mem").
//  3. Following a result lands on the page of the row it names, with that row in view (a budget
//     item inside a closed group included); the keyboard reaches the results (ArrowDown, Enter);
//     coming back shows the same results (the query is kept in the address).
//  4. No request leaves the site and nothing the CSP blocks (console errors fail).
//  5. JavaScript off: the form is hidden, the page says why and links to the three A–Z lists,
//     which load and link onward.
//  6. The English page (/en/tim-kiem/) searches the same index in English words: its label, the
//     announced count, "no results" and the kinds and contexts of results are English; result
//     titles are marked lang="vi"; following a result lands on the English page of its row.
//
// Ends with 'N passed, N failed'; exit status 0 when all passed, 1 otherwise, 2 if it could not run.

import { createRequire } from 'node:module';
import { existsSync, readFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { start } from './serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS, HERE, parseArgs } from './util.mjs';

const { dir, flags } = parseArgs();
const shotsFlag = [...flags].find((f) => f.startsWith('--shots='));
const shots = shotsFlag ? path.resolve(shotsFlag.slice('--shots='.length)) : null;
if (!existsSync(path.join(dir, 'tim-kiem', 'index.html'))) {
  console.error(`search: no search page in ${dir} (build the site first)`);
  process.exit(2);
}
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const vectors = JSON.parse(readFileSync(path.join(HERE, '..', 'search-folding.json'), 'utf8')).pairs;

let passed = 0;
let failed = 0;
function check(ok, what) {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
}

const server = await start(dir);
const site = new URL(server.url);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const outside = [];
const errors = [];

async function context(javaScriptEnabled, viewport = { width: 1280, height: 800 }) {
  const ctx = await browser.newContext({ javaScriptEnabled, viewport, serviceWorkers: 'block' });
  await ctx.route(() => true, (route) => {
    const u = new URL(route.request().url());
    if (u.hostname === '127.0.0.1' || u.protocol === 'data:') return route.continue();
    outside.push(u.href);
    return route.abort('blockedbyclient');
  });
  return ctx;
}

/** axe-core on the page as it is now (results shown): serious and critical violations fail. */
async function axe(page, what) {
  await page.evaluate(AXE_SOURCE);
  const r = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }), AXE_TAGS);
  const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of r.violations) console.log(`     axe ${v.impact}: ${v.id} — ${v.help} (${v.nodes[0]?.target.join(' ')})`);
  check(bad.length === 0, `axe: no serious or critical violation ${what} (${r.violations.length} violation(s) in all)`);
}

function fold(s) {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/đ/g, 'd')
    .split(/[^a-z0-9]+/).filter(Boolean).join(' ');
}

try {
  const on = await context(true);
  const page = await on.newPage();
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  const searchUrl = new URL('tim-kiem/', site).href;
  await page.goto(searchUrl);
  const input = page.getByLabel('Từ cần tìm');
  check(await input.isVisible(), 'JS on: the search box is shown');

  // 1. Folding, against the shared vectors.
  const folded = await page.evaluate((pairs) => pairs.map(([a]) => window.minhbachFold(a)), vectors);
  const wrong = vectors.filter(([a, b], i) => folded[i] !== b).map(([a, b], i) => `${a} → ${folded[i]} (want ${b})`);
  check(wrong.length === 0, `the script folds all ${vectors.length} shared vectors like the index${wrong.length ? ': ' + wrong.join('; ') : ''}`);

  const status = page.locator('#tim-kiem-so');
  const results = page.locator('#tim-kiem-ket-qua > li');

  /** Types `q` key by key and waits for the announced count; returns the results shown. */
  async function type(q) {
    await input.fill('');
    await page.waitForFunction(() => document.querySelector('#tim-kiem-so').textContent === '');
    await input.pressSequentially(q, { delay: 15 });
    await page.waitForFunction(
      (q) => new URL(location.href).searchParams.get('q') === q && /kết quả/.test(document.querySelector('#tim-kiem-so').textContent),
      q,
    );
    await page.waitForTimeout(50);
    return {
      status: await status.textContent(),
      items: await results.evaluateAll((lis) => lis.map((li) => ({
        title: li.querySelector('a').textContent,
        href: li.querySelector('a').getAttribute('href'),
        sub: li.querySelector('.sub').textContent,
      }))),
    };
  }

  function allWordsIn(q, items) {
    const words = fold(q).split(' ');
    return items.every((it) => {
      if (it.title.endsWith('…')) return true; // shortened in the index: its words were indexed whole
      const t = fold(it.title).split(' ');
      return words.every((w, i) => (i === words.length - 1 ? t.some((x) => x.startsWith(w)) : t.includes(w)));
    });
  }

  // 2. Queries with and without tone marks and đ.
  for (const [plain, marked, expect] of [
    ['quang ngai', 'Quảng Ngãi', 'Quảng Ngãi'],
    ['dien tu', 'điện tử', 'điện tử'],
    ['do thi', 'ĐÔ THỊ', 'đô thị'],
    ['tinh thien', 'Tịnh Thiện', 'Tịnh Thiện'],
  ]) {
    const a = await type(plain);
    const b = await type(marked);
    check(a.items.length > 0 && a.items.some((it) => it.title.toLowerCase().includes(expect.toLowerCase())),
      `"${plain}" finds “${expect}” (${a.status})`);
    check(a.status === b.status && JSON.stringify(a.items) === JSON.stringify(b.items),
      `"${marked}" finds exactly what "${plain}" finds`);
    check(allWordsIn(plain, a.items), `every result of "${plain}" contains every word typed`);
  }
  const soHoa = await type('so hoa');
  check(soHoa.items.some((it) => /số hó?a|số hoá/i.test(it.title)), `"so hoa" finds “số hóa” (${soHoa.status})`);
  check(/^Có \d+ kết quả/.test(soHoa.status), `the count is announced in the live region: “${soHoa.status}”`);
  check(await status.getAttribute('aria-live') === 'polite' && await status.getAttribute('role') === 'status', 'the count region is a polite live region');
  const prefix = await type('quang ng');
  check(prefix.items.some((it) => it.title.includes('Quảng Ngãi')), 'the word being typed matches as a prefix ("quang ng")');
  const none = await type('zzqx');
  check(none.items.length === 0 && /Không có kết quả/.test(none.status), `a query that finds nothing says so: “${none.status}”`);

  // A budget item, and following it to its row (inside a closed group of the budget page).
  const mem = await type('phan mem');
  const item = mem.items.find((it) => it.sub.startsWith('Mục kinh phí') && it.href.includes('#'));
  check(Boolean(item), `"phan mem" finds a budget item (${mem.status})`);
  if (shots) { mkdirSync(shots, { recursive: true }); await page.screenshot({ path: path.join(shots, 'search-results-1280.png'), fullPage: false }); }
  await axe(page, 'with results shown, at 1280 px');

  async function follow(it) {
    await Promise.all([page.waitForURL((u) => u.hash === '#' + it.href.split('#')[1]), page.locator(`#tim-kiem-ket-qua a[href="${it.href}"]`).first().click()]);
    await page.waitForLoadState('load');
    await page.waitForTimeout(150);
    return page.evaluate(() => {
      const id = decodeURIComponent(location.hash.slice(1));
      const el = document.getElementById(id);
      if (!el) return { id, exists: false };
      const r = el.getBoundingClientRect();
      return { id, exists: true, visible: r.height > 0 && r.bottom > 0 && r.top < innerHeight, target: el.matches(':target') };
    });
  }
  if (item) {
    const landed = await follow(item);
    check(landed.exists && landed.target && landed.visible, `following “${item.title.slice(0, 50)}” lands on its row #${landed.id}, in view`);
    await page.goBack();
    await page.waitForFunction(() => document.querySelectorAll('#tim-kiem-ket-qua > li').length > 0);
    check((await input.inputValue()) === 'phan mem', 'coming back shows the same query and results');
  }

  // A target, reached from the keyboard: ArrowDown to the first result, Tab onwards, Enter.
  const targets = await type('ty le ho so');
  const ti = targets.items.findIndex((it) => it.sub.startsWith('Chỉ tiêu'));
  check(ti >= 0, `"ty le ho so" finds a target (${targets.status})`);
  if (ti >= 0) {
    await input.press('ArrowDown');
    check(await page.evaluate(() => document.activeElement === document.querySelector('#tim-kiem-ket-qua a')), 'ArrowDown moves from the box to the first result');
    for (let i = 0; i < ti; i++) await page.keyboard.press('Tab');
    const href = await page.evaluate(() => document.activeElement.getAttribute('href'));
    await Promise.all([page.waitForURL((u) => u.href.includes('#')), page.keyboard.press('Enter')]);
    await page.waitForTimeout(150);
    const row = await page.evaluate(() => {
      const el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      const r = el && el.getBoundingClientRect();
      return el ? { tag: el.tagName, visible: r.bottom > 0 && r.top < innerHeight } : null;
    });
    check(href === targets.items[ti].href && row && row.tag === 'TR' && row.visible, `Tab and Enter follow a target result to its table row, in view (${href})`);
  }

  // "Xem thêm": a query with many results shows them in steps.
  await page.goto(searchUrl);
  const many = await type('chuyen doi so');
  const n = Number((many.status.match(/Có ([\d.]+) kết quả/) || [, '0'])[1].replace(/\./g, ''));
  if (n > 20) {
    await page.getByRole('button', { name: 'Xem thêm kết quả' }).click();
    await page.waitForFunction(() => document.querySelectorAll('#tim-kiem-ket-qua > li').length > 20);
    check((await results.count()) === Math.min(40, n), `"Xem thêm kết quả" shows the next results (${await results.count()} of ${n})`);
  } else check(n > 0, `"chuyen doi so" finds ${n} results`);

  // Phone width: the page fits.
  const phone = await (await context(true, { width: 360, height: 800 })).newPage();
  await phone.goto(searchUrl + '?q=' + encodeURIComponent('điện tử'));
  await phone.waitForFunction(() => document.querySelectorAll('#tim-kiem-ket-qua > li').length > 0);
  const wide = await phone.evaluate(() => document.documentElement.scrollWidth);
  check(wide <= 360, `at 360 px the results page is no wider than the screen (${wide} px); a query in the address is run`);
  if (shots) await phone.screenshot({ path: path.join(shots, 'search-results-360.png'), fullPage: true });
  await axe(phone, 'with results shown, at 360 px');

  // 5. JavaScript off.
  const off = await (await context(false)).newPage();
  await off.goto(searchUrl);
  check(!(await off.locator('#tim-kiem').isVisible()), 'JS off: the search form is not shown (it could not work)');
  check((await off.locator('main').innerText()).includes('Ô tìm kiếm cần JavaScript'), 'JS off: the page says search needs JavaScript');
  const lists = await off.locator('main a[href*="a-z/"]').evaluateAll((as) => as.map((a) => a.href));
  check(lists.length === 3, `JS off: the page links to the three A–Z lists (${lists.length})`);
  for (const href of lists) {
    const res = await off.goto(href);
    const links = await off.locator('main ul.az a').count();
    check(res.status() === 200 && links > 0, `JS off: ${new URL(href).pathname} loads and lists ${links} links`);
  }
  if (shots) { await off.goto(searchUrl); await off.screenshot({ path: path.join(shots, 'search-nojs-1280.png'), fullPage: true }); }

  // 6. The English search page.
  const en = await (await context(true)).newPage();
  en.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  en.on('pageerror', (e) => errors.push(String(e)));
  await en.goto(new URL('en/tim-kiem/', site).href);
  const enInput = en.getByLabel('Words to find');
  check(await enInput.isVisible(), 'English: the search box is shown, labelled in English');
  async function typeEn(q) {
    await enInput.fill('');
    await en.waitForFunction(() => document.querySelector('#tim-kiem-so').textContent === '');
    await enInput.pressSequentially(q, { delay: 15 });
    await en.waitForFunction(
      (q) => new URL(location.href).searchParams.get('q') === q && /result/.test(document.querySelector('#tim-kiem-so').textContent),
      q,
    );
    await en.waitForTimeout(50);
    return {
      status: await en.locator('#tim-kiem-so').textContent(),
      items: await en.locator('#tim-kiem-ket-qua > li').evaluateAll((lis) => lis.map((li) => ({
        title: li.querySelector('a').textContent,
        lang: li.querySelector('a').lang,
        href: li.querySelector('a').getAttribute('href'),
        url: li.querySelector('a').href,
        sub: li.querySelector('.sub').textContent,
      }))),
    };
  }
  const enMem = await typeEn('phan mem');
  check(/^(1 result|[\d,]+ results)\./.test(enMem.status), `English: the count is announced in English: “${enMem.status}”`);
  const enItem = enMem.items.find((it) => /^Budget item · .+, item \S+$/.test(it.sub) && it.href.includes('#'));
  check(Boolean(enItem), `English: "phan mem" finds a budget item, named in English (“${enMem.items[0]?.sub}”)`);
  check(enMem.items.length > 0 && enMem.items.every((it) => new URL(it.url).pathname.startsWith('/en/') && it.lang === 'vi'),
    'English: every result leads to an English page, its title marked lang="vi"');
  const enNone = await typeEn('zzqx');
  check(enNone.items.length === 0 && enNone.status === 'No result contains every word typed.', `English: a query that finds nothing says so in English: “${enNone.status}”`);
  const enUnit = await typeEn('tinh thien');
  check(enUnit.items.some((it) => /^(Unit|Plan|Target|Task|Budget item) · /.test(it.sub)) && !enUnit.items.some((it) => /Đơn vị|Kế hoạch \d|, mục /.test(it.sub)),
    `English: kinds and contexts are English (“${enUnit.items.slice(0, 3).map((it) => it.sub).join('”, “')}”)`);
  await axe(en, 'on the English page with results shown');
  if (enItem) {
    await typeEn('phan mem');
    await Promise.all([en.waitForURL((u) => u.hash === '#' + enItem.href.split('#')[1]), en.locator(`#tim-kiem-ket-qua a[href="${enItem.href}"]`).first().click()]);
    await en.waitForLoadState('load');
    await en.waitForTimeout(150);
    const landed = await en.evaluate(() => {
      const el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      return { path: location.pathname, lang: document.documentElement.lang, row: Boolean(el) && el.matches(':target') };
    });
    check(landed.path.startsWith('/en/') && landed.lang === 'en' && landed.row, `English: following “${enItem.title.slice(0, 40)}” lands on its row of the English page ${landed.path}`);
  }

  check(outside.length === 0, `no request leaves the site${outside.length ? ': ' + outside.join(', ') : ''}`);
  const real = errors.filter((e) => !/favicon/.test(e));
  check(real.length === 0, `no console error or CSP violation${real.length ? ': ' + real.join(' | ') : ''}`);
} catch (e) {
  console.error('search: could not run:', e);
  failed++;
} finally {
  await browser.close();
  await server.close();
}
console.log(`search: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
