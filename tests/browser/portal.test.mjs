// The built demo portal in a real browser (headless Debian chromium driven by
// playwright-core): search end to end, keyboard-only use, axe-core, the strict
// Content-Security-Policy and the print stylesheet. One build, one server and
// one browser are shared by every test of this file. Run with
// `node --test tests/browser/` (cargo test does it through tests/it/browser.rs).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PAGES, buildDemo, launch, repo, requireNodeModules, serve } from './support/portal.mjs';

const VIEWPORTS = [
  { width: 360, height: 740 },
  { width: 1280, height: 900 },
];
const HITS = '#search-results > li';

let server, browser, out;
const contexts = new Map();

before(async () => {
  requireNodeModules();
  out = buildDemo();
  server = await serve(out);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** One browser context per viewport width, recording CSP violations in the page. */
async function context(width = 1280) {
  if (!contexts.has(width)) {
    const viewport = VIEWPORTS.find((v) => v.width === width);
    const ctx = await browser.newContext({ viewport, locale: 'vi-VN', baseURL: server.origin });
    await ctx.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
      });
    });
    contexts.set(width, ctx);
  }
  return contexts.get(width);
}

/**
 * Opens `path` in a new tab. `problems` collects what must never happen on a
 * page: CSP reports, console errors, uncaught exceptions and dialogs.
 */
