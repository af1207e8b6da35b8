// Shared set-up of the browser tests: build the demo portal once into a
// temporary folder, serve it on 127.0.0.1 under the strict Content-Security-Policy
// that README's deploy section recommends, and drive the Debian chromium through
// playwright-core (no browser download).
//
// This file is not a test (node --test only runs *.test.mjs); the test files
// import it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The strict policy the portal must work under: no inline script, no inline style. */
/** The pages the browser tests and the screenshots look at. */
export const PAGES = {
  home: '/',
  campaign: '/phong-trao/giai-ngan-von-dau-tu-cong/',
  person: '/dien-hinh/dieu-brai/',
  directory: '/dien-hinh/',
  registry: '/van-ban/',
  news: '/tin-tuc/tap-huan-ky-nang-so-cho-nguoi-co-uy-tin/',
  document: '/van-ban/ke-hoach-30-kh-ubnd/',
  filtered: '/van-ban/loai/ke-hoach/',
  english: '/en/',
  search: '/tim-kiem/?q=nguoi%20co%20uy%20tin',
};

export const STRICT_CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
  "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

/** The header lines of the `/*` block of the shipped static/_headers. */
export function shippedHeaders() {
  const text = readFileSync(join(repo, 'static/_headers'), 'utf8');
  const block = text.split(/\n(?=\S)/).find((b) => b.startsWith('/*\n'));
  assert.ok(block, 'static/_headers has a /* block');
  return Object.fromEntries(
    block
      .split('\n')
      .slice(1)
      .filter((l) => l.trim())
      .map((l) => l.trim().split(/:\s*(.*)/s).slice(0, 2)),
  );
}

/** Every page is served with the policy shipped in static/_headers. */
export const CSP = shippedHeaders()['Content-Security-Policy'];

/** The thidua binary: the one `cargo test` built (THIDUA_BIN), else a debug build. */
export function thiduaBin() {
  if (process.env.THIDUA_BIN) return process.env.THIDUA_BIN;
  const cargo = spawnSync('cargo', ['build', '--quiet', '--bin', 'thidua'], { cwd: repo, stdio: 'inherit' });
  assert.equal(cargo.status, 0, 'cargo build');
  return join(process.env.CARGO_TARGET_DIR || join(repo, 'target'), 'debug', 'thidua');
}

/** Builds the demo portal into a fresh temporary folder; returns the output folder. */
export function buildDemo() {
  const tmp = mkdtempSync(join(tmpdir(), 'thidua-browser-'));
  process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
  const out = join(tmp, 'public');
  const r = spawnSync(thiduaBin(), ['build', '--root', repo, '--output', out], { encoding: 'utf8' });
  assert.equal(r.status, 0, `thidua build: ${r.stderr}`);
  return out;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
};

/** The file a request path maps to, or null when it would leave `root`. */
export function fileFor(root, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const file = resolve(root, '.' + path);
  if (file !== root && !file.startsWith(root + sep)) return null;
  if (existsSync(file) && statSync(file).isDirectory()) return join(file, 'index.html');
  return file;
}

/**
 * Serves `root` on 127.0.0.1 at an ephemeral port with the CSP header. Only
 * files inside `root` are served; the server closes itself after `lifetimeMs`
 * whatever happens to the tests. Resolves to { origin, close }.
 */
export function serve(root, { lifetimeMs = 5 * 60 * 1000 } = {}) {
  root = resolve(root);
  const server = createServer((req, res) => {
    const headers = { 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };
    const file = fileFor(root, req.url || '/');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, headers).end();
      return;
    }
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { ...headers, 'Content-Type': TYPES['.html'] });
      res.end(req.method === 'HEAD' ? undefined : readFileSync(join(root, '404.html')));
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] || 'application/octet-stream' });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const close = () =>
    new Promise((done) => {
      for (const s of sockets) s.destroy();
      server.close(() => done());
    });
  setTimeout(close, lifetimeMs).unref();
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok({ origin: `http://127.0.0.1:${server.address().port}`, close }));
  });
}

/** The flags every headless Chromium of the tests and benchmarks starts with. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** Launches the Debian chromium headless, without downloading anything. */
export async function launch() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
}

/** Fails with the command that fixes it when the npm packages are missing. */
export function requireNodeModules() {
  for (const p of ['playwright-core', 'axe-core', 'vnu-jar']) {
    assert.ok(existsSync(join(repo, 'node_modules', p)), `node_modules/${p} is missing: run npm ci (bash .ci/run does it)`);
  }
}
