// Browser measurements of a first search query, in headless Debian Chromium
// driven by playwright-core: bytes transferred (gzip, from the browser's own
// accounting), sequential fetch rounds after the page's load event, time to
// first results, and query evaluation time with the index files in memory.
//
//   node search.mjs --tool thidua|pagefind --site DIR [--label L] [--query Q] [--throttle] [--eval]
//
// Prints one JSON object. --throttle applies CDP network conditions (400 ms
// RTT, 400 kbit/s both ways) and 4x CPU slowdown.
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import path from 'node:path';

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const tool = opt('--tool', 'thidua');
const site = path.resolve(opt('--site', 'public'));
const query = opt('--query', 'nguoi co uy tin');
const throttle = args.includes('--throttle');
const doEval = args.includes('--eval');
const label = opt('--label', path.basename(path.dirname(site)));

const UI = {
  thidua: { input: '#search-q', result: '#search-results li a' },
  pagefind: { input: '.pagefind-ui__search-input', result: '.pagefind-ui__result-link' },
}[tool];

const server = await serve(site, 0);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run'],
});

function classify(url) {
  const p = new URL(url).pathname;
  if (p.startsWith('/_search/') || (p.startsWith('/pagefind/') && !/\.(js|css)$/.test(p))) return 'index';
  if (p.endsWith('.js')) return 'js';
  if (p.endsWith('.css')) return 'css';
  return 'page';
}

async function firstQuery() {
  // The portal's service worker would fetch the index files itself, and the page would see them with
  // no size (negative bodies in Playwright's accounting): a first visit is measured without it.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttle) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  const reqs = [];
  page.on('requestfinished', async (r) => {
    const t = r.timing();
    const sizes = await r.sizes();
    reqs.push({ url: r.url(), kind: classify(r.url()), start: t.startTime, end: t.startTime + t.responseEnd,
      body: sizes.responseBodySize, headers: sizes.responseHeadersSize });
  });
  const nav = Date.now();
  await page.goto(`${origin}/tim-kiem/`, { waitUntil: 'load', timeout: 120_000 });
  const loaded = Date.now();
  await page.waitForTimeout(throttle ? 3000 : 300); // let preloads settle; typing starts on an idle page
  const typed = Date.now();
  await page.fill(UI.input, query);
  await page.waitForSelector(UI.result, { timeout: 120_000 });
  const shown = Date.now();
  await page.waitForTimeout(throttle ? 5000 : 1000); // fetches still in flight belong to this query
  await context.close();

  const sum = (f) => reqs.filter(f).reduce((a, r) => a + r.body, 0);
  // Only the search's own fetches count (the favicon and the like are not rounds of the query).
  const after = reqs.filter((r) => r.start >= loaded - 1 && (r.kind === 'js' || r.kind === 'index')).sort((a, b) => a.start - b.start);
  // Rounds: requests issued together (one Promise.all) start within a few ms
  // of each other; a request opens a new round when it starts well after the
  // current round's last start and after one of that round's requests ended
  // (it could have been waiting for it). Connection-pool queueing on the
  // HTTP/1.1 test server does not delay these start times.
  const GAP_MS = 30;
  let round = 0, cur = [];
  for (const r of after) {
    const lastStart = Math.max(...cur.map((x) => x.start)), firstEnd = Math.min(...cur.map((x) => x.end));
    if (!cur.length || (r.start - lastStart > GAP_MS && r.start >= firstEnd)) { round++; cur = []; }
    cur.push(r);
    r.round = round;
  }
  return {
    tool, site: label, query, throttle,
    bytes: { page: sum((r) => r.kind === 'page'), css: sum((r) => r.kind === 'css'),
      js: sum((r) => r.kind === 'js'), index: sum((r) => r.kind === 'index') },
    search_bytes: sum((r) => r.kind === 'js' || r.kind === 'index'),
    requests: reqs.length,
    rounds_after_load: round,
    timeline: after.map((r) => [new URL(r.url).pathname, Math.round(r.start - loaded), Math.round(r.end - loaded)]),
    post_load_requests: after.map((r) => `${new URL(r.url).pathname}#${r.round}`),
    ms: { load: loaded - nav, type_to_results: shown - typed, nav_to_results: shown - nav },
  };
}

// The last five are written as readers type: a question, Telex and VNI left-overs, number words and a
// twelve-word sentence (graded matching, decoding and number spans).
const EVAL_QUERIES = ['nguoi co uy tin', 'đồng bào dân tộc thiểu số', 'DTTS', '263/KH-UBND', 'giam ngheo ben vung', 'Xtiêng', 'chuyen doi so',
  'ai là người có uy tín ở xã nào', 'nguwowif cos uy tins', 'ho65 nghe2o DTTS', 'một nghìn hộ nghèo',
  'phong trào thi đua vì người nghèo không để ai bị bỏ lại phía sau'];

async function evalTimes() {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${origin}/tim-kiem/`, { waitUntil: 'load' });
  const out = await page.evaluate(async ({ tool, queries }) => {
    const now = () => performance.now();
    let run;
    if (tool === 'thidua') {
      const entry = document.getElementById('search-app').getAttribute('data-index');
      const eng = await window.ThiduaSearch.open(entry, (p) => fetch(p).then((r) => r.json()));
      run = async (q) => { const res = await eng.search(q); await eng.records(res.hits.slice(0, 10).map((m) => m[0]), res.plan); return res.hits.length; };
    } else {
      const pf = await import('/pagefind/pagefind.js');
      await pf.init();
      run = async (q) => { const res = await pf.search(q); await Promise.all(res.results.slice(0, 10).map((r) => r.data())); return res.results.length; };
    }
    const rows = [];
    for (const q of queries) {
      const t0 = now(); const hits = await run(q); const cold = now() - t0; // includes fetching its files
      const times = [];
      for (let i = 0; i < 7; i++) { const t = now(); await run(q); times.push(now() - t); }
      times.sort((a, b) => a - b);
      rows.push({ q, hits, first_ms: +cold.toFixed(1), median_ms: +times[3].toFixed(1), max_ms: +times[6].toFixed(1) });
    }
    return rows;
  }, { tool, queries: EVAL_QUERIES });
  await context.close();
  return out;
}

try {
  const result = await firstQuery();
  if (doEval) result.eval = await evalTimes();
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  server.close();
}