async function open(path, width = 1280) {
  const page = await (await context(width)).newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`exception: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  const res = await page.goto(path);
  assert.equal(res.status(), 200, path);
  page.problems = async () => problems.concat(await page.evaluate(() => window.__csp));
  return page;
}

async function hrefs(page) {
  return page.$$eval(HITS, (lis) => lis.map((li) => new URL(li.querySelector('a').href).pathname));
}

async function statusCount(page) {
  const text = await page.textContent('#search-status');
  const m = /^(\d+) kết quả/.exec(text);
  assert.ok(m, `status "${text}"`);
  return Number(m[1]);
}

/** Waits until the status line reports `n` results for the query `q`. */
async function waitForQuery(page, q) {
  await page.waitForFunction((q) => (document.getElementById('search-status')?.textContent ?? '').includes(`cho “${q}”`), q);
  await page.waitForSelector(HITS);
}

// The filter panel starts closed: opening it is what fetches the facet counts.
const openFilters = async (page) => {
  if (!(await page.evaluate(() => document.getElementById('search-filter-panel').open))) {
    await page.click('#search-filter-panel > summary');
  }
  await page.waitForSelector('#f-kind-person', { state: 'visible' });
};

describe('search end to end', () => {
  test('typing "nguoi co uy tin" lists records about người có uy tín, with the query in the URL', async () => {
    const page = await open('/tim-kiem/');
    await page.locator('#search-q').pressSequentially('nguoi co uy tin', { delay: 30 });
    await waitForQuery(page, 'nguoi co uy tin');
    await page.waitForURL((u) => u.searchParams.get('q') === 'nguoi co uy tin');
    const top = (await hrefs(page)).slice(0, 5);
    assert.equal(top.length, 5, `top: ${top}`);
    assert.ok(
      top.some((u) => u.startsWith('/dien-hinh/')),
      `a person in the top 5: ${top}`,
    );
    for (const url of top) {
      const html = await (await fetch(server.origin + url)).text();
      const main = html.slice(html.indexOf('<main'), html.indexOf('</main>')).toLowerCase();
      assert.ok(main.includes('uy tín'), `${url} is about người có uy tín`);
    }
    const marks = await page.$$eval(`${HITS} mark`, (ms) => ms.map((m) => m.textContent.toLowerCase()));
    assert.ok(
      marks.some((m) => m.includes('uy tín')),
      `matched words are highlighted: ${marks.slice(0, 10)}`,
    );
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('the kind filter "Điển hình" keeps only people and updates the count', async () => {
    const page = await open(PAGES.search);
    await waitForQuery(page, 'nguoi co uy tin');
    await openFilters(page);
    const before = await statusCount(page);
    const label = page.locator('#search-filters label', { hasText: 'Điển hình' });
    const shown = Number(/\((\d+)\)/.exec(await label.textContent())[1]);
    assert.ok(shown > 0 && shown < before, `Điển hình (${shown}) of ${before}`);
    await label.click();
    await page.waitForFunction((n) => (document.getElementById('search-status')?.textContent ?? '').startsWith(`${n} kết quả`), shown);
    assert.equal(await statusCount(page), shown);
    assert.ok(await page.isChecked('#f-kind-person'), 'the filter stays checked');
    while (await page.isVisible('#search-more')) {
      const n = await page.locator(HITS).count();
      await page.click('#search-more');
      await page.waitForFunction((n) => document.querySelectorAll('#search-results > li').length > n, n);
    }
    const all = await hrefs(page);
    assert.equal(all.length, shown);
    assert.ok(
      all.every((u) => u.startsWith('/dien-hinh/')),
      `only people: ${all}`,
    );
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('a page opened with ?q=…&kind=person applies the filter, counts follow the other filters, back restores', async () => {
    const page = await open('/tim-kiem/?q=nguoi+co+uy+tin&kind=person');
    await waitForQuery(page, 'nguoi co uy tin');
    assert.ok(await page.isChecked('#f-kind-person'), 'the filter from the URL is checked');
    const people = await statusCount(page);
    const count = async (text) =>
      Number(/\((\d+)\)/.exec(await page.locator('#search-filters label', { hasText: text }).first().textContent())[1]);
    assert.equal(await count('Điển hình'), people);
    assert.ok((await count('Tin tức')) > 0, 'other kinds keep their counts: the kind filter does not apply to them');
    while (await page.isVisible('#search-more')) {
      const n = await page.locator(HITS).count();
      await page.click('#search-more');
      await page.waitForFunction((n) => document.querySelectorAll('#search-results > li').length > n, n);
    }
    const urls = await hrefs(page);
    assert.equal(urls.length, people);
    assert.ok(urls.every((u) => u.startsWith('/dien-hinh/')), `only people: ${urls}`);
    const year = page.locator('#search-filters input[id^="f-year-"]').first();
    const yearId = await year.getAttribute('id');
    const inYear = Number(/\((\d+)\)/.exec(await page.locator(`label[for="${yearId}"]`).textContent())[1]);
    assert.ok(inYear > 0 && inYear < people, `year count ${inYear} counts people only (of ${people})`);
    await year.check();
    await page.waitForFunction((n) => (document.getElementById('search-status')?.textContent ?? '').startsWith(`${n} kết quả`), inYear);
    const url = new URL(page.url());
    assert.deepEqual([url.searchParams.get('q'), url.searchParams.getAll('kind'), url.searchParams.getAll('year')],
      ['nguoi co uy tin', ['person'], [yearId.slice('f-year-'.length)]]);
    assert.equal(await count('Điển hình'), inYear, 'the kind count now follows the year filter');
    await page.goBack();
    await page.waitForFunction((n) => (document.getElementById('search-status')?.textContent ?? '').startsWith(`${n} kết quả`), people);
    assert.deepEqual(new URL(page.url()).searchParams.getAll('year'), []);
    assert.ok(await page.isChecked('#f-kind-person'));
    assert.equal(await page.isChecked(`#${yearId}`), false);
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('on a 360 px phone the first results show on the first screen; filters open from a summary', async () => {
    const page = await open(PAGES.search, 360);
    await waitForQuery(page, 'nguoi co uy tin');
    const top = await page.locator(HITS).first().boundingBox();
    assert.ok(top.y + top.height / 2 < 740, `first result at ${top.y}px`);
    assert.equal(await page.isVisible('#f-kind-person'), false, 'filters start closed');
    await page.focus('#search-filter-panel > summary');
    await page.keyboard.press('Enter');
    // Opening the panel fetches the facet counts, then shows the filters.
    await page.waitForSelector('#f-kind-person', { state: 'visible', timeout: 10000 });
    assert.ok(await page.isVisible('#f-kind-person'), 'Enter on the summary opens the filters');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => /đang chọn/.test((document.querySelector('#search-filter-panel > summary')?.textContent ?? '')));
    assert.ok(await page.isVisible('#search-filters input:checked'), 'the panel stays open after filtering');
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('a page opened with ?q=DTTS shows its results at once', async () => {
    const page = await open('/tim-kiem/?q=DTTS');
    await waitForQuery(page, 'DTTS');
    assert.equal(await page.inputValue('#search-q'), 'DTTS');
    assert.ok((await statusCount(page)) > 0);
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('the back button restores the previous query and its results', async () => {
    const page = await open('/tim-kiem/?q=DTTS');
    await waitForQuery(page, 'DTTS');
    const dtts = await hrefs(page);
    await page.fill('#search-q', 'nguoi co uy tin');
    await page.press('#search-q', 'Enter');
    await waitForQuery(page, 'nguoi co uy tin');
    assert.equal(new URL(page.url()).searchParams.get('q'), 'nguoi co uy tin');
    await page.goBack();
    await waitForQuery(page, 'DTTS');
    assert.equal(new URL(page.url()).searchParams.get('q'), 'DTTS');
    assert.equal(await page.inputValue('#search-q'), 'DTTS');
    assert.deepEqual(await hrefs(page), dtts);
    await page.goForward();
    await waitForQuery(page, 'nguoi co uy tin');
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  for (const q of ['<script>alert(1)</script>', '<img src=x onerror=alert(2)>', '"><svg onload=alert(3)>']) {
    test(`the query ${q} renders no element from it`, async () => {
      const page = await open('/tim-kiem/');
      // The help list under few or no results (did-you-mean, the query without
      // its unknown words) is the page's own markup, with the query as text.
      const tags = () =>
        page.$$eval('*', (es) => es.filter((e) => !e.closest('#search-suggest-list li')).map((e) => e.tagName).join(' '));
      const beforeTags = await tags();
      await page.fill('#search-q', q);
      await page.press('#search-q', 'Enter');
      await page.waitForFunction(() => {
        const status = document.getElementById('search-status');
        return status !== null && !status.textContent.startsWith('Đang');
      });
      await page.waitForTimeout(300);
      assert.equal(await page.locator('#search-app script, #search-app img, #search-app svg').count(), 0);
      assert.equal(await tags(), beforeTags, 'no element was added');
      for (const li of await page.locator('#search-suggest-list li').all()) {
        assert.equal(await li.evaluate((e) => [...e.querySelectorAll('*')].map((c) => c.tagName).join(' ')), 'A');
      }
      assert.equal(new URL(page.url()).searchParams.get('q'), q, 'the query stays text in the URL');
      // Opening the query from the URL is the same.
      await page.goto('/tim-kiem/?q=' + encodeURIComponent(q));
      await page.waitForFunction(() => (document.getElementById('search-status')?.textContent ?? '') !== '');
      await page.waitForTimeout(300);
      assert.equal(await page.locator('#search-app script, #search-app img, #search-app svg').count(), 0);
      assert.deepEqual(await page.problems(), [], 'no dialog, no error');
      await page.close();
    });
  }
});

describe('keyboard only', () => {
  const focused = (page) =>
    page.evaluate(() => {
      const e = document.activeElement;
      const s = getComputedStyle(e);
      return { tag: e.tagName, id: e.id, cls: e.className, href: e.getAttribute('href'), outline: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });

  test('Tab reaches the skip link first and Enter moves focus to the main content', async () => {
    const page = await open(PAGES.campaign);
    await page.keyboard.press('Tab');
    const skip = await focused(page);
    assert.equal(skip.cls, 'skip');
    assert.ok(await page.locator('a.skip').isVisible(), 'the skip link shows when focused');
    assert.notEqual(skip.outline, 'none');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'noi-dung');
    // The next Tab continues inside the main content, not at the top.
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => document.getElementById('noi-dung').contains(document.activeElement)));
    await page.close();
  });

  test('focus is visible on every link and control of the header and menu', async () => {
    for (const { width } of VIEWPORTS) {
      const page = await open(PAGES.home, width);
      const seen = [];
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Tab');
        const f = await focused(page);
        seen.push(f);
        assert.ok(f.outline !== 'none' && f.width >= 2, `${width}px: focus visible on ${JSON.stringify(f)}`);
      }
      assert.ok(seen.some((f) => f.id === 'q-top'), 'the header search box is reachable');
      assert.ok(seen.filter((f) => f.tag === 'A' && f.href?.startsWith('/')).length >= 5, 'menu links reachable');
      await page.close();
    }
  });

  test('the header search box submits with Enter and the results are reachable by Tab', async () => {
    const page = await open(PAGES.person);
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      if ((await focused(page)).id === 'q-top') break;
    }
    assert.equal((await focused(page)).id, 'q-top');
    await page.keyboard.type('dong bao');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/tim-kiem/' && u.searchParams.get('q') === 'dong bao');
    await waitForQuery(page, 'dong bao');
    const first = (await hrefs(page))[0];
    // From the search box, Tab goes through the button and the filters to the first result.
    await page.focus('#search-q');
    let f;
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      f = await focused(page);
      assert.ok(f.outline !== 'none', `focus visible on ${JSON.stringify(f)}`);
      if (f.tag === 'A' && f.href && new URL(f.href, server.origin).pathname === first) break;
    }
    assert.equal(new URL(f.href, server.origin).pathname, first, 'the first result is reachable');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === first);
    await page.close();
  });

  test('a filter can be toggled with the space bar and keeps focus', async () => {
    const page = await open(PAGES.search);
    await waitForQuery(page, 'nguoi co uy tin');
    await openFilters(page);
    await page.focus('#f-kind-person');
    const before = await statusCount(page);
    await page.keyboard.press('Space');
    await page.waitForFunction((n) => {
      const status = document.getElementById('search-status');
      return status !== null && !status.textContent.startsWith(`${n} `);
    }, before);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'f-kind-person');
    assert.ok(await page.isChecked('#f-kind-person'));
    await page.close();
  });
});

