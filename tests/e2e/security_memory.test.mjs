// Loads inside the documented limits (128 MB, 2 million rows) but beyond what wasm memory holds
// next to the data already loaded end in a sentence before the core allocates, never in an abort:
// the app keeps drawing and keeps its data. The CSVs are generated here and served by the test server.
// An allocation that fails inside the core anyway ends in the same kind of sentence (wasm exceptions
// carry std::bad_alloc to the core's boundary), with the data and the weights kept.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, newPage, waitForFrames } from './harness.mjs';
import { press, probe, waitForItem } from './ui_driver.mjs';

// A canonical CSV of `rows` rows, every row a new song (the costliest shape).
function generated(rows, seed) {
  const perGroup = 730;  // ranks per (source, week): 50 sources x 53 weeks hold 1.9 million rows
  const weeks = Array.from({ length: 53 }, (_, w) => new Date(Date.UTC(2023, 0, 5 + 7 * w)).toISOString().slice(0, 10));
  const lines = ['source,period,rank,title,artist\n'];
  for (let i = 0; i < rows; i++) {
    const group = Math.floor(i / perGroup);
    lines.push(`src${group % 50},${weeks[Math.floor(group / 50) % 53]},${1 + i % perGroup},Generated song ${seed}-${i},Artist ${i % 9000}\n`);
  }
  return Buffer.from(lines.join(''));
}

const kNames = ['first.csv', 'second.csv'];
const files = kNames.map((name, i) => generated(1900000, i));
let session;
before(async () => {
  const routes = Object.fromEntries(kNames.map((name, i) => ['/' + name, { body: files[i], type: 'text/csv' }]));
  session = await openSession({ serverOptions: { routes } });
});
after(async () => { await session?.close(); });

const drawing = async (page) => {
  const n = await page.evaluate(() => window.chartmix.framesDrawn);
  await page.waitForFunction((count) => window.chartmix.framesDrawn > count + 2, n, { timeout: 10000 });
};

test('two loads of 1.9 million rows in a row: the first loads, the second is refused with a sentence, and the app lives', async () => {
  const page = await newPage(session);
  await page.goto(session.url);
  await waitForFrames(page, 3);
  for (const f of files) assert.ok(f.length > 100 << 20 && f.length < 128 << 20, `a file is ${f.length} bytes, inside the load limit`);
  const load = (name) => page.evaluate((n) => window.chartmix.loadUrl('/' + n).then(() => 'loaded', (e) => e.message), name);

  assert.equal(await load(kNames[0]), 'loaded', 'the first, on a fresh page, fits');
  assert.equal(await page.evaluate(() => window.chartmix.getSummary().ref), 'url:' + session.url + kNames[0]);
  await drawing(page);

  const second = await load(kNames[1]);
  assert.match(second, /^Loading second\.csv would need about \d+ MB of memory to load, and only \d+ MB are free next to the data already loaded/);
  assert.equal(await page.evaluate(() => window.chartmix.lastNotice.text), second);
  assert.equal(await page.evaluate(() => window.chartmix.getSummary().ref), 'url:' + session.url + kNames[0], 'the data stays');
  await drawing(page);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('an allocation that fails inside the core ends in a notice; the data, the weights and the drawing go on', async () => {
  const page = await newPage(session, { width: 360, height: 740, touch: true });  // a phone: the long notice must leave its button on screen
  await page.goto(session.url);
  await waitForFrames(page, 3);
  // The user's weights: one source raised, as a slider would.
  const mix = await page.evaluate(() => {
    const app = window.chartmix;
    const m = app.getMix();
    app.setMix({ ...m, weights: { ...(m.weights ?? {}), [app.getRanking(1).sources[1]]: 3.5 } });
    return JSON.stringify(app.getMix());
  });
  const ranking = await page.evaluate(() => JSON.stringify(window.chartmix.getRanking(10).entries.map((e) => e.song)));

  // The page takes every byte the allocator can give (as other data held in the module would), then
  // asks for another simulated market: the core's first allocations fail. All of it in one task, so
  // no frame runs while the memory is held.
  const outcome = await page.evaluate(() => {
    const app = window.chartmix, core = app.core, held = [];
    for (let size = 64 << 20; size >= 16; size >>= 1) for (let p; (p = core._malloc(size)); ) held.push(p);
    let message = 'loaded';
    try { app.loadDemo(7); } catch (e) { message = e.message; }
    held.forEach((p) => core._free(p));
    return { message, heapMb: core.HEAPU8.length >> 20 };
  });
  assert.match(outcome.message, /^chartmix ran out of memory while generating the simulated market; the data and the weights you had are kept\./);
  assert.ok(outcome.heapMb >= 1000, `the page filled the module's whole memory (${outcome.heapMb} MB)`);

  await page.waitForFunction((m) => window.chartmix.lastNotice.text.includes(m), outcome.message, { timeout: 10000 });
  assert.equal(await page.evaluate(() => window.chartmix.lastNotice.error), true);
  assert.equal(await page.evaluate(() => window.chartmix.getSummary().ref), 'demo', 'the data stays');
  assert.match(mix, /3\.5/);
  assert.equal(await page.evaluate(() => JSON.stringify(window.chartmix.getMix())), mix, 'the weights stay');
  assert.equal(await page.evaluate(() => JSON.stringify(window.chartmix.getRanking(10).entries.map((e) => e.song))), ranking);
  await drawing(page);
  const dismiss = (await probe(page)).items['topbar.notice.dismiss'];
  assert.ok(dismiss && dismiss[0] >= 0 && dismiss[0] + dismiss[2] <= 360, `the notice's dismiss button is on screen: ${dismiss}`);
  await press(page, 'topbar.open', { touch: true });  // a tap still reaches the app: the open dialog comes up
  await waitForItem(page, 'open.demo', 10000);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
