// A small static server with gzip, for the browser measurements.
// `node serve.mjs DIR [PORT]` (PORT 0 = any free port; prints "listening PORT").
// `serve(root, port, extra)` adds the `extra` headers to every answer.
// Text files (html, css, js, json, xml, svg) are gzipped at level 6 like a
// default nginx `gzip on`; Pagefind's own .pf_* files are already compressed
// and are sent as they are.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'application/javascript',
  '.mjs': 'application/javascript', '.json': 'application/json', '.xml': 'application/xml',
  '.svg': 'image/svg+xml', '.wasm': 'application/wasm', '.jpg': 'image/jpeg', '.pdf': 'application/pdf',
};
const TEXT = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.svg']);

export function serve(root, port = 0, extra = {}) {
  const cache = new Map();
  const server = http.createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = path.join(root, rel);
    if (!file.startsWith(path.resolve(root))) { res.writeHead(403); return res.end(); }
    try { if (fs.statSync(file).isDirectory()) file = path.join(file, 'index.html'); } catch { /* 404 below */ }
    let body;
    try { body = fs.readFileSync(file); } catch { res.writeHead(404); return res.end('not found'); }
    const ext = path.extname(file);
    const headers = { ...extra, 'content-type': TYPES[ext] || 'application/octet-stream', 'cache-control': 'no-cache' };
    if (TEXT.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      if (!cache.has(file)) cache.set(file, zlib.gzipSync(body, { level: 6 }));
      body = cache.get(file);
      headers['content-encoding'] = 'gzip';
      headers.vary = 'accept-encoding';
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(body);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const s = await serve(path.resolve(process.argv[2] || 'public'), Number(process.argv[3] || 0));
  console.log('listening', s.address().port);
}