describe('axe-core: no serious or critical violations', () => {
  const axe = readFileSync(join(repo, 'node_modules/axe-core/axe.min.js'), 'utf8');
  for (const { width } of VIEWPORTS) {
    for (const [name, path] of Object.entries(PAGES)) {
      test(`${name} ${path} at ${width}px`, async (t) => {
        const page = await open(path, width);
        if (name === 'search') await waitForQuery(page, 'nguoi co uy tin');
        // Evaluated through the DevTools protocol, which the page's CSP does not
        // govern; a <script> tag with inline content would be blocked, as it should.
        await page.evaluate(axe);
        const violations = await page.evaluate(async () => (await window.axe.run(document)).violations);
        const report = (v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n    ')}`;
        const minor = violations.filter((v) => !['serious', 'critical'].includes(v.impact));
        if (minor.length) t.diagnostic(minor.map(report).join('\n'));
        assert.deepEqual(
          violations.filter((v) => ['serious', 'critical'].includes(v.impact)).map(report),
          [],
        );
        assert.deepEqual(await page.problems(), []);
        await page.close();
      });
    }
  }
});

describe('layout on a 360 px phone', () => {
  for (const [name, path] of Object.entries(PAGES)) {
    test(`${name} ${path} has no sideways scrolling`, async () => {
      const page = await open(path, 360);
      if (name === 'search') await waitForQuery(page, 'nguoi co uy tin');
      const over = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(over <= 0, `${over}px wider than the screen`);
      await page.close();
    });
  }

  test('document titles in the registry get the full width (regression: crushed to one syllable a line)', async () => {
    const page = await open(PAGES.registry, 360);
    const widths = await page.$$eval('.registry tbody td.c-title', (tds) => tds.map((td) => td.getBoundingClientRect().width));
    assert.ok(widths.length > 5);
    assert.ok(Math.min(...widths) >= 300, `title widths ${widths}`);
    await page.close();
  });
});

describe('strict Content-Security-Policy', () => {
  for (const path of [PAGES.home, PAGES.campaign, PAGES.document, PAGES.english, PAGES.search]) {
    test(`${path} reports no violation and no error`, async () => {
      const page = await open(path);
      if (path === PAGES.search) await waitForQuery(page, 'nguoi co uy tin');
      else await page.waitForLoadState('load');
      assert.ok(
        (await page.evaluate(() => document.querySelectorAll('script:not([src]), [style]').length)) === 0,
        'no inline script or style attribute',
      );
      assert.deepEqual(await page.problems(), []);
      await page.close();
    });
  }
});

describe('print stylesheet', () => {
  for (const path of [PAGES.campaign, '/van-ban/chi-thi-02-ct-ubnd/']) {
    test(`${path} prints the record only, within the page width`, async () => {
      const page = await open(path);
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: 700, height: 1000 });
      const hidden = await page.$$eval('.masthead, .site-footer, .skip, .breadcrumb', (es) =>
        es.filter((e) => getComputedStyle(e).display !== 'none').map((e) => e.className),
      );
      assert.deepEqual(hidden, [], 'navigation does not print');
      assert.ok(await page.locator('main h1').isVisible(), 'the title prints');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `nothing wider than the paper (${overflow}px over)`);
      const pdf = await page.pdf({ format: 'A4' });
      assert.ok(pdf.length > 1000);
      await page.close();
    });
  }
});

