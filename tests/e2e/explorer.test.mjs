// What a fan does in the explorer: drag a weight slider, switch method, step through periods,
// search. The ranking shown must be exactly what the core computes for the resulting mix.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, closePages, newPage, waitForFrames } from './harness.mjs';

let session;
before(async () => { session = await openSession(); });
after(async () => { await session?.close(); });
afterEach(async () => { if (session) await closePages(session); });

const probe = (page) => page.evaluate(() => window.chartmix.uiProbe());
const shownRows = async (page) => (await probe(page)).values['chart.rows'].split(',').filter(Boolean).map(Number);
const coreTop = (page, n) => page.evaluate((k) => window.chartmix.getRanking(k).entries.map((e) => e.song), n);

async function settle(page, frames = 4) {
  const start = await page.evaluate(() => window.chartmix.framesDrawn);
  await page.waitForFunction((f) => window.chartmix.framesDrawn >= f, start + frames);
}

async function centre(page, name) {
  const rect = (await probe(page)).items[name];
  assert.ok(rect, `the app drew ${name}`);
  const box = await page.locator('#canvas').boundingBox();
  return { x: box.x + rect[0] + rect[2] / 2, y: box.y + rect[1] + rect[3] / 2, rect, box };
}

async function click(page, name) {
  const { x, y } = await centre(page, name);
  await page.mouse.click(x, y);
  await settle(page);
}

test('dragging a weight slider re-ranks exactly as the core predicts for the new mix', async () => {
  const page = await newPage(session, { width: 1440, height: 900 });
  await page.goto(session.url);
  await waitForFrames(page, 10);
  await page.waitForFunction(() => window.chartmix.uiProbe().values['chart.rows']);
  assert.deepEqual(await shownRows(page), await coreTop(page, 10), 'the chart shows the core ranking');
  const before = await shownRows(page);

  // Drag Melon's slider from its right end down to near zero: the Korean chart leader loses its edge.
  const { y, rect, box } = await centre(page, 'sources.weight.melon');
  await page.mouse.move(box.x + rect[0] + rect[2] - 2, y);
  await page.mouse.down();
  await page.mouse.move(box.x + rect[0] + rect[2] * 0.05, y, { steps: 8 });
  await page.mouse.up();
  await settle(page);
  const mix = await page.evaluate(() => window.chartmix.getMix());
  assert.ok(mix.weights.melon < 0.5, `the slider lowered the weight (${JSON.stringify(mix.weights)})`);
  const after = await shownRows(page);
  assert.notDeepEqual(after, before, 'the ranking moved');

  // An independent core instance, given only the mix, predicts the same chart.
  const fresh = await newPage(session, { width: 800, height: 600 });
  await fresh.goto(session.url);
  await waitForFrames(fresh, 3);
  await fresh.evaluate((m) => window.chartmix.setMix(m), mix);
  assert.deepEqual(after, await coreTop(fresh, 10));
  assert.deepEqual(page.problems, []);
  assert.deepEqual(fresh.problems, []);
});

test('switching method, stepping periods and searching update the chart', async () => {
  const page = await newPage(session, { width: 1440, height: 900 });
  await page.goto(session.url);
  await waitForFrames(page, 10);
  await page.waitForFunction(() => window.chartmix.uiProbe().values['chart.rows']);

  await click(page, 'sources.method');
  await click(page, 'sources.method.borda');
  assert.equal((await page.evaluate(() => window.chartmix.getMix())).method, 'borda');
  assert.deepEqual(await shownRows(page), await coreTop(page, 10));

  const periodBefore = (await probe(page)).values['topbar.period'];
  const topBefore = await shownRows(page);
  await click(page, 'topbar.period.prev');
  const periodAfter = (await probe(page)).values['topbar.period'];
  assert.notEqual(periodAfter, periodBefore, 'the period stepped back');
  assert.equal((await page.evaluate(() => window.chartmix.getSummary())).period, periodAfter);
  assert.deepEqual(await shownRows(page), await coreTop(page, 10));
  assert.notDeepEqual(await shownRows(page), topBefore, 'another week, another chart');

  const everything = Number((await probe(page)).values['chart.count']);
  await click(page, 'chart.search');
  await page.keyboard.type('wave', { delay: 20 });
  await settle(page, 6);
  const matching = Number((await probe(page)).values['chart.count']);
  assert.ok(matching > 0 && matching < everything, `the search narrows ${everything} songs to ${matching}`);
  const all = await page.evaluate(() => window.chartmix.getRanking(0).entries);
  const bySong = new Map(all.map((e) => [e.song, e]));
  for (const song of await shownRows(page)) {
    const e = bySong.get(song);
    assert.match(`${e.title} ${e.artist}`.toLowerCase(), /wave/);
  }
  assert.deepEqual(page.problems, []);
});
