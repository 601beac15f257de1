// Opening data: drag-and-drop, a download with progress and cancel, the catalogue through a local
// mirror, and errors (404, CORS, a bad file) that leave the loaded dataset and mix in place.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openSession, newPage, waitForFrames, sharedDatasets } from './harness.mjs';
import { startServer } from '../../tools/serve.mjs';

const fixtures = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../fixtures');
const goodCsv = fs.readFileSync(path.join(fixtures, 'canonical_small.csv'), 'utf8');
const haveShared = fs.existsSync(sharedDatasets);

let session, page, other;
before(async () => {
  session = await openSession({ serverOptions: { throttle: true } });
  other = await startServer({ root: fs.mkdtempSync('/tmp/chartmix-other-') });  // another origin, no CORS headers
  page = await newPage(session);
  await page.goto(session.url);
  await waitForFrames(page, 5);
});
after(async () => { other?.server.close(); await session?.close(); });

// Drops files on the canvas the way a browser does: a drop event carrying a DataTransfer.
async function drop(files) {
  await page.evaluate(async (list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'text/csv' }));
    const canvas = document.getElementById('canvas');
    canvas.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    canvas.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
}

const state = () => page.evaluate(() => ({
  ref: window.chartmix.getSummary().ref,
  dataset: window.chartmix.getSummary().dataset,
  mix: window.chartmix.getMix(),
  top: window.chartmix.getRanking(5).entries.map((e) => e.title),
  notice: window.chartmix.lastNotice,
}));

test('a dropped CSV replaces the demo, and a bad file then keeps that dataset and the mix', async () => {
  await drop([{ name: 'small.csv', text: goodCsv }]);
  await page.waitForFunction(() => window.chartmix.getSummary().ref === 'file:small.csv');
  await page.evaluate(() => window.chartmix.setMix({ version: 1, method: 'weighted_sum', normalization: 'rank_points', weights: { melon: 2, 'spotify-kr': 1 } }));
  const before = await state();
  assert.ok(before.top.includes('Flower'), 'the dropped chart is ranked');
  assert.equal(before.mix.weights.melon, 2);

  await drop([{ name: 'broken.csv', text: 'when,who\n2023-01-01,nobody\n' }]);
  await page.waitForFunction(() => window.chartmix.lastNotice.error);
  const afterBad = await state();
  assert.match(afterBad.notice.text, /broken\.csv:1:1: /, 'the notice names the file, line and column');
  assert.match(afterBad.notice.text, /stays/, 'the notice says the data stays');
  assert.equal(afterBad.ref, before.ref);
  assert.deepEqual(afterBad.mix, before.mix);
  assert.deepEqual(afterBad.top, before.top);
  const alert = await page.evaluate(() => document.querySelector('.chartmix-alert').textContent);
  assert.equal(alert, afterBad.notice.text, 'the error is also announced as text');
  // The JS API reports the same failure as an exception carrying the core's message.
  const thrown = await page.evaluate(() => window.chartmix.loadFiles([{ name: 'x.csv', bytes: 'nonsense' }]).then(() => '', (e) => `${e.name}: ${e.message}`));
  assert.match(thrown, /^ChartmixError: x\.csv/);
  assert.deepEqual(page.problems, []);
});

test('a Korean CP949 file decodes in the page, UHC extension syllables included, to the titles of its UTF-8 twin', async () => {
  // The wasm core has no iconv: CP949 goes through the browser's TextDecoder("euc-kr") (windows-949).
  const manifest = JSON.stringify({
    sources: [{ key: 'a', granularity: 'monthly' }, { key: 'b', granularity: 'monthly' }],
    files: [
      { path: 'korean_cp949.csv', source: 'a', encoding: 'cp949', columns: { period: '날짜', title: '장르', units: 'score' } },
      { path: 'korean_utf8.csv', source: 'b', columns: { period: '날짜', title: '장르', units: 'score' } },
    ],
  });
  const bytes = (name) => Array.from(fs.readFileSync(path.join(fixtures, name)));
  const files = [{ name: 'korean.json', bytes: manifest }, { name: 'korean_cp949.csv', bytes: bytes('korean_cp949.csv') },
    { name: 'korean_utf8.csv', bytes: bytes('korean_utf8.csv') }];
  await page.evaluate((list) => window.chartmix.loadFiles(list.map((f) => ({ name: f.name, bytes: typeof f.bytes === 'string' ? f.bytes : new Uint8Array(f.bytes) }))), files);
  await page.evaluate(() => window.chartmix.setMix({ version: 1, weights: { '*': 1 } }));  // the earlier test's mix names other charts
  const titles = await page.evaluate(() => window.chartmix.getRanking(10).entries.map((e) => e.title));
  assert.deepEqual([...titles].sort(), ['댄스/팝', '똠방각하', '발라드'].sort(), 'each title once: both files decoded to the same text and matched');
  assert.deepEqual(page.problems, []);
});

