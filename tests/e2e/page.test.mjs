// The page around the canvas: the accessible table and live region, IME typing through the overlay
// input, keyboard focus, exports as downloads, and the canvas backing store following CSS size × DPR.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { PNG } from 'pngjs';
import { openSession, newPage, waitForFrames } from './harness.mjs';

let session, page;
before(async () => {
  session = await openSession();
  page = await newPage(session);
  await page.goto(session.url);
  await waitForFrames(page, 5);
});
after(async () => { await session?.close(); });

test('the hidden table mirrors getRanking(), and the live region names both #1s', async () => {
  await page.evaluate(() => window.chartmix.setMix({ version: 1, method: 'weighted_sum', normalization: 'rank_points', weights: { '*': 1, melon: 6 } }));
  await page.waitForFunction(() => document.querySelector('.chartmix-table tbody tr th')?.textContent === '1' &&
    document.querySelector('.chartmix-table tbody tr td').textContent === window.chartmix.getRanking(1).entries[0].title);
  const { rows, ranking, live, summary } = await page.evaluate(() => ({
    rows: [...document.querySelectorAll('.chartmix-table tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent)),
    ranking: window.chartmix.getRanking(100),
    live: document.querySelector('.chartmix-live').textContent,
    summary: window.chartmix.getSummary(),
  }));
  assert.deepEqual(rows, ranking.entries.map((e) => [String(e.rank), e.title, e.artist, e.scoreText]));
  for (const e of ranking.entries) assert.ok(e.scoreText.replace(/[^0-9]/g, "").replace(/^0+/, "").length <= 4, `${e.scoreText}: four significant digits at most, as the canvas shows`);
  assert.equal(live, `Under your mix, #1 is “${summary.top.title}” by ${summary.top.artist}; the official #1 (${summary.official.chart}) is “${summary.official.title}” by ${summary.official.artist}.`);
  assert.equal(await page.evaluate(() => document.querySelector('.chartmix-live').getAttribute('aria-live')), 'polite');
  // Text from a file stays text: a title that looks like markup shows as itself.
  await page.evaluate(() => window.chartmix.loadFiles([{ name: 'x.csv', bytes: 'source,period,rank,title,artist\nmelon,2023-03-23,1,<img src=x onerror=alert(1)>,<b>Bold</b>\n' }]));
  await page.evaluate(() => window.chartmix.setMix({ version: 1, method: 'weighted_sum', normalization: 'rank_points', weights: { melon: 1 } }));
  await page.waitForFunction(() => document.querySelector('.chartmix-table tbody td')?.textContent === '<img src=x onerror=alert(1)>');
  assert.equal(await page.evaluate(() => document.querySelectorAll('.chartmix-sr img, .chartmix-sr b').length), 0);
  await page.evaluate(() => window.chartmix.loadDemo(1));
  assert.deepEqual(page.problems, []);
});

test('Korean and Chinese IME composition in the search box reaches the app', async () => {
  await page.mouse.click(410, 67);  // the search box of the chart panel
  await page.waitForFunction(() => !window.chartmix.textInput.hidden && document.activeElement === window.chartmix.textInput);
  const box = await page.evaluate(() => { const r = window.chartmix.textInput.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; });
  assert.ok(box[0] < 410 && box[0] + box[2] > 410 && box[1] < 67 && box[1] + box[3] > 67, `the overlay lies over the search box (${box})`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'ㅎ', selectionStart: 1, selectionEnd: 1 });
  await cdp.send('Input.imeSetComposition', { text: '하', selectionStart: 1, selectionEnd: 1 });
  assert.equal(await page.evaluate(() => window.chartmix.core.UTF8ToString(window.chartmix.core._chartmix_get_text_input())), '', 'nothing is committed while composing');
  await cdp.send('Input.insertText', { text: '한' });
  await page.waitForFunction(() => window.chartmix.core.UTF8ToString(window.chartmix.core._chartmix_get_text_input()) === '한');
  // Chinese through dispatched composition events, the way a pinyin IME sends them.
  await page.evaluate(() => {
    const input = window.chartmix.textInput;
    input.dispatchEvent(new CompositionEvent('compositionstart', { data: '' }));
    input.value = '한zhou';
    input.dispatchEvent(new InputEvent('input', { data: 'zhou', isComposing: true }));
    input.value = '한周';
    input.dispatchEvent(new CompositionEvent('compositionend', { data: '周' }));
  });
  await page.waitForFunction(() => window.chartmix.core.UTF8ToString(window.chartmix.core._chartmix_get_text_input()) === '한周');
  // The search field itself took the text: the panel filters on it ("0 of 300 songs" or fewer rows).
  // Frames later the UI, which copies its own search buffer into TextInput.Text each frame, still holds it.
  await waitForFrames(page, (await page.evaluate(() => window.chartmix.framesDrawn)) + 3);
  assert.equal(await page.evaluate(() => window.chartmix.core.UTF8ToString(window.chartmix.core._chartmix_get_text_input())), '한周');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.activeElement === document.getElementById('canvas'));
  assert.deepEqual(page.problems, []);
});

