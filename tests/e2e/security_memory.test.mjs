// Loads inside the documented limits (128 MB, 2 million rows) but beyond what wasm memory holds
// next to the data already loaded end in a sentence before the core allocates, never in an abort:
// the app keeps drawing and keeps its data. The CSVs are generated here and served by the test server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, newPage, waitForFrames } from './harness.mjs';

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
