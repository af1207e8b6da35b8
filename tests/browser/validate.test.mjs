// Validity of everything the demo portal publishes, checked by real tools:
// the Nu HTML Checker (npm vnu-jar, run with the machine's Java) over every
// HTML page, the CSS and the SVG; xmllint (Debian libxml2-utils) for the
// well-formedness of every feed and sitemap, the sitemap against the Sitemap
// 0.9 XSD, every Atom feed against an RFC 4287 grammar (schemas/atom.rng) and
// the rules of RFC 4287 that a grammar cannot express. Without
// xmllint, the XML is parsed by chromium's XML parser and the schema part is
// skipped. Run with `node --test tests/browser/`.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildDemo, launch, repo, requireNodeModules } from './support/portal.mjs';

let out;
const files = (ext) =>
  readdirSync(out, { recursive: true })
    .filter((f) => f.endsWith(ext))
    .map((f) => join(out, f))
    .sort();

before(() => {
  requireNodeModules();
  out = buildDemo();
});

/** Runs vnu over `paths`; returns its messages as "file:line: message" lines. */
function vnu(args, paths) {
  const jar = join(repo, 'node_modules/vnu-jar/build/dist/vnu.jar');
  const r = spawnSync('java', ['-jar', jar, '--errors-only', '--format', 'json', ...args, ...paths], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  assert.ok(!r.error, `java is needed for the Nu HTML Checker (Debian: apt-get install default-jre-headless): ${r.error}`);
  const report = JSON.parse(r.stderr || r.stdout);
  return report.messages.map((m) => `${relative(out, (m.url || '').replace(/^file:/, ''))}:${m.lastLine}: ${m.type}: ${m.message}`);
}

test('every HTML page passes the Nu HTML Checker with 0 errors', () => {
  const pages = files('.html');
  assert.ok(pages.length > 100, `${pages.length} pages`);
  assert.deepEqual(vnu([], pages), []);
});

test('the stylesheets and the SVG pass the Nu checker', () => {
  assert.deepEqual(vnu(['--css'], files('.css')), []);
  assert.deepEqual(vnu(['--svg'], files('.svg')), []);
});

const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

function xmllint(args) {
  return spawnSync('xmllint', ['--noout', ...args], { encoding: 'utf8' });
}

function xpath(file, expr) {
  const r = spawnSync('xmllint', ['--xpath', expr, file], { encoding: 'utf8' });
  assert.equal(r.status, 0, `${expr}: ${r.stderr}`);
  return r.stdout.trim();
}

test('every feed and the sitemap are well-formed XML', async () => {
  const xml = files('.xml');
  assert.ok(xml.some((f) => f.endsWith('/sitemap.xml')) && xml.some((f) => f.endsWith('/atom.xml')), `${xml}`);
  if (hasXmllint) {
    const r = xmllint(xml);
    assert.equal(r.status, 0, r.stderr);
    return;
  }
  // Fallback: chromium's XML parser reports errors as a <parsererror> element.
  const browser = await launch();
  try {
    const page = await browser.newPage();
    for (const f of xml) {
      const bad = await page.evaluate(
        (t) => new DOMParser().parseFromString(t, 'application/xml').getElementsByTagName('parsererror').length,
        readFileSync(f, 'utf8'),
      );
      assert.equal(bad, 0, `${relative(out, f)} is not well-formed`);
    }
  } finally {
    await browser.close();
  }
});

test('the sitemap validates against the Sitemap 0.9 XSD', { skip: !hasXmllint && 'xmllint is not installed' }, () => {
  const r = xmllint(['--schema', join(repo, 'tests/browser/schemas/sitemap-0.9.xsd'), join(out, 'sitemap.xml')]);
  assert.equal(r.status, 0, r.stderr);
  const locs = Number(xpath(join(out, 'sitemap.xml'), "count(//*[local-name()='loc'])"));
  assert.ok(locs > 100, `${locs} URLs`);
});

test('every Atom feed validates against the RFC 4287 grammar (tests/browser/schemas/atom.rng)', { skip: !hasXmllint && 'xmllint is not installed' }, () => {
  const schema = join(repo, 'tests/browser/schemas/atom.rng');
  const feeds = files('atom.xml');
  assert.ok(feeds.length >= 2, `${feeds.length} feeds`);
  for (const f of feeds) {
    const r = xmllint(['--relaxng', schema, f]);
    assert.equal(r.status, 0, `${relative(out, f)}: ${r.stderr}`);
  }
  // The grammar can fail: a feed without its id, and an entry with a date that is not RFC 3339.
  const text = readFileSync(feeds[0], 'utf8');
  const broken = [
    text.replace(/<id>[^<]*<\/id>/, ''),
    text.replace(/(<entry>[\s\S]*?<updated>)[^<]*/, '$112/08/2026'),
  ];
  const dir = mkdtempSync(join(tmpdir(), 'atom-'));
  broken.forEach((xml, i) => {
    const bad = join(dir, `bad-${i}.xml`);
    writeFileSync(bad, xml);
    assert.notEqual(xmllint(['--relaxng', schema, bad]).status, 0, `broken feed ${i} must not validate`);
  });
});

test('every Atom feed has the elements RFC 4287 requires', { skip: !hasXmllint && 'xmllint is not installed' }, () => {
  const el = (name) => `*[local-name()='${name}' and namespace-uri()='http://www.w3.org/2005/Atom']`;
  const feeds = files('atom.xml');
  assert.ok(feeds.length >= 2, `${feeds.length} feeds`);
  for (const f of feeds) {
    const at = relative(out, f);
    assert.equal(xpath(f, `count(/${el('feed')})`), '1', `${at}: root is atom:feed`);
    for (const need of ['id', 'title', 'updated']) {
      assert.equal(xpath(f, `count(/${el('feed')}/${el(need)})`), '1', `${at}: feed has one ${need}`);
    }
    assert.equal(xpath(f, `count(/${el('feed')}/${el('link')}[@rel='self'])`), '1', `${at}: a self link`);
    const entries = Number(xpath(f, `count(//${el('entry')})`));
    const noAuthor = `count(//${el('entry')}[not(${el('author')})])`;
    assert.ok(xpath(f, `count(/${el('feed')}/${el('author')})`) === '1' || xpath(f, noAuthor) === '0', `${at}: author`);
    for (const need of ['id', 'title', 'updated']) {
      assert.equal(xpath(f, `count(//${el('entry')}[count(${el(need)}) = 1])`), String(entries), `${at}: every entry has one ${need}`);
    }
    assert.equal(
      xpath(f, `count(//${el('entry')}[${el('content')} or ${el('link')}[not(@rel) or @rel='alternate']])`),
      String(entries),
      `${at}: every entry has content or an alternate link`,
    );
    // Dates are RFC 3339; ids are absolute IRIs and unique.
    const text = readFileSync(f, 'utf8');
    const dates = [...text.matchAll(/<(?:updated|published)>([^<]*)</g)].map((m) => m[1]);
    const bad = dates.filter((d) => !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(d) || isNaN(Date.parse(d)));
    assert.deepEqual(bad, [], `${at}: RFC 3339 dates`);
    const ids = [...text.matchAll(/<id>([^<]*)</g)].map((m) => m[1]);
    assert.equal(new Set(ids).size, ids.length, `${at}: unique ids`);
    assert.ok(
      ids.every((id) => /^[a-z][a-z0-9+.-]*:/.test(id)),
      `${at}: absolute ids`,
    );
  }
});

test("README's nginx block and static/_headers ship the same strict policy", async () => {
  const { CSP, STRICT_CSP } = await import('./support/portal.mjs');
  assert.equal(CSP, STRICT_CSP, 'static/_headers');
  const readme = readFileSync(join(repo, 'README.md'), 'utf8');
  assert.ok(readme.includes(`add_header Content-Security-Policy "${STRICT_CSP}" always;`), 'README nginx block');
  assert.equal(readFileSync(join(out, '_headers'), 'utf8'), readFileSync(join(repo, 'static/_headers'), 'utf8'));
});
