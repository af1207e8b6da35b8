// The search page when files of the static index are damaged: the reader is
// told, in Vietnamese, that the index could not be loaded, instead of being
// shown an empty list. Run with `node --test tests/browser/`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAGES, buildDemo, launch, requireNodeModules, serve } from './support/portal.mjs';

let server, browser;

before(async () => {
  requireNodeModules();
  const out = buildDemo();
  // Every record store chunk cut in half: the query itself still runs, the results cannot be shown.
  const dir = join(out, '_search');
  const chunks = readdirSync(dir).filter((f) => /^d[.\d]/.test(f));
  assert.ok(chunks.length > 0, `no record store chunks among ${readdirSync(dir).join(', ')}`);
  for (const f of chunks) {
    const bytes = readFileSync(join(dir, f));
    writeFileSync(join(dir, f), bytes.subarray(0, bytes.length >> 1));
  }
  server = await serve(out);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('a damaged index file is reported on the search page, not shown as an empty list', async () => {
  const page = await browser.newPage({ baseURL: server.origin });
  await page.goto(PAGES.search);
  await page.waitForFunction(
    () => /Không tải được chỉ mục tìm kiếm/.test(document.getElementById('search-status')?.textContent ?? ''),
    null,
    { timeout: 15000 },
  );
  assert.equal(await page.locator('#search-results > li').count(), 0);
  await page.close();
});