describe('a portal citizens trust (issue 18)', () => {
  /** A fresh context of its own (service workers, stubs), closed by the caller. */
  async function freshContext(options = {}) {
    return browser.newContext({ locale: 'vi-VN', baseURL: server.origin, viewport: { width: 1280, height: 900 }, ...options });
  }

  test('the sample notice appears only on records whose front matter says sample = true', async () => {
    const page = await open(PAGES.person);
    assert.match(await page.textContent('.notice'), /Dữ liệu mẫu/);
    assert.equal(await page.getAttribute('img.portrait', 'alt'), 'Ông Điểu Brai, người có uy tín ở xã Bom Bo');
    for (const path of [PAGES.news, PAGES.document, PAGES.campaign, '/gioi-thieu/']) {
      await page.goto(path);
      assert.equal(await page.locator('.notice', { hasText: 'Dữ liệu mẫu' }).count(), 0, path);
      assert.equal(await page.locator('text=Ảnh minh họa').count(), 0, path);
    }
    await page.close();
  });

  test('the download button is on the first screen of a document page at 360×640', async () => {
    const ctx = await freshContext({ viewport: { width: 360, height: 640 } });
    const page = await ctx.newPage();
    await page.goto(PAGES.document);
    const button = page.locator('.downloads a').first();
    assert.match(await button.textContent(), /^Tải văn bản \(PDF, [\d,]+ (B|KB|MB)\)$/);
    const box = await button.boundingBox();
    assert.ok(box.y + box.height <= 640, `download button ends at ${box.y + box.height}px`);
    const facts = await page.locator('.facts dt').allTextContents();
    for (const label of ['Số ký hiệu', 'Loại văn bản', 'Ngày ban hành', 'Cơ quan ban hành', 'Hiệu lực']) {
      assert.ok(facts.includes(label), `${label} in ${facts}`);
    }
    await ctx.close();
  });

  test('a registry filter page lists exactly the matching documents, without JavaScript', async () => {
    const ctx = await freshContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    // Every document of the registry, page by page, with its type.
    const all = [];
    let next = '/van-ban/';
    while (next) {
      await page.goto(next);
      all.push(...(await page.$$eval('table.registry tbody tr', (trs) =>
        trs.map((tr) => ({ href: tr.querySelector('.c-title a').getAttribute('href'), type: tr.querySelector('.c-type').textContent.trim() })))));
      next = await page.getAttribute('.pagination a[rel=next]', 'href').catch(() => null);
    }
    assert.ok(all.length >= 15, `${all.length} documents`);
    await page.goto('/van-ban/');
    await page.click('.facets summary:has-text("Loại văn bản")');
    await page.click('.facets a[href="/van-ban/loai/ke-hoach/"]');
    assert.equal(new URL(page.url()).pathname, '/van-ban/loai/ke-hoach/');
    const listed = await page.$$eval('table.registry tbody .c-title a', (as) => as.map((a) => a.getAttribute('href')));
    const expected = all.filter((d) => d.type === 'Kế hoạch').map((d) => d.href);
    assert.deepEqual([...listed].sort(), [...expected].sort());
    assert.equal(await page.getAttribute('.facets a[aria-current]', 'href'), '/van-ban/loai/ke-hoach/');
    await ctx.close();
  });

  /** Replaces the browser's speech synthesis by a stub offering `voices`. */
  const speechStub = (voices) => {
    window.__spoken = [];
    window.SpeechSynthesisUtterance = class {
      constructor(text) { this.text = text; }
    };
    const synth = {
      getVoices: () => voices,
      speak: (u) => window.__spoken.push(u.text),
      cancel() {}, pause() { window.__paused = true; }, resume() {},
      addEventListener() {},
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  };

  for (const [name, voices, shown] of [
    ['no voice', [], false],
    ['only an English voice', [{ lang: 'en-US', name: 'en', localService: true }], false],
    ['a Vietnamese voice that runs on a server', [{ lang: 'vi-VN', name: 'net', localService: false }], false],
    ['a Vietnamese voice on the device', [{ lang: 'vi-VN', name: 'vi', localService: true }], true],
  ]) {
    test(`read-aloud ("Nghe") with ${name} is ${shown ? 'offered' : 'hidden'}`, async () => {
      const ctx = await freshContext();
      await ctx.addInitScript(speechStub, voices);
      const page = await ctx.newPage();
      await page.goto(PAGES.news);
      await page.waitForFunction(() => document.documentElement.classList.contains('js-ready'));
      assert.equal(await page.isVisible('[data-listen="play"]'), shown);
      if (shown) {
        await page.click('[data-listen="play"]');
        const spoken = await page.evaluate(() => window.__spoken);
        assert.ok(spoken.length > 2 && spoken[0].startsWith(await page.textContent('main h1')), `${spoken.slice(0, 2)}`);
        assert.equal(await page.textContent('[data-listen="play"]'), 'Tạm dừng');
        assert.ok(await page.isVisible('[data-listen="stop"]'), 'stop is offered while reading');
        await page.click('[data-listen="play"]');
        assert.ok(await page.evaluate(() => window.__paused));
        await page.click('[data-listen="stop"]');
        assert.equal(await page.textContent('[data-listen="play"]'), 'Nghe');
      }
      await ctx.close();
    });
  }

  test('after visiting two pages and going offline, both pages and a search over them still work', async () => {
    // A server of its own, stopped below: no signal at all, whatever the
    // browser's offline emulation covers.
    const own = await serve(out);
    const ctx = await freshContext({ baseURL: own.origin });
    const page = await ctx.newPage();
    await page.goto(PAGES.person);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.goto(PAGES.news);
    await page.goto(PAGES.search);
    await waitForQuery(page, 'nguoi co uy tin');
    const online = await hrefs(page);
    await own.close();
    await ctx.setOffline(true);
    for (const path of [PAGES.person, PAGES.news]) {
      await page.goto(path);
      assert.ok((await page.textContent('main h1')).length > 3, `${path} opens offline`);
      assert.equal(new URL(page.url()).pathname, path);
    }
    await page.goto(PAGES.search);
    await waitForQuery(page, 'nguoi co uy tin');
    assert.deepEqual(await hrefs(page), online, 'the same results offline');
    await page.goto('/ngoai-tuyen/');
    await page.waitForSelector('#saved-pages li');
    const saved = await page.$$eval('#saved-pages a', (as) => as.map((a) => new URL(a.href).pathname));
    for (const path of [PAGES.person, PAGES.news]) assert.ok(saved.includes(path), `${path} in ${saved}`);
    // A page never opened falls back to the offline page.
    await page.goto('/phong-trao/chuyen-doi-so/');
    assert.equal(await page.textContent('main h1'), 'Đã lưu để đọc khi mất mạng');
    await ctx.close();
  });

  test('a printed document carries the organisation, the title, the date and the page address', async () => {
    const page = await open(PAGES.document);
    await page.emulateMedia({ media: 'print' });
    const head = await page.locator('.print-head');
    assert.ok(await head.isVisible(), 'the print header shows on paper');
    const text = await head.textContent();
    assert.match(text, /Ban Dân tộc tỉnh Bình Phước/);
    assert.ok(text.includes(await page.textContent('main h1')), 'the title');
    assert.match(text, /ngày 01 tháng 02 năm 2022/);
    assert.match(text, /https:\/\/bandantoc\.binhphuoc\.example\/van-ban\/ke-hoach-30-kh-ubnd\//);
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await head.isVisible(), false, 'not on screen');
    await page.close();
  });

  test('text size A+ is remembered on the device', async () => {
    const ctx = await freshContext();
    const page = await ctx.newPage();
    await page.goto(PAGES.news);
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    await page.waitForFunction(() => document.documentElement.classList.contains('js-ready'));
    const before = await size();
    await page.click('[data-size="1"]');
    await page.click('[data-size="1"]');
    assert.ok((await size()) > before);
    await page.goto(PAGES.document);
    assert.ok((await size()) > before, 'still larger on the next page');
    await page.click('[data-size="-1"]');
    await page.click('[data-size="-1"]');
    assert.equal(await size(), before);
    await ctx.close();
  });

  test('the footer sits at the bottom of a short page and carries the identity lines', async () => {
    const page = await open('/en/contact/');
    const { bottom, height } = await page.evaluate(() => ({ bottom: document.querySelector('.site-footer').getBoundingClientRect().bottom, height: innerHeight }));
    assert.ok(Math.abs(bottom - height) < 2 || bottom > height, `footer ends at ${bottom} of ${height}`);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.goto('/');
    const footer = await page.textContent('.site-footer');
    for (const label of ['Cơ quan chủ quản', 'Chịu trách nhiệm nội dung', 'Giấy phép', 'Địa chỉ', 'Điện thoại', 'Đường dây nóng', 'Thư điện tử', 'Giờ làm việc']) {
      assert.ok(footer.includes(label), label);
    }
    await page.close();
  });

  test('the header search placeholder fits the box on a 360 px phone', async () => {
    const page = await open(PAGES.home, 360);
    const fit = await page.evaluate(() => {
      const input = document.getElementById('q-top');
      const s = getComputedStyle(input);
      const ctx = document.createElement('canvas').getContext('2d');
      ctx.font = `${s.fontSize} ${s.fontFamily}`;
      const room = input.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
      return { text: ctx.measureText(input.placeholder).width, room };
    });
    assert.ok(fit.text <= fit.room, `placeholder ${fit.text}px in ${fit.room}px`);
    await page.close();
  });

  test('JavaScript outside the search page is at most 12 KB gzip, and pages carry og:image', async () => {
    const scripts = readdirSync(join(out, 'js')).filter((f) => f.endsWith('.js') && !['search.js', 'search-engine.js'].includes(f)).map((f) => join(out, 'js', f));
    scripts.push(join(out, 'sw.js'));
    const total = scripts.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0);
    assert.ok(total <= 12 * 1024, `${total} bytes gzip`);
    for (const path of [PAGES.home, PAGES.news, PAGES.registry, PAGES.document]) {
      const html = await (await fetch(server.origin + path)).text();
      const image = /<meta property="og:image" content="([^"]+)">/.exec(html)?.[1].replaceAll('&#x2F;', '/');
      assert.match(image ?? '', /^https:\/\/[^"]+\.(png|jpg)$/, path);
    }
  });
});
