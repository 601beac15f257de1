// Export > Figure (PNG): a person opens the Export menu and picks the figure; the download is the
// open panel's chart alone at twice the density, with its title, dataset, mix and credit inside it
// and apart, and nothing of the app (top bar, menu) in it. The exported figures are kept as
// artifacts in both themes and from a phone.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { PNG } from 'pngjs';
import { openSession, closePages, newPage, waitForFrames, sharedDatasets, saveArtifact } from './harness.mjs';
import { probe, press, settle, waitForDataset } from './ui_driver.mjs';

const noShared = !fs.existsSync(sharedDatasets) && 'no ../shared/datasets here';

let session;
before(async () => { session = await openSession(); });
after(async () => { await session?.close(); });
afterEach(async () => { if (session) await closePages(session); });

// Opens a link and waits for its data, its panel and its fonts.
async function openView(page, hash, ref, panel) {
  await page.goto(session.url + hash);
  await waitForFrames(page, 3);
  await waitForDataset(page, ref);
  await page.waitForFunction((p) => window.chartmix.getSummary().panel === p, panel);
  await page.waitForFunction(() => /^ready/.test(window.chartmix.uiProbe().values.fonts || ''), null, { timeout: 30000 });
  await settle(page);
}

// Export > Figure (PNG) by mouse or touch; returns the downloaded file, decoded, and the probe after it.
async function exportFigure(page, { touch = false } = {}) {
  const before = (await probe(page)).figure?.count || 0;
  await press(page, 'topbar.export', { touch });
  const [download] = await Promise.all([page.waitForEvent('download'), press(page, 'topbar.export.figure', { touch })]);
  assert.equal(download.suggestedFilename(), 'chartmix-figure.png');
  const bytes = fs.readFileSync(await download.path());
  await settle(page);
  const p = await probe(page);
  assert.equal(p.figure.count, before + 1, 'one figure was drawn');
  assert.equal(p.items['topbar.export.figure'], undefined, 'the Export menu closed');
  return { bytes, image: PNG.sync.read(bytes), p };
}

function overlap(a, b) {
  return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
}

// Distinct colours inside a rectangle of the figure (logical pixels, scaled to the image).
function coloursIn(image, rect, scale) {
  const seen = new Set();
  const [x0, y0] = [Math.floor(rect[0] * scale), Math.floor(rect[1] * scale)];
  const [x1, y1] = [Math.ceil((rect[0] + rect[2]) * scale), Math.ceil((rect[1] + rect[3]) * scale)];
  for (let y = y0; y < y1; y += 2)
    for (let x = x0; x < x1; x += 2) seen.add(image.data.readUInt32BE((y * image.width + x) * 4));
  return seen.size;
}

// The figure is its own size at its density, not the canvas; its words lie inside it, apart,
// over drawn text; nothing of the app's top bar is in it.
async function assertFigure(page, { image, p }, panel) {
  const { size, pixelScale, items, values } = p.figure;
  assert.equal(values['figure.panel'], panel);
  assert.deepEqual([image.width, image.height], [size[0] * pixelScale, size[1] * pixelScale]);
  assert.equal(pixelScale, 2);
  const canvas = await page.evaluate(() => [document.getElementById('canvas').width, document.getElementById('canvas').height]);
  assert.notDeepEqual([image.width, image.height], canvas, 'the figure is not the canvas');
  assert.deepEqual(Object.keys(items).filter((k) => k.startsWith('topbar.') || k.startsWith('sources.')), [], 'no app controls in the figure');
  const words = ['figure.title', 'figure.dataset', 'figure.mix', 'figure.credit', 'figure.brand'];
  for (const name of [...words, 'figure.chart']) {
    const r = items[name];
    assert.ok(r && r[2] > 0 && r[3] > 0, `the figure has ${name}`);
    assert.ok(r[0] >= 0 && r[1] >= 0 && r[0] + r[2] <= size[0] && r[1] + r[3] <= size[1], `${name} ${r} lies inside the figure`);
  }
  for (let i = 0; i < words.length; i++) {
    assert.ok(coloursIn(image, items[words[i]], pixelScale) >= 3, `${words[i]} is drawn text in the image`);
    for (let j = i + 1; j < words.length; j++) assert.ok(!overlap(items[words[i]], items[words[j]]), `${words[i]} and ${words[j]} are apart`);
  }
  assert.ok(items['figure.mix'][1] + items['figure.mix'][3] <= items['figure.chart'][1], 'the chart is below the header');
  assert.ok(items['figure.chart'][1] + items['figure.chart'][3] <= items['figure.credit'][1], 'the credit is below the chart');
  assert.match(values['figure.mix'], /^(Your mix: .+, method: |The official charts)/);
  assert.match(values['figure.credit'], /^Data: /);
  assert.equal(p.figure.fallbackGlyphs, 0, 'every character of the figure is in the font');
}

// The figures a reader would print, kept for a person to look at.
async function keepFigures(page, name) {
  for (const theme of ['dark', 'light']) {
    if ((await probe(page)).values['topbar.theme'] !== theme) await press(page, 'topbar.theme');
    const figure = await exportFigure(page);
    await assertFigure(page, figure, (await page.evaluate(() => window.chartmix.getSummary().panel)));
    saveArtifact(`figure-${name}-${theme}.png`, figure.bytes);
  }
}

test('Export > Figure on the demo: the chart, the history and Compare (both themes), each alone at twice the density', async () => {
  const page = await newPage(session, { width: 1440, height: 900 });
  await openView(page, '#v1&d=demo&v=chart', 'demo', 'chart');
  const chart = await exportFigure(page);
  await assertFigure(page, chart, 'chart');
  assert.match(chart.p.figure.values['figure.title'], /^Composite chart: top \d+$/);

  await page.goto(session.url + '#v1&d=demo&v=history');  // a link to the history panel, on the same page
  await page.waitForFunction(() => window.chartmix.getSummary().panel === 'history');
  await settle(page);
  const history = await exportFigure(page);
  await assertFigure(page, history, 'history');
  assert.ok(history.p.figure.items['history.plot'], 'the bump chart is in the figure');

  await page.goto(session.url + '#v1&d=demo&v=compare');
  await page.waitForFunction(() => window.chartmix.getSummary().panel === 'compare');
  await settle(page);
  await keepFigures(page, 'compare-demo');
  assert.deepEqual(page.problems, []);
});

test('figures in both themes: History on BLACKPINK weekly, Chart on QQ Music', { skip: noShared }, async () => {
  const page = await newPage(session, { width: 1440, height: 900 });
  await openView(page, '#v1&d=catalog:local:kpop-blackpink-weekly&v=history', 'catalog:local:kpop-blackpink-weekly', 'history');
  await keepFigures(page, 'history-blackpink');
  await openView(page, '#v1&d=catalog:local:qqmusic-flat&v=chart', 'catalog:local:qqmusic-flat', 'chart');
  await keepFigures(page, 'chart-qqmusic');
  assert.deepEqual(page.problems, []);
});

test('a phone exports the same figure by touch', async () => {
  const page = await newPage(session, { width: 360, height: 740, touch: true });
  await openView(page, '#v1&d=demo&v=chart', 'demo', 'chart');
  const figure = await exportFigure(page, { touch: true });
  await assertFigure(page, figure, 'chart');
  saveArtifact('figure-phone-chart-demo.png', figure.bytes);
  assert.deepEqual(page.problems, []);
});
