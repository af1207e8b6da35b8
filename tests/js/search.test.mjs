// Conformance of the browser client with `thidua search`: builds the demo
// portal with the real binary, then asks every query of the relevance set to
// both and compares the top-5 URLs — with the theme's source and with the
// minified client the build publishes. Run with `node --test tests/js/`.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const client = require(join(repo, 'themes/default/static/js/search-engine.js'));
const relevance = JSON.parse(readFileSync(join(repo, 'tests/fixtures/search/relevance.json'), 'utf8')).queries;
// The search client as the page loads it: analyzer, scoring, engine, then the page.
const CLIENT_FILES = ['search-text.js', 'search-query.js', 'search-engine.js', 'search.js'];

let out, bin, engine, published, publishedEngine;

function run(args) {
  const r = spawnSync(bin, args, { cwd: repo, encoding: 'utf8' });
  assert.equal(r.status, 0, `thidua ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

before(async () => {
  // `cargo test` passes the binary it built (tests/it/js.rs); run alone, build it here.
  bin = process.env.THIDUA_BIN;
  if (!bin) {
    const cargo = spawnSync('cargo', ['build', '--quiet', '--bin', 'thidua'], { cwd: repo, encoding: 'utf8', stdio: 'inherit' });
    assert.equal(cargo.status, 0, 'cargo build');
    bin = join(process.env.CARGO_TARGET_DIR || join(repo, 'target'), 'debug', 'thidua');
  }
  const tmp = mkdtempSync(join(tmpdir(), 'thidua-js-'));
  process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
  out = join(tmp, 'public');
  run(['build', '--root', repo, '--output', out]);
  const meta = readdirSync(join(out, '_search')).find((f) => f.startsWith('meta.'));
  const load = (p) => JSON.parse(readFileSync(join(out, p), 'utf8'));
  engine = await client.open('/_search/' + meta, load);
  published = require(join(out, 'js/search-engine.js'));
  publishedEngine = await published.open('/_search/' + meta, load);
});

async function jsTop(q, opts = {}, limit = 5, e = engine) {
  const res = await e.search(q, opts);
  const recs = await e.records(res.hits.slice(0, limit).map((m) => m[0]), res.plan);
  return { res, recs, urls: recs.map((r) => r.url) };
}

test('the client returns the same top-10 hits as `thidua search` for every relevance query', async () => {
  let compared = 0;
  for (const c of relevance) {
    const rust = JSON.parse(run(['search', '--json', '--limit', '10', '--output', out, '--', c.q]));
    for (const [name, e] of [['source', engine], ['published', publishedEngine]]) {
      const js = await jsTop(c.q, {}, 10, e);
      assert.deepEqual(js.urls, rust.map((h) => h.url), `${name} client, query ${JSON.stringify(c.q)}`);
      const hits = js.res.hits.slice(0, 10);
      assert.deepEqual(hits.map((m) => m[1]), rust.map((h) => h.score), `${name} client, scores of ${JSON.stringify(c.q)}`);
      const missing = hits.map((m) => m[2].map((i) => client.display(js.res.plan.slots[i])));
      assert.deepEqual(missing, rust.map((h) => h.missing), `${name} client, missing words of ${JSON.stringify(c.q)}`);
    }
    compared++;
  }
  assert.ok(compared >= 40);
});

test('decodes the four forms of postings that encode.rs writes', () => {
  const ident = Array.from({ length: 256 }, (_, l) => l);
  const lv = (...ls) => String.fromCharCode(...ls.map((l) => 0x100 + l));
  const all = 'BAG/////H'; // records 0..=32 as a bitset
  const read = (s) => Array.from(client.decode(all + s, ident).entries());
  // The base level 20, the places 7, 8 and 30 (as encode.rs's test writes them), at 90, 91 and 5.
  const floor = read(lv(20) + 'ADHBW' + lv(90, 91, 5));
  assert.equal(floor.length, 33);
  assert.deepEqual(floor.filter(([, l]) => l !== 20), [[7, 90], [8, 91], [30, 5]]);
  // Two levels, the high ones at places 7 and 8.
  const two = read(lv(20, 90) + 'ACHB');
  assert.deepEqual(two.filter(([, l]) => l === 90).map(([d]) => d), [7, 8]);
  assert.ok(read(lv(33)).every(([, l]) => l === 33));
  const each = read(lv(...Array.from({ length: 33 }, (_, k) => k)));
  assert.ok(each.every(([d, l]) => d === l));
});

test('Telex and VNI decoding like decode.rs', () => {
  const an = new client.Analyzer(engine.meta.tables);
  const cases = {
    nguwowif: 'người', nguwoiwf: 'người', ddoongf: 'đồng', baof: 'bào', tisnh: 'tính', tinhs: 'tính', vieetj: 'việt',
    vietej: 'việt', hoaf: 'hoà', xtieeng: 'xtiêng', uwow: 'ươ', truwowngf: 'trường', dduwa: 'đưa', ddua: 'đua',
    nawm: 'năm', nhw: 'như', thuwowngr: 'thưởng', vie65t: 'việt', vie6t5: 'việt', d9o6ng2: 'đồng',
    ngu7o72i: 'người', na8m: 'năm', chna8m: 'chnăm',
  };
  for (const [typed, want] of Object.entries(cases)) assert.equal(an.decode(typed), want, typed);
  for (const w of ['internet', 'covid', 'online', 'good', 'zoom', 'sinh', 'ngheo', 'xa', 'rung', 'người', 'đồng', 'the',
    'free', '2023', '631', '1a', 'a1b2c3d4', 'x']) {
    assert.equal(an.decode(w), null, w);
  }
});

test('number words and digits are one, like numbers.rs', () => {
  const an = new client.Analyzer(engine.meta.tables);
  const num = (s) => an.readNumber(s.split(' '));
  assert.deepEqual(num('sáu'), [6, 1]);
  assert.deepEqual(num('mười hai'), [12, 2]);
  assert.deepEqual(num('hai mươi mốt'), [21, 3]);
  assert.deepEqual(num('một trăm linh năm'), [105, 4]);
  assert.deepEqual(num('một nghìn'), [1000, 2]);
  assert.deepEqual(num('5 triệu'), [5000000, 2]);
  assert.deepEqual(num('mười năm'), [10, 1], 'ten years');
  for (const s of ['một', 'năm', 'năm 2023', 'sau', 'lăm', 'nghìn', '2023']) assert.equal(num(s), null, s);
  const texts = (s) => an.tokens(s).map((t) => t.text);
  assert.ok(texts('mười hai hộ').includes('12'));
  assert.ok(texts('Một nghìn').includes('1000'));
  // a percent sign is read as its words (split.rs)
  const pct = texts('57,36%');
  assert.equal(pct[0], '57,36');
  for (const w of ['phan', 'tram']) assert.ok(pct.includes(w), pct.join(' '));
  assert.deepEqual(an.chunks('tăng 5 %; x% 10%-20%'), [[0, 4], [5, 6], [7, 8], [10, 11], [13, 20]]);
});

test('a question finds its page, and partial hits name the words they lack', async () => {
  const q = 'ai dạy chữ Thái cho thiếu nhi ở Phú Riềng';
  const { res, urls } = await jsTop(q, {}, 10);
  assert.equal(urls[0], '/dien-hinh/lo-thi-xuan/', urls.join(' '));
  assert.deepEqual(res.hits[0][2], [], 'the question words are optional');
  const partial = res.hits.find((m) => m[2].length);
  if (partial) assert.ok(res.hits.indexOf(partial) > 0, 'full matches come first');
  assert.deepEqual((await jsTop('giá vàng hôm nay')).urls, [], 'a topic the site does not cover finds nothing');
});

test('the help for few results: did-you-mean from the vocabulary and the blocking words', async () => {
  assert.equal(client.suggest(engine.vocab, 'chieg'), 'chieng');
  assert.equal(client.suggest(engine.vocab, 'xyzqwv'), null);
  const res = await engine.search('cong chieng xyzqw', {});
  assert.deepEqual(res.blocking, [2], 'the word no record has blocks');
});

test('the analyzer folds, places tones and expands the glossary like Rust', () => {
  const an = new client.Analyzer(engine.meta.tables);
  const texts = (s) => an.tokens(s).map((t) => t.text);
  assert.deepEqual(texts('Người có uy tín'), ['nguoi', '=người', 'ncut', 'co', '=có', 'uy', 'tin', '=tín']);
  assert.deepEqual(texts('hòa thủy ủy'), texts('hoà thuỷ uỷ'));
  assert.deepEqual(texts('quý'), ['quy', '=quý']);
  assert.deepEqual(texts('Ðồng'), texts('Đồng'));
  assert.deepEqual(texts('Ngu\u031b\u0300o\u031bi'), texts('Người'));
  assert.ok(texts('người S’tiêng').includes('xtieng'));
  assert.deepEqual(texts('1.000'), ['1000']);
  assert.ok(texts('263/KH-UBND').includes('263/kh-ubnd'));
});

test('typing matches prefixes of the last word from 3 letters only', async () => {
  const typing = (q) => jsTop(q, { typing: true }, 20).then((r) => r.urls);
  const tet = '/tin-tuc/chuc-mung-tet-chol-chnam-thmay-2023/';
  assert.ok((await typing('chol chn')).includes(tet), 'chn… completes to chnam while typing');
  assert.deepEqual((await jsTop('chol chn')).urls, [], 'no prefix matching for complete queries');
  assert.deepEqual(await typing('chol chn '), [], 'a trailing space ends the word');
  assert.ok(!(await typing('chol ch')).includes(tet), 'no prefix matching under 3 letters');
});

test('bad input has clear answers and never HTML', async () => {
  assert.deepEqual((await jsTop('')).urls, []);
  assert.deepEqual((await jsTop('!!! ... ???')).urls, []);
  assert.deepEqual((await jsTop('<script>alert(1)</script>')).urls, []);
  const long = await jsTop('người '.repeat(2000));
  assert.ok(long.res.plan.slots.length <= engine.meta.params.maxSlots);
  const unbalanced = await jsTop('"uy tín');
  assert.ok(unbalanced.urls.length > 0, 'an unpaired quote is ignored');
  for (const r of (await jsTop('nguoi co uy tin')).recs) {
    assert.equal(typeof r.excerpt, 'string');
    for (const [a, b] of r.highlights) assert.ok(a < b && b <= r.excerpt.length);
  }
});

test('a word typed with diacritics marks its own spelling in the excerpt, like Rust', async () => {
  const cli = JSON.parse(run(['search', '--json', '--limit', '10', '--output', out, '--', 'phong trào thi đua yêu nước']));
  for (const e of [engine, publishedEngine]) {
    const { recs } = await jsTop('phong trào thi đua yêu nước', {}, 10, e);
    const rec = recs.find((r) => r.url === '/phong-trao/giai-ngan-von-dau-tu-cong/');
    assert.ok(rec, recs.map((r) => r.url).join(' '));
    const marked = rec.highlights.map(([a, b]) => rec.excerpt.slice(a, b).toLowerCase());
    assert.ok(rec.excerpt.toLowerCase().includes('đưa'), rec.excerpt);
    assert.ok(marked.includes('đua') && !marked.includes('đưa'), marked.join(','));
    const hit = cli.find((h) => h.url === rec.url);
    const chars = Array.from(hit.excerpt);
    const cliMarked = hit.highlights.map(([a, b]) => chars.slice(a, b).join('').toLowerCase());
    assert.ok(cliMarked.includes('đua') && !cliMarked.includes('đưa'), cliMarked.join(','));
  }
});

test('filters narrow the hits and counts cover all matches', async () => {
  const all = await engine.search('nguoi co uy tin', { facets: true });
  const people = await engine.search('nguoi co uy tin', { filters: { kind: ['person'] } });
  assert.ok(people.hits.length > 0 && people.hits.length < all.hits.length);
  assert.equal(people.counts.kind.person, people.hits.length);
  for (const [ord] of people.hits) assert.equal(engine.facetsOf(ord).kind, 'person');
});

test('a facet count is the matches passing the other facets\' filters with that value', async () => {
  const q = 'nguoi co uy tin';
  const all = await engine.search(q, { facets: true });
  const person = all.matches.map(([o]) => engine.facetsOf(o)).find((f) => f.kind === 'person' && f.year);
  const filters = { kind: ['person'], year: [person.year] };
  const res = await engine.search(q, { filters });
  const facets = all.matches.map(([o]) => engine.facetsOf(o));
  const values = (f, key) => (key === 'campaign' ? f.campaign : [f[key]]).filter((v) => v !== null);
  const keep = (f, key) => !filters[key] || values(f, key).some((v) => filters[key].includes(v));
  const keys = ['kind', 'campaign', 'ethnicity', 'district', 'year'];
  for (const key of keys) {
    const expected = {};
    for (const f of facets) {
      if (!keys.every((k) => k === key || keep(f, k))) continue;
      for (const v of values(f, key)) expected[v] = (expected[v] || 0) + 1;
    }
    assert.deepEqual(res.counts[key], expected, `counts of ${key}`);
  }
  assert.ok(Object.keys(res.counts.kind).length > 1, 'other kinds keep their counts while kind is filtered');
  assert.equal(res.counts.kind.person, res.hits.length, 'the selected value counts the hits');
  assert.ok(res.counts.kind.person < all.counts.kind.person, 'the year filter narrows the kind counts');
  for (const [o] of res.hits) assert.ok(keys.every((k) => keep(engine.facetsOf(o), k)));
});

test('filters go into the URL beside q and come back the same', () => {
  const filters = { kind: ['person', 'news'], campaign: ['chuyen-doi-so'], ethnicity: ['xtieng'], district: ['bu-dang'], year: [2023, 2024] };
  const params = client.writeFilters(new URLSearchParams('q=người+có+uy+tín&kind=document'), filters);
  assert.equal(params.get('q'), 'người có uy tín');
  assert.deepEqual(params.getAll('kind'), ['person', 'news'], 'old values are replaced');
  const url = new URL('https://example.vn/tim-kiem/?' + params);
  assert.deepEqual(client.readFilters(url.searchParams), filters);
  assert.deepEqual(client.readFilters(new URLSearchParams('q=x&year=abc&year=2020&year=2020&kind=')), { year: [2020] });
  const cleared = client.writeFilters(new URLSearchParams(params), {});
  assert.equal(cleared.toString(), 'q=ng%C6%B0%E1%BB%9Di+c%C3%B3+uy+t%C3%ADn');
});

test('the client stays within its budget (≤ 15 KB gzipped as published), and the published one is minified', () => {
  // The analyzer, the scoring, the engine and the page are four files, each gzipped on its own as a
  // server sends them.
  const gz = (dir) => CLIENT_FILES.reduce((n, f) => n + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0);
  const source = gz(join(repo, 'themes/default/static/js'));
  const minified = gz(join(out, 'js'));
  // The budget is what readers download (BENCHMARKS: client JS ≤ 15 KB gzip, as published); the readable
  // source, comments and all, is held to 21 KB so that it cannot grow unnoticed (18 KB while it was
  // two files; four files gzipped apart cost about 1.5 KB more).
  assert.ok(minified <= 15 * 1024, `the published client is ${minified} bytes gzipped`);
  assert.ok(source <= 21 * 1024, `the client's source is ${source} bytes gzipped`);
  assert.ok(minified < source * 0.8, `the published client is ${minified} bytes gzipped (source ${source})`);
});

