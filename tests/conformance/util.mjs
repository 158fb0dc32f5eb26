// Helpers shared by the conformance scripts. Dependency-free.

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_PUBLIC = path.resolve(HERE, '..', '..', 'public');

/** Every file under `dir` (recursively) whose name ends with one of `exts`, sorted. */
export async function findFiles(dir, exts) {
  const out = [];
  async function walk(d) {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && exts.some((x) => e.name.toLowerCase().endsWith(x))) out.push(p);
    }
  }
  await walk(dir);
  return out.sort();
}

/** `public/a/b/index.html` → `/a/b/`, `public/x.html` → `/x.html`. */
export function fileToUrlPath(root, file) {
  const rel = path.relative(root, file).split(path.sep).join('/');
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return '/' + rel.slice(0, -'index.html'.length);
  return '/' + rel;
}

/** Parse argv: the first non-flag argument is the site directory; flags are returned as a Set. */
export function parseArgs(argv = process.argv.slice(2)) {
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  const positional = argv.filter((a) => !a.startsWith('--'));
  const dir = path.resolve(positional[0] || DEFAULT_PUBLIC);
  return { dir, flags, positional };
}

/** The representative pages: pages.json next to the scripts (array of paths or of {name, path}). */
export async function readPages() {
  const raw = JSON.parse(await readFile(path.join(HERE, 'pages.json'), 'utf8'));
  const list = Array.isArray(raw) ? raw : raw.pages;
  return list.map((p) => (typeof p === 'string' ? { name: nameFor(p), path: p } : { name: p.name || nameFor(p.path), path: p.path }));
}

/** A file-name-safe name for a URL path: `/` → `home`, `/don-vi/huyen-x/` → `don-vi--huyen-x`. */
export function nameFor(urlPath) {
  const s = urlPath.replace(/^\/+|\/+$/g, '').replace(/\.html$/, '').replace(/\//g, '--').replace(/[^A-Za-z0-9._-]/g, '_');
  return s || 'home';
}

/** Chromium as installed by the distribution; playwright must never download a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];
