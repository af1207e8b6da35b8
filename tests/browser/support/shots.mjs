// Screenshots of the demo portal's main pages at 360 and 1280 px, for a
// person to look at: `node tests/browser/support/shots.mjs [DIR]` (default
// /tmp/shots-browser). Not a test; uses the same build, server and browser.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PAGES, buildDemo, launch, serve } from './portal.mjs';

const dir = process.argv[2] || '/tmp/shots-browser';

mkdirSync(dir, { recursive: true });
const server = await serve(buildDemo());
const browser = await launch();
try {
  for (const width of [360, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    for (const [name, path] of Object.entries(PAGES)) {
      await page.goto(server.origin + path);
      if (name === 'search') await page.waitForSelector('#search-results > li');
      await page.waitForTimeout(300);
      const over = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      if (over > 0) console.log(`${name} at ${width}px overflows by ${over}px`);
      await page.screenshot({ path: join(dir, `${name}-${width}.png`), fullPage: true });
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`screenshots in ${dir}`);