test('the engine runs without a page: no DOM in its three files, the page in search.js', () => {
  for (const file of CLIENT_FILES.filter((f) => f !== 'search.js')) {
    const engineSource = readFileSync(join(repo, 'themes/default/static/js', file), 'utf8');
    assert.doesNotMatch(engineSource, /\bdocument\.|\bwindow\.|\blocation\./, file);
  }
  const pageSource = readFileSync(join(repo, 'themes/default/static/js/search.js'), 'utf8');
  assert.match(pageSource, /ThiduaSearch/);
});

test('the published client also runs the typing and filter paths', async () => {
  const tet = '/tin-tuc/chuc-mung-tet-chol-chnam-thmay-2023/';
  assert.ok((await jsTop('chol chn', { typing: true }, 20, publishedEngine)).urls.includes(tet));
  const filters = { kind: ['news'], year: [2023] };
  const params = published.writeFilters(new URLSearchParams('q=x'), filters);
  assert.deepEqual(published.readFilters(params), filters);
});

test('a search without filters fetches no facets; a filter fetches them in the postings round', async () => {
  const meta = readdirSync(join(out, '_search')).find((f) => f.startsWith('meta.'));
  const fetched = [];
  const load = (p) => { fetched.push(p); return JSON.parse(readFileSync(join(out, p), 'utf8')); };
  const fresh = await client.open('/_search/' + meta, load);
  const plain = await fresh.search('nguoi co uy tin', {});
  assert.ok(plain.hits.length > 0 && plain.counts === null, 'no counts without facets');
  assert.ok(!fetched.some((p) => /\/f\.[0-9a-f]+\.json$/.test(p)), fetched.join(' '));
  const people = await fresh.search('nguoi co uy tin', { filters: { kind: ['person'] } });
  assert.ok(fetched.some((p) => /\/f\.[0-9a-f]+\.json$/.test(p)), 'the facets file once a filter is used');
  assert.ok(people.hits.length > 0 && people.hits.length < plain.hits.length);
  assert.equal(people.counts.kind.person, people.hits.length);
});
