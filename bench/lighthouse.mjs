// Lighthouse (mobile profile: Moto G Power viewport, simulated slow 4G and 4×
// CPU slowdown) over the main pages of a built site, in Debian's chromium.
//
//   (cd bench && npm install)            # lighthouse + chrome-launcher, from bench/package.json
//   target/release/thidua build          # the demo portal into public/
//   node bench/lighthouse.mjs [SITE] [--runs N] [--only search,news] [--out FILE]
//
// SITE defaults to public/; --only picks pages by name (home, campaign, person,
// directory, registry, news, search). The site is served on 127.0.0.1 by bench/serve.mjs
// (gzip level 6 like nginx `gzip on`) with the headers of static/_headers' `/*`
// block, so the strict Content-Security-Policy is in force. Each page is run N
// times (default 3) in a fresh tab; the table shows the median of each category
// and the audits that lost points in any run. Everything is also written as
// JSON to FILE (default bench/out/lighthouse.json).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { serve } from './serve.mjs';
import { CHROMIUM_FLAGS, PAGES, shippedHeaders } from '../tests/browser/support/portal.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const lighthouseVersion = JSON.parse(readFileSync(join(here, 'node_modules/lighthouse/package.json'), 'utf8')).version;
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const [, value] = args.splice(i, 2);
  return value;
};
const runs = Number(option('--runs', 3));
const only = option('--only', '');
const out = resolve(option('--out', join(here, 'out', 'lighthouse.json')));
const site = resolve(args[0] || join(here, '..', 'public'));

const pages = Object.fromEntries(
  Object.entries({ ...PAGES, search: '/tim-kiem/?q=nguoi+co+uy+tin' }).filter(([name]) => !only || only.split(',').includes(name)),
);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const FLAGS = CHROMIUM_FLAGS;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const server = await serve(site, 0, shippedHeaders());
const origin = `http://127.0.0.1:${server.address().port}`;
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: FLAGS,
});
const results = {};
try {
  for (const [name, path] of Object.entries(pages)) {
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, []]));
    const lost = new Map();
    const metrics = [];
    for (let run = 0; run < runs; run++) {
      const { lhr } = await lighthouse(origin + path, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: CATEGORIES,
      });
      if (lhr.runtimeError) throw new Error(`${name}: ${lhr.runtimeError.message}`);
      for (const c of CATEGORIES) scores[c].push(Math.round(lhr.categories[c].score * 100));
      for (const c of CATEGORIES) {
        for (const ref of lhr.categories[c].auditRefs) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
            lost.set(ref.id, `${c}: ${audit.title} (${audit.displayValue || audit.score})`);
          }
        }
      }
      const m = (id) => lhr.audits[id]?.numericValue;
      metrics.push({ fcp: m('first-contentful-paint'), lcp: m('largest-contentful-paint'), tbt: m('total-blocking-time'), cls: m('cumulative-layout-shift') });
    }
    results[name] = {
      path,
      median: Object.fromEntries(CATEGORIES.map((c) => [c, median(scores[c])])),
      runs: scores,
      lcp_ms: Math.round(median(metrics.map((x) => x.lcp))),
      fcp_ms: Math.round(median(metrics.map((x) => x.fcp))),
      lost: [...lost.values()],
    };
    const r = results[name];
    console.log(
      `${name.padEnd(10)} perf ${r.median.performance} a11y ${r.median.accessibility} bp ${r.median['best-practices']} seo ${r.median.seo}` +
        `  (FCP ${r.fcp_ms} ms, LCP ${r.lcp_ms} ms; perf runs ${scores.performance.join('/')})`,
    );
    for (const l of r.lost) console.log(`    - ${l}`);
  }
} finally {
  await chrome.kill();
  server.close();
}
mkdirSync(dirname(out), { recursive: true });
const chromium = execFileSync(chromePath, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] });
writeFileSync(out, JSON.stringify({ chromium: chromium.toString().trim(), lighthouse: lighthouseVersion, runs, results }, null, 2));
console.log('\n| page | path | performance | accessibility | best practices | SEO |');
console.log('|---|---|---:|---:|---:|---:|');
for (const [name, r] of Object.entries(results)) {
  const m = r.median;
  console.log(`| ${name} | \`${r.path}\` | ${m.performance} | ${m.accessibility} | ${m['best-practices']} | ${m.seo} |`);
}
console.log(`\nwritten to ${out}`);
