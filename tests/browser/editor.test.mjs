// The editor inside `thidua serve` in a real browser (headless Debian chromium
// through playwright-core): a news item with a photo and a campaign made
// through the form and seen in the preview, an edit that keeps every comment,
// a dropped .docx saved as a record, several dropped files reviewed and saved
// one after another, the login form when a password is set, the conflict when the file changed on
// disk, the refusals (no cookie, foreign Origin, foreign Host, `../../x` as
// an upload name), axe-core on the editor's pages, and screenshots at 360
// and 1280 px. Run with `node --test tests/browser/` (cargo test does it
// through tests/it/browser.rs).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { launch, repo, requireNodeModules, thiduaBin } from './support/portal.mjs';

let site, server, browser, ctx, editorUrl, origin;
const shots = process.env.THIDUA_SHOTS || join(tmpdir(), 'shots-editor');

/** Starts `thidua serve` on a copy of the basic fixture; resolves with the printed editor address. */
function startServe(root, env = {}) {
  const child = spawn(thiduaBin(), ['serve', '--port', '0', '--root', root], { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, ...env } });
  const lines = createInterface({ input: child.stdout });
  const address = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('serve printed no editor address')), 60000);
    lines.on('line', (line) => {
      if (line.startsWith('http://') && line.includes('/__thidua/editor/')) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    });
  });
  return { child, address };
}

before(async () => {
  requireNodeModules();
  site = mkdtempSync(join(tmpdir(), 'thidua-editor-'));
  cpSync(join(repo, 'tests/fixtures/generator/basic'), site, { recursive: true });
  server = startServe(site);
  editorUrl = await server.address;
  origin = new URL(editorUrl).origin;
  browser = await launch();
  ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  const page = await ctx.newPage();
  const res = await page.goto(editorUrl);
  assert.equal(res.status(), 200, 'the printed address opens the editor');
  await page.close();
});

after(async () => {
  await browser?.close();
  server?.child.kill();
  if (site) rmSync(site, { recursive: true, force: true });
});

/** Opens `path` in a new tab of the authorised context, failing on script errors. */
async function open(path, c = ctx) {
  const page = await c.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && page.errors.push(m.text()));
  page.on('response', (r) => r.status() >= 400 && page.errors.push(`${r.status()} ${r.url()}`));
  await page.goto(origin + path);
  return page;
}

/**
 * Polls the served site until `path` shows `text` and `more(page)` holds.
 * The preview's live reload can abort a navigation, or replace the page while
 * it is read, whenever a save is rebuilt (net::ERR_ABORTED, "the page is
 * navigating"): both are "not yet", like a 404, and the page is loaded again.
 */
async function servedSoon(page, path, text, more = async () => true) {
  const deadline = Date.now() + 60000;
  let last = 'nothing yet';
  for (;;) {
    try {
      const res = await page.goto(origin + path);
      const shown = res && res.status() === 200 && (await page.content()).includes(text);
      if (shown && (await more(page))) return;
      last = shown ? 'the text, but not the rest' : res ? `status ${res.status()}` : 'no response';
    } catch (e) {
      if (!/ERR_ABORTED|navigat|Execution context was destroyed/i.test(String(e))) throw e;
      last = String(e);
    }
    assert.ok(Date.now() < deadline, `${path} never showed ${text} (last: ${last})`);
    await page.waitForTimeout(200);
  }
}

/** Sends one raw HTTP request (for headers a browser will not forge). */
function raw(method, path, headers, body = '') {
  return new Promise((resolve, reject) => {
    const u = new URL(origin);
    const req = request({ host: u.hostname, port: u.port, method, path, headers: { 'Content-Length': Buffer.byteLength(body), ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.end(body);
  });
}

// A .docx is a zip; this writes one with stored (uncompressed) entries.
const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function zip(files) {
  const locals = [], centrals = [];
  let offset = 0;
  for (const [name, text] of files) {
    const n = Buffer.from(name), d = Buffer.from(text), crc = crc32(d);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x0800, 6);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(d.length, 18); local.writeUInt32LE(d.length, 22); local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16); central.writeUInt32LE(d.length, 20); central.writeUInt32LE(d.length, 24); central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, d);
    centrals.push(central, n);
    offset += 30 + n.length + d.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(files.length, 8); end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
function docx(paragraphs) {
  const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const body = paragraphs.map((t) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`).join('');
  return zip([
    ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'],
    ['word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${w}><w:body>${body}<w:sectPr/></w:body></w:document>`],
  ]);
}

