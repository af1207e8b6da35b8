// Which index files the first query fetches, and their gzip sizes (level 6,
// like bench/serve.mjs), without a browser: the engine of the built site
// (js/search-engine.js as published) in Node. For quick comparisons of index
// formats; the budgets are measured in Chromium by bench/search.mjs.
//
//   node bench/search-files.mjs SITE_OUTPUT_DIR "query" ["query" ...]
//
// Prints one JSON line per query: total gzip bytes of the meta file, the
// postings round and the store round, and the files of the postings round by
// size.
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const [site, ...queries] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const S = require(join(site, existsSync(join(site, 'js/search-engine.js')) ? 'js/search-engine.js' : 'js/search.js'));
const gz = (p) => gzipSync(readFileSync(join(site, p)), { level: 6 }).length;
const meta = '/_search/' + readdirSync(join(site, '_search')).find((f) => f.startsWith('meta.'));
// The client as published: one file before the engine and the page were split, two after.
const js = ['js/search-text.js', 'js/search-query.js', 'js/search-engine.js', 'js/search.js'].filter((f) => existsSync(join(site, f))).reduce((n, f) => n + gz(f), 0);

for (const q of queries) {
  const fetched = [];
  const load = (p) => { fetched.push(p); return JSON.parse(readFileSync(join(site, p), 'utf8')); };
  const engine = await S.open(meta, load);
  const res = await engine.search(q);
  const postings = fetched.slice(1);
  await engine.records(res.hits.slice(0, 10).map((m) => m[0]), res.plan);
  const store = fetched.slice(1 + postings.length);
  const sum = (list) => list.reduce((n, p) => n + gz(p), 0);
  const files = postings.map((p) => [p.replace('/_search/', ''), gz(p)]).sort((a, b) => b[1] - a[1]);
  console.log(JSON.stringify({
    q, words: q.trim().split(/\s+/).length, hits: res.hits.length,
    kb: +((js + gz(meta) + sum(postings) + sum(store)) / 1024).toFixed(1),
    js, meta: gz(meta), postings: sum(postings), store: sum(store), files,
  }));
}