test('a slow download shows progress and can be cancelled; the data stays', async () => {
  const before = await state();
  const big = haveShared ? 'slow/datasets/billboard-hot100-mhollingshead/hot100_2020_2026.csv' : 'slow/chartmix-core.wasm';
  const outcome = page.evaluate((u) => window.chartmix.loadUrl(u).then(() => 'loaded', (e) => e.code), big);
  await page.waitForFunction(() => window.chartmix.progress.active && window.chartmix.progress.received > 40000);
  const p = await page.evaluate(() => window.chartmix.progress);
  assert.ok(p.total > p.received, `the total (${p.total}) is known and not reached (${p.received})`);
  await page.evaluate(() => window.chartmix.cancelLoad());
  assert.equal(await outcome, 'aborted');
  const afterCancel = await state();
  assert.equal(afterCancel.notice.text, 'Download cancelled. The data you had stays loaded.');
  assert.equal(afterCancel.ref, before.ref);
  assert.deepEqual(afterCancel.mix, before.mix);
  assert.equal(await page.evaluate(() => window.chartmix.progress.active), false);
  assert.deepEqual(page.problems, []);
});

test('404 and a CORS refusal explain what happened and what to try', async () => {
  const before = await state();
  const missing = await page.evaluate(() => window.chartmix.loadUrl('/no-such-file.csv').then(() => null, (e) => ({ code: e.code, message: e.message })));
  assert.equal(missing.code, 'http');
  assert.match(missing.message, /404 Not Found/);
  assert.match(missing.message, /catalogue/);
  const cors = await page.evaluate((u) => window.chartmix.loadUrl(u).then(() => null, (e) => ({ code: e.code, message: e.message })), other.url + 'x.csv');
  assert.equal(cors.code, 'network');
  assert.match(cors.message, /CORS/);
  assert.match(cors.message, /drop it/);
  assert.equal((await state()).ref, before.ref);
  // The browser logs a failed fetch on the console by itself; nothing else may go wrong.
  assert.deepEqual(page.problems.filter((p) => !/Failed to load resource|Access-Control|CORS/.test(p)), []);
  page.problems.length = 0;
});

test('the catalogue lists the shared datasets, and a published dataset loads from a local mirror', { skip: !haveShared && 'no ../shared/datasets here' }, async () => {
  const mirrored = await newPage(session);
  await mirrored.goto(session.url + '?mirror=/datasets/');
  await waitForFrames(mirrored, 3);
  const cat = await mirrored.evaluate(() => window.chartmix.catalogue());
  assert.ok(cat.some((e) => e.id === 'billboard-hot100-2023'));
  assert.ok(cat.some((e) => e.id === 'local:demo-multisource-week'), 'the shared datasets are listed');
  await mirrored.evaluate(() => window.chartmix.loadCatalogue('billboard-hot100-2023'));
  // The Hot 100 is an official chart: the default mix leaves it out, so rank by it alone.
  await mirrored.evaluate(() => window.chartmix.setMix({ version: 1, method: 'weighted_sum', normalization: 'rank_points', weights: { 'billboard-hot100': 1 } }));
  const s = await mirrored.evaluate(() => ({ ...window.chartmix.getSummary(), n: window.chartmix.getRanking(0).ranked }));
  assert.equal(s.ref, 'catalog:billboard-hot100-2023');
  assert.match(s.period, /^2023-12/);
  assert.ok(s.n >= 100, `a full chart is ranked (${s.n})`);
  await mirrored.evaluate(() => window.chartmix.loadCatalogue('local:demo-multisource-week'));
  assert.equal(await mirrored.evaluate(() => window.chartmix.getSummary().ref), 'catalog:local:demo-multisource-week');
  assert.deepEqual(mirrored.problems, []);
  await mirrored.context().close();
});

test('a manifest dropped together with its file loads as one dataset', { skip: !haveShared && 'no ../shared/datasets here' }, async () => {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
  const manifest = fs.readFileSync(path.join(root, 'tests/manifests/demo-multisource-week.json'), 'utf8');
  const csv = fs.readFileSync(path.join(sharedDatasets, 'demo-candidates/demo_multisource_week_2023-03-23.csv'), 'utf8');
  await drop([{ name: 'demo-multisource-week.json', text: manifest }, { name: 'demo_multisource_week_2023-03-23.csv', text: csv }]);
  await page.waitForFunction(() => window.chartmix.getSummary().ref === 'file:demo-multisource-week.json');
  const s = await page.evaluate(() => ({ summary: window.chartmix.getSummary(), sources: window.chartmix.getRanking(1).sources }));
  assert.equal(s.summary.dataset, 'One tracking week (ending 2023-03-23) on four charts');
  assert.deepEqual(s.sources.sort(), ['spotify-global', 'spotify-us']);
  assert.ok(s.summary.official, 'the official charts are there to compare against');
  assert.deepEqual(page.problems, []);
});
