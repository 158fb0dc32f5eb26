// Nu Html Checker (vnu.jar, from the vnu-jar npm package) on EVERY .html file of the site,
// and on every .svg file as SVG (vnu's --svg mode) if the site has any.
//
//   node html.mjs [SITE_DIR] [--css]
//
// SITE_DIR defaults to ../../public (relative to this script). --css also checks the site's
// .css files with vnu's CSS checker. Prints each error as `file:line.col: error: message`,
// then a summary grouped by message, and exits 1 if there is any error (warnings and info
// messages are not reported: --errors-only).
//
// Java 11+ must be on PATH (JAVA env var overrides). vnu-jar's postinstall script would fetch a
// Java runtime when none is found; it is not needed here, so install with `npm ci --ignore-scripts`.

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFiles, parseArgs } from './util.mjs';

const require = createRequire(import.meta.url);
const VNU_JAR = path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build', 'dist', 'vnu.jar');
const JAVA = process.env.JAVA || 'java';
const CHUNK = 400; // files per vnu invocation (keeps the command line short)

const { dir, flags } = parseArgs();
if (!existsSync(dir)) {
  console.error(`html: no such directory: ${dir} (build the site first: cargo run --release -- build)`);
  process.exit(2);
}
if (!existsSync(VNU_JAR)) {
  console.error(`html: vnu.jar not found at ${VNU_JAR} (run npm ci in tests/conformance)`);
  process.exit(2);
}

/** Run vnu on `files` with extra `mode` args; resolves {code, lines}. */
function vnu(mode, files) {
  return new Promise((resolve, reject) => {
    const args = ['-jar', VNU_JAR, '--errors-only', '--format', 'gnu', '--stdout', ...mode, ...files];
    const child = spawn(JAVA, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, lines: out.split('\n').filter((l) => l.trim()) }));
  });
}

// gnu format: "file":L.C-L.C: error: message   or   "file":L.C: error: ...   or  "file": error: ...
const GNU = /^"(.*?)":(?:(\d+)(?:\.(\d+))?(?:-\d+(?:\.\d+)?)?:)?\s*(error|fatal|non-document-error|warning|info)[^:]*:\s*(.*)$/;

/** vnu names files as file: URLs; show them relative to the current directory. */
function displayPath(name) {
  let p = name;
  if (p.startsWith('file:')) {
    try {
      p = fileURLToPath(p);
    } catch {
      p = p.slice('file:'.length);
    }
  }
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') ? rel : p;
}

const problems = []; // {kind, file, line, col, message, raw}
let failedRuns = 0;

async function check(label, mode, files) {
  if (files.length === 0) {
    console.log(`html: ${label}: no files`);
    return;
  }
  const t0 = Date.now();
  for (let i = 0; i < files.length; i += CHUNK) {
    const { code, lines } = await vnu(mode, files.slice(i, i + CHUNK));
    let parsed = 0;
    for (const raw of lines) {
      const m = GNU.exec(raw);
      if (m) {
        parsed++;
        problems.push({
          kind: label,
          file: displayPath(m[1]),
          line: m[2] ? Number(m[2]) : null,
          col: m[3] ? Number(m[3]) : null,
          level: m[4],
          message: m[5],
          raw,
        });
      } else {
        // Anything vnu says that is not a located message (e.g. an I/O error) counts as an error.
        problems.push({ kind: label, file: '(vnu)', line: null, col: null, level: 'error', message: raw, raw });
      }
    }
    if (code !== 0 && parsed === 0 && lines.length === 0) failedRuns++;
  }
  console.log(`html: ${label}: checked ${files.length} file(s) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

const html = await findFiles(dir, ['.html', '.htm']);
if (html.length === 0) {
  console.error(`html: no .html files under ${dir}: nothing to check (is the site built?)`);
  process.exit(1);
}
const svg = await findFiles(dir, ['.svg']);
await check('html', [], html);
if (svg.length) await check('svg', ['--svg'], svg);
else console.log('html: svg: the site has no .svg files; nothing to check as SVG');
if (flags.has('--css')) await check('css', ['--css'], await findFiles(dir, ['.css']));

const errors = problems.filter((p) => p.level !== 'warning' && p.level !== 'info');

if (errors.length) {
  console.log('\n== errors');
  for (const p of errors) {
    const loc = p.line ? `${p.file}:${p.line}${p.col ? '.' + p.col : ''}` : p.file;
    console.log(`${loc}: ${p.level}: ${p.message}`);
  }
  // Summary grouped by message (with quoted specifics kept: they are usually the element name).
  const groups = new Map();
  for (const p of errors) {
    const key = `[${p.kind}] ${p.message}`;
    if (!groups.has(key)) groups.set(key, { n: 0, files: new Set(), example: p });
    const g = groups.get(key);
    g.n++;
    g.files.add(p.file);
  }
  console.log('\n== summary (by message)');
  for (const [key, g] of [...groups].sort((a, b) => b[1].n - a[1].n)) {
    const ex = g.example;
    const loc = ex.line ? `${ex.file}:${ex.line}${ex.col ? '.' + ex.col : ''}` : ex.file;
    console.log(`${String(g.n).padStart(5)} × in ${g.files.size} file(s)  ${key}\n        e.g. ${loc}`);
  }
}

const nfiles = new Set(errors.map((p) => p.file)).size;
console.log(
  `\nhtml: ${html.length} html + ${svg.length} svg file(s) checked; ${errors.length} error(s) in ${nfiles} file(s)` +
    (failedRuns ? `; ${failedRuns} vnu run(s) failed without output` : ''),
);
process.exit(errors.length || failedRuns ? 1 : 0);
