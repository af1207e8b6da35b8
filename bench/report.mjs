// Turns bench/out/ into the Markdown tables of BENCHMARKS.md.
//   node bench/report.mjs bench/out > bench/out/report.md
import fs from 'node:fs';
import path from 'node:path';

const out = process.argv[2] || 'bench/out';
const read = (f) => { try { return fs.readFileSync(path.join(out, f), 'utf8'); } catch { return ''; } };
const jsonl = (f) => read(f).split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const f = (x, d = 2) => (x === undefined || Number.isNaN(x) ? '–' : x.toFixed(d));
const kb = (b) => (b / 1024).toFixed(1);

const rows = read('results.tsv').trim().split('\n').slice(1).filter(Boolean).map((l) => {
  const [n, rep, step, wall, cpu, rss, outMb, idxMb, files] = l.split('\t');
  return { n: +n, rep: +rep, step, wall: +wall, cpu: +cpu, rss: +rss, out: +outMb, idx: +idxMb, files: +files };
});
const sizes = [...new Set(rows.map((r) => r.n))].sort((a, b) => a - b);
const med = (n, step, key) => { const xs = rows.filter((r) => r.n === n && r.step === step).map((r) => r[key]); return xs.length ? median(xs) : undefined; };
const reps = (n, step) => rows.filter((r) => r.n === n && r.step === step).length;

console.log('### Builds (median of the runs; wall and CPU in seconds, peak RSS and sizes in MB)\n');
console.log('| N | step | runs | wall s | CPU s (user+sys) | peak RSS MB | output MB | search index MB | files |');
console.log('|---:|---|---:|---:|---:|---:|---:|---:|---:|');
for (const n of sizes) for (const step of ['thidua_cold', 'thidua_warm', 'hugo', 'pagefind']) {
  if (!reps(n, step)) continue;
  console.log(`| ${n.toLocaleString('en')} | ${step} | ${reps(n, step)} | ${f(med(n, step, 'wall'))} | ${f(med(n, step, 'cpu'))} | ${f(med(n, step, 'rss'), 0)} | ${f(med(n, step, 'out'), 1)} | ${step === 'hugo' ? '–' : f(med(n, step, 'idx'), 2)} | ${med(n, step, 'files')} |`);
}

console.log('\n### Ratios (same run)\n');
console.log('| N | thidua cold ÷ (Hugo + Pagefind) wall | CPU ratio | thidua warm ÷ cold | thidua ms/record (cold, wall) | vs smallest N | thidua CPU ms/record | vs smallest N | Hugo+Pagefind ms/record |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
const base = sizes.length ? med(sizes[0], 'thidua_cold', 'wall') / sizes[0] : 1;
const baseCpu = sizes.length ? med(sizes[0], 'thidua_cold', 'cpu') / sizes[0] : 1;
for (const n of sizes) {
  const tc = med(n, 'thidua_cold', 'wall'), tw = med(n, 'thidua_warm', 'wall');
  const hp = med(n, 'hugo', 'wall') + med(n, 'pagefind', 'wall');
  const hpCpu = med(n, 'hugo', 'cpu') + med(n, 'pagefind', 'cpu');
  const per = tc / n;
  console.log(`| ${n.toLocaleString('en')} | ${f(tc / hp, 3)} | ${f(med(n, 'thidua_cold', 'cpu') / hpCpu, 3)} | ${f(tw / tc, 2)} | ${f(per * 1000, 3)} | ${f(per / base, 2)}× | ${f(med(n, 'thidua_cold', 'cpu') / n * 1000, 3)} | ${f(med(n, 'thidua_cold', 'cpu') / n / baseCpu, 2)}× | ${f(hp / n * 1000, 3)} |`);
}

const stages = jsonl('stages.jsonl');
if (stages.length) {
  console.log('\n### Where thidua\'s build time goes (examples/bench_stages, one run per N, ms)\n');
  console.log('| N | load+validate | search index | images | render | write | total | search share |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const s of stages) console.log(`| ${s.n.toLocaleString('en')} | ${f(s.load_ms, 0)} | ${f(s.search_ms, 0)} | ${f(s.images_ms, 0)} | ${f(s.render_ms, 0)} | ${f(s.write_ms, 0)} | ${f(s.total_ms, 0)} | ${f(s.search_share * 100, 1)}% |`);
}

const serve = jsonl('serve.jsonl');
if (serve.length) {
  console.log('\n### `serve`: saving one news record → reload message (bench/serve_latency.py, ms)\n');
  console.log('| N | edits | median | min | max |');
  console.log('|---:|---:|---:|---:|---:|');
  for (const s of serve) console.log(`| ${s.n.toLocaleString('en')} | ${s.edits} | ${s.median_ms} | ${s.min_ms} | ${s.max_ms} |`);
}

const search = jsonl('search.jsonl');
// Rounds of the search's own files only (older runs also counted the favicon).
const isSearchFile = (e) => /^\/(_search|pagefind|js)\//.test(e);
for (const s of search.filter((x) => !x.timeline)) s.rounds_after_load = new Set(s.post_load_requests.filter(isSearchFile).map((e) => e.split('#')[1])).size;
if (search.length) {
  console.log('\n### First query from a cold page in headless Chromium (typed after the load event)\n');
  console.log('| site | tool | query | throttled | JS KB gz | index+data KB gz | search total KB | page+CSS KB | rounds after load | type→results ms | navigation→results ms |');
  console.log('|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const s of search) console.log(`| ${s.site} | ${s.tool} | \`${s.query}\` | ${s.throttle ? 'yes' : 'no'} | ${kb(s.bytes.js)} | ${kb(s.bytes.index)} | ${kb(s.search_bytes)} | ${kb(s.bytes.page + s.bytes.css)} | ${s.rounds_after_load} | ${s.ms.type_to_results} | ${s.ms.nav_to_results} |`);
  console.log('\nFetches after the load event (path#round):\n');
  for (const s of search.filter((x) => !x.throttle)) console.log(`- ${s.site} ${s.tool} \`${s.query}\`: ${s.post_load_requests.join(', ') || '(none)'}`);
  const ev = search.filter((s) => s.eval);
  if (ev.length) {
    console.log('\n### Query evaluation in the browser, 5,000 records (index files already fetched; median of 7, ms; includes result data/excerpts of the top 10)\n');
    console.log('| query | thidua hits | thidua median | thidua max | Pagefind hits | Pagefind median | Pagefind max |');
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    const t = ev.find((s) => s.tool === 'thidua')?.eval || [], p = ev.find((s) => s.tool === 'pagefind')?.eval || [];
    for (let i = 0; i < Math.max(t.length, p.length); i++) {
      console.log(`| \`${(t[i] || p[i]).q}\` | ${t[i]?.hits ?? '–'} | ${t[i]?.median_ms ?? '–'} | ${t[i]?.max_ms ?? '–'} | ${p[i]?.hits ?? '–'} | ${p[i]?.median_ms ?? '–'} | ${p[i]?.max_ms ?? '–'} |`);
    }
  }
}
const js = read('clientjs.json');
if (js) {
  const j = JSON.parse(js);
  console.log(`\nClient JS, gzip -6: thidua search-text.js + search-query.js + search-engine.js + search.js as published ${kb(j.client_js_gzip)} KB; Pagefind pagefind-ui.js ${kb(j.pagefind_ui_js_gzip)} KB + pagefind.js ${kb(j.pagefind_js_gzip)} KB (plus its WebAssembly).`);
}
console.log('\n```\n' + read('versions.txt') + '```');
