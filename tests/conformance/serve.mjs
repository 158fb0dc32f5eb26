// A tiny, dependency-free static file server for the generated site.
//
//   import { start } from './serve.mjs';
//   const { url, close } = await start('../../public');   // url = 'http://127.0.0.1:PORT'
//   ...
//   await close();
//
// Listens on 127.0.0.1 only, on a free port chosen by the OS. `/x/` is served as
// `/x/index.html`; `/x` (a directory, no slash) redirects to `/x/` as a real static host would.
// Anything else that is not a regular file inside the directory is a 404.
// Run directly (`node serve.mjs [DIR]`) to browse the site by hand; Ctrl-C stops it.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.ttl': 'text/turtle; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Resolve a URL path to a file inside `root`, or null if it escapes it. */
function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

/**
 * Serve `dir` on 127.0.0.1 at a random free port.
 * @param {string} dir
 * @returns {Promise<{url: string, close: () => Promise<void>}>}
 */
export async function start(dir) {
  const root = path.resolve(dir);
  const st = await stat(root).catch(() => null);
  if (!st || !st.isDirectory()) throw new Error(`serve: not a directory: ${root}`);

  const server = createServer(async (req, res) => {
    const notFound = () => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('404 not found\n');
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const urlPath = new URL(req.url, 'http://127.0.0.1').pathname;
    let file = resolveInside(root, urlPath);
    if (!file) return notFound();
    try {
      let s = await stat(file);
      if (s.isDirectory()) {
        if (!urlPath.endsWith('/')) {
          res.writeHead(301, { location: urlPath + '/' });
          res.end();
          return;
        }
        file = path.join(file, 'index.html');
        s = await stat(file);
      }
      if (!s.isFile()) return notFound();
      const type = CONTENT_TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': type,
        'content-length': body.length,
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      notFound();
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dir = process.argv[2] || path.join(here, '..', '..', 'public');
  const { url } = await start(dir);
  console.log(`serving ${path.resolve(dir)} at ${url}/`);
}