test('the canvas takes keyboard focus', async () => {
  await page.evaluate(() => document.body.focus());
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'canvas');
  // Inside the canvas, Tab and Space drive the app's own keyboard navigation between its controls:
  // the focus stays with the app (the canvas, or its text overlay when the navigation reaches the
  // search field) instead of moving on to the next element of the page.
  const frames = async (n) => waitForFrames(page, (await page.evaluate(() => window.chartmix.framesDrawn)) + n);
  const inApp = () => page.evaluate(() => document.activeElement.id === 'canvas' || document.activeElement.classList.contains('chartmix-ime'));
  for (const key of ['Tab', 'Tab', 'Tab', 'Space']) {
    await page.keyboard.press(key);
    await frames(2);
    assert.ok(await inApp(), `${key} inside the app stays in the app`);
  }
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.activeElement === document.getElementById('canvas'));
  assert.deepEqual(page.problems, []);
});

test('exports download the view as PNG, the ranking as CSV and the mix as JSON', async () => {
  const grab = async (fn) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.evaluate(fn)]);
    return { name: download.suggestedFilename(), bytes: fs.readFileSync(await download.path()) };
  };
  const png = await grab(() => window.chartmix.exportPng());
  assert.equal(png.name, 'chartmix-view.png');
  const image = PNG.sync.read(png.bytes);
  const size = await page.evaluate(() => [document.getElementById('canvas').width, document.getElementById('canvas').height]);
  assert.deepEqual([image.width, image.height], size);
  const colours = new Set();
  for (let i = 0; i < image.data.length; i += 4 * 97) colours.add(image.data.readUInt32BE(i));
  assert.ok(colours.size > 5, 'the PNG holds the drawn view, not a cleared buffer');

  const csv = await grab(() => window.chartmix.exportCsv());
  assert.equal(csv.name, 'chartmix-ranking.csv');
  const lines = csv.bytes.toString('utf8').trim().split('\n');
  const ranking = await page.evaluate(() => window.chartmix.getRanking(0));
  assert.match(lines[0], /^rank,song,title,artist,score/);
  assert.equal(lines.length - 1, ranking.entries.length);

  const mix = await grab(() => window.chartmix.exportMix());
  assert.equal(mix.name, 'chartmix-mix.json');
  assert.deepEqual(JSON.parse(mix.bytes.toString('utf8')), await page.evaluate(() => window.chartmix.getMix()));
  assert.deepEqual(page.problems, []);
});

test('the canvas backing store is its CSS size × devicePixelRatio, also after a resize', async () => {
  const hidpi = await newPage(session, { width: 900, height: 600, deviceScaleFactor: 2 });
  await hidpi.goto(session.url);
  await waitForFrames(hidpi, 3);
  const size = () => hidpi.evaluate(() => { const c = document.getElementById('canvas'); return [c.width, c.height, c.clientWidth, c.clientHeight, devicePixelRatio]; });
  let [w, h, cw, ch, dpr] = await size();
  assert.equal(dpr, 2);
  assert.deepEqual([w, h], [cw * 2, ch * 2]);
  await hidpi.setViewportSize({ width: 640, height: 480 });
  await hidpi.waitForFunction(() => document.getElementById('canvas').width === 1280);
  [w, h, cw, ch] = await size();
  assert.deepEqual([w, h, cw, ch], [1280, 960, 640, 480]);
  assert.deepEqual(hidpi.problems, []);
  await hidpi.context().close();
});