/** The axe-core script, to evaluate in a page. */
function axeSource() {
  return readFileSync(join(repo, 'node_modules/axe-core/axe.min.js'), 'utf8');
}

describe('the editor', () => {
  test('a news item with a photo and a campaign, made through the form, shows in the preview', async () => {
    const page = await open('/__thidua/editor/new/tin-tuc');
    await page.fill('input[name=title]', 'Trao học bổng cho học sinh Xtiêng');
    await page.fill('input[name=date]', '02/03/2024');
    await page.fill('input[data-filter=campaigns]', 'nguoi ngheo');
    await page.getByLabel(/Vì người nghèo/).check();
    await page.fill('textarea[name=body]', 'Sáng nay, **Ban Dân tộc** trao 20 suất học bổng.');
    await page.waitForFunction(() => document.querySelector('#preview strong')?.textContent === 'Ban Dân tộc');
    await page.setInputFiles('input[name=_anh]', join(site, 'content/dien-hinh/dieu-lam/vuon.png'));
    await page.fill('input[name=_anh_alt]', 'Học sinh nhận học bổng');
    await page.getByLabel('Bản nháp').uncheck();
    await Promise.all([page.waitForURL(/da-luu=1/), page.getByRole('button', { name: 'Lưu' }).click()]);
    assert.match(page.url(), /edit\/content\/tin-tuc\/trao-hoc-bong-cho-hoc-sinh-xtieng\/index\.md/);
    const text = readFileSync(join(site, 'content/tin-tuc/trao-hoc-bong-cho-hoc-sinh-xtieng/index.md'), 'utf8');
    assert.match(text, /campaigns = \["alpha"\]/);
    assert.match(text, /!\[Học sinh nhận học bổng\]\(vuon\.png\)/);
    await page.waitForFunction(() => document.querySelector('#preview img[alt="Học sinh nhận học bổng"]')?.naturalWidth > 0);
    assert.deepEqual(page.errors, [], 'the editor pages ran without errors');
    // The photo and the "Sửa trang này" link are on the page (read in the
    // same load as the title, so that a reload cannot come between).
    await servedSoon(page, '/tin-tuc/trao-hoc-bong-cho-hoc-sinh-xtieng/', 'Trao học bổng cho học sinh Xtiêng', async (p) =>
      (await p.locator('img[alt="Học sinh nhận học bổng"]').count()) === 1 &&
      (await p.getByRole('link', { name: 'Sửa trang này' }).count()) === 1);
    await servedSoon(page, '/phong-trao/alpha/', 'Trao học bổng cho học sinh Xtiêng');
    await page.close();
  });

  test('editing a TOML record keeps every comment', async () => {
    const file = join(site, 'content/phong-trao/ghi-chu.md');
    const original = `+++
# Phong trào do phòng Tuyên truyền theo dõi
title = "Phong trào có ghi chú" # tên chính thức
start = 2021                   # năm bắt đầu
# người phát động ghi theo quyết định
launched_by = "Chủ tịch UBND tỉnh"
ma_rieng = 7 # khoá riêng, không có trong biểu mẫu

[[indicators]] # chỉ tiêu 1
name = "Hộ thoát nghèo"
unit = "hộ"
values = [{ period = "2022", value = 12 }] # số liệu sơ bộ
+++

Nội dung giữ nguyên.
`;
    writeFileSync(file, original);
    const page = await open('/__thidua/editor/edit/content/phong-trao/ghi-chu.md');
    await page.fill('input[name=title]', 'Phong trào có ghi chú (sửa)');
    await page.fill('input[name=end]', '2025');
    await Promise.all([page.waitForURL(/da-luu=1/), page.getByRole('button', { name: 'Lưu' }).click()]);
    const saved = readFileSync(file, 'utf8');
    for (const comment of original.split('\n').filter((l) => l.includes('#')).map((l) => l.slice(l.indexOf('#')))) {
      assert.ok(saved.includes(comment), `comment kept: ${comment}\n${saved}`);
    }
    assert.match(saved, /title = "Phong trào có ghi chú \(sửa\)" # tên chính thức/);
    assert.match(saved, /end = 2025/);
    assert.ok(saved.endsWith('+++\n\nNội dung giữ nguyên.\n'), saved);
    await page.close();
  });

  test('a dropped .docx is imported, reviewed and saved', async () => {
    const bytes = docx([
      'BAN DÂN TỘC',
      'Số: 15/KH-BDT',
      'Bình Phước, ngày 20 tháng 02 năm 2025',
      'KẾ HOẠCH',
      'Tổ chức Ngày hội đại đoàn kết các dân tộc năm 2025',
      'Nội dung thứ nhất của kế hoạch.',
      'Nội dung thứ hai của kế hoạch.',
    ]).toString('base64');
    const page = await open('/__thidua/editor/');
    await Promise.all([
      page.waitForURL(/\/import$/),
      page.evaluate((b64) => {
        const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([data], 'Kế hoạch 15.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
        document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, bytes),
    ]);
    assert.equal(await page.inputValue('input[name=number]'), '15/KH-BDT');
    assert.match(await page.inputValue('input[name=title]'), /Ngày hội đại đoàn kết/);
    assert.match(await page.inputValue('textarea[name=body]'), /Nội dung thứ hai/);
    await Promise.all([page.waitForURL(/da-luu=1/), page.getByRole('button', { name: 'Lưu' }).click()]);
    const made = readdirSync(join(site, 'content/van-ban')).filter((f) => f.includes('ngay-hoi'));
    assert.equal(made.length, 1, readdirSync(join(site, 'content/van-ban')).join(', '));
    assert.match(readFileSync(join(site, 'content/van-ban', made[0]), 'utf8'), /number = "15\/KH-BDT"/);
    await page.close();
  });

  test('several dropped files are each imported, reviewed and saved, one after another', async () => {
    const files = [16, 17].map((n) => docx([
      'BAN DÂN TỘC',
      `Số: ${n}/KH-BDT`,
      `Bình Phước, ngày ${n} tháng 03 năm 2025`,
      'KẾ HOẠCH',
      `Triển khai đợt thi đua số ${n} năm 2025`,
      `Nội dung riêng của kế hoạch ${n}.`,
    ]).toString('base64'));
    const page = await open('/__thidua/editor/');
    await Promise.all([
      page.waitForURL(/\/import$/),
      page.evaluate((all) => {
        const dt = new DataTransfer();
        all.forEach((b64, i) => {
          const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
          dt.items.add(new File([data], `Kế hoạch ${16 + i}.docx`, { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
        });
        document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, files),
    ]);
    const queue = page.getByRole('navigation', { name: 'Các tệp đang nhập' });
    assert.equal(await queue.getByRole('link').count(), 2, 'both files are listed');
    assert.equal(await page.inputValue('input[name=number]'), '16/KH-BDT');
    await page.evaluate(axeSource());
    const violations = await page.evaluate(async () => (await window.axe.run(document)).violations);
    assert.deepEqual(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), [], 'the review page');
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 800 });
      await page.screenshot({ path: join(shots, `import-queue-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    // the first one is corrected before it is saved
    await page.fill('input[name=title]', 'Kế hoạch thi đua đợt 16, đã sửa');
    await Promise.all([page.waitForURL(/\/import\/\d+\/2$/), page.getByRole('button', { name: 'Lưu' }).click()]);
    assert.equal(await page.inputValue('input[name=number]'), '17/KH-BDT', 'the second file comes next');
    assert.match(await page.inputValue('textarea[name=body]'), /kế hoạch 17/);
    assert.match(await queue.textContent(), /đã lưu/, 'the first is marked saved');
    await Promise.all([page.waitForURL(/da=nhap/), page.getByRole('button', { name: 'Lưu' }).click()]);
    const dir = join(site, 'content/van-ban');
    const made = readdirSync(dir).filter((f) => /dot-16|dot-thi-dua-so-17/.test(f));
    assert.equal(made.length, 2, readdirSync(dir).join(', '));
    assert.match(readFileSync(join(dir, made.find((f) => f.includes('16'))), 'utf8'), /title = "Kế hoạch thi đua đợt 16, đã sửa"[\s\S]*number = "16\/KH-BDT"/);
    assert.match(readFileSync(join(dir, made.find((f) => f.includes('17'))), 'utf8'), /number = "17\/KH-BDT"/);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('with a password set, a browser without the cookie signs in through a Vietnamese form', async () => {
    const other = mkdtempSync(join(tmpdir(), 'thidua-editor-pw-'));
    cpSync(join(repo, 'tests/fixtures/generator/basic'), other, { recursive: true });
    const serve = startServe(other, { THIDUA_EDITOR_PASSWORD: 'Mật khẩu 2026' });
    try {
      const home = new URL(await serve.address).origin + '/__thidua/editor/';
      const c = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN' });
      const page = await c.newPage();
      const res = await page.goto(home);
      assert.equal(res.status(), 401);
      await page.evaluate(axeSource());
      const violations = await page.evaluate(async () => (await window.axe.run(document)).violations);
      assert.deepEqual(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), [], 'the login page');
      for (const width of [1280, 360]) {
        await page.setViewportSize({ width, height: 800 });
        const over = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        assert.ok(over <= 0, `the login page overflows by ${over}px at ${width}px`);
        await page.screenshot({ path: join(shots, `login-${width}.png`), fullPage: true });
      }
      await page.getByLabel('Mật khẩu').fill('sai rồi');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByRole('alert').waitFor();
      await page.getByLabel('Mật khẩu').fill('Mật khẩu 2026');
      await Promise.all([page.waitForURL(home), page.getByRole('button', { name: 'Đăng nhập' }).click()]);
      assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1);
      assert.equal((await page.goto(home)).status(), 200, 'signed in');
      await c.close();
    } finally {
      serve.child.kill();
      rmSync(other, { recursive: true, force: true });
    }
  });

  test('a save is refused when the file changed on disk, showing both versions', async () => {
    const file = join(site, 'content/tin-tuc/tin-ba.md');
    const page = await open('/__thidua/editor/edit/content/tin-tuc/tin-ba.md');
    const elsewhere = readFileSync(file, 'utf8').replace(/title = "([^"]*)"/, 'title = "$1 (sửa trong Notepad)"');
    writeFileSync(file, elsewhere);
    await page.fill('input[name=title]', 'Bản sửa trong trình biên tập');
    const [res] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Lưu' }).click()]);
    assert.equal(res.status(), 409);
    assert.match(await page.locator('.conflict pre').textContent(), /sửa trong Notepad/);
    assert.equal(await page.inputValue('input[name=title]'), 'Bản sửa trong trình biên tập');
    assert.equal(readFileSync(file, 'utf8'), elsewhere, 'nothing was written');
    await page.close();
  });

  test('refused without the cookie, from a foreign Origin or Host, and for ../../x as an upload name', async () => {
    const stranger = await browser.newContext();
    const page = await stranger.newPage();
    const res = await page.goto(origin + '/__thidua/editor/');
    assert.equal(res.status(), 403, 'no cookie');
    await stranger.close();
    const cookies = await ctx.cookies();
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    assert.ok(cookie.includes('thidua_bien_tap_'));
    const form = 'title=X&_fields=title&body=';
    const type = { 'Content-Type': 'application/x-www-form-urlencoded' };
    const target = '/__thidua/editor/edit/content/tin-tuc/tin-mot.md';
    assert.equal(await raw('POST', target, { ...type, Cookie: cookie, Origin: 'http://evil.example', Host: new URL(origin).host }, form), 403, 'foreign Origin');
    assert.equal(await raw('GET', '/__thidua/editor/', { Cookie: cookie, Host: 'evil.example' }), 403, 'foreign Host');
    const edit = await open('/__thidua/editor/edit/content/tin-tuc/tin-mot.md');
    const status = await edit.evaluate(async () => {
      const fd = new FormData(document.querySelector('form.record'));
      fd.set('_anh', new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10])], '../../x.png', { type: 'image/png' }));
      fd.set('_anh_alt', 'x');
      return (await fetch(location.pathname, { method: 'POST', body: fd })).status;
    });
    assert.equal(status, 400, '../../x.png is refused');
    assert.ok(!existsSync(join(site, 'x.png')) && !existsSync(join(site, 'content/x.png')));
    await edit.close();
  });

  test('axe-core finds no serious violations on the editor pages; screenshots at 360 and 1280 px', async () => {
    const axe = axeSource();
    mkdirSync(shots, { recursive: true });
    const pages = {
      home: '/__thidua/editor/',
      'new-news': '/__thidua/editor/new/tin-tuc',
      'edit-person': '/__thidua/editor/edit/content/dien-hinh/an-binh.md',
      'edit-document': '/__thidua/editor/edit/content/van-ban/kh-bdt.md',
      'edit-campaign': '/__thidua/editor/edit/content/phong-trao/alpha.md',
      guide: '/__thidua/editor/huong-dan',
    };
    for (const width of [1280, 360]) {
      const c = await browser.newContext({ viewport: { width, height: 800 }, locale: 'vi-VN', storageState: await ctx.storageState() });
      for (const [name, path] of Object.entries(pages)) {
        const page = await open(path, c);
        await page.waitForTimeout(300);
        await page.evaluate(axe);
        const violations = await page.evaluate(async () => (await window.axe.run(document)).violations);
        const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), [], `${name} at ${width}px`);
        const over = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        assert.ok(over <= 0, `${name} overflows by ${over}px at ${width}px`);
        await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
        assert.deepEqual(page.errors, [], name);
        await page.close();
      }
      await c.close();
    }
  });
});
