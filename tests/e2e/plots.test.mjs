// Plots a reader can trust, checked through the UI probe on what a person would see: dense
// histories draw inside their plot with draw lists their index type can address, axis and end
// labels never overlap, and no glyph falls back to the atlas's missing-character box.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { openSession, newPage, waitForFrames, sharedDatasets, saveArtifact } from './harness.mjs';

const haveShared = fs.existsSync(sharedDatasets);
const noShared = !haveShared && 'no ../shared/datasets here';

let session;
before(async () => { session = await openSession(); });
after(async () => { await session?.close(); });

const probe = (page) => page.evaluate(() => window.chartmix.uiProbe());

// Opens a view by its link and waits until its data, panel and fonts are in place and a few more
// frames have been drawn from them.
async function openView(page, hash, { ref, panel } = {}) {
  await page.goto(session.url + hash);
  await waitForFrames(page, 3);
  if (ref) await page.waitForFunction((r) => window.chartmix.getSummary().ref === r, ref, { timeout: 60000 });
  if (panel) await page.waitForFunction((p) => window.chartmix.getSummary().panel === p, panel);
  await page.waitForFunction(() => /^ready/.test(window.chartmix.uiProbe().values.fonts || ''), null, { timeout: 30000 });
  await waitForFrames(page, (await page.evaluate(() => window.chartmix.framesDrawn)) + 4);
}

function overlap(a, b) {
  return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
}

// Every pair of labels within each group is apart; returns how many labels were checked.
function assertLabelsApart(p, groups) {
  let checked = 0;
  for (const g of groups) {
    const labels = p.labels[g] || [];
    checked += labels.length;
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++)
        assert.ok(!overlap(labels[i], labels[j]), `${g}: "${labels[i][4]}" ${labels[i].slice(0, 4)} overlaps "${labels[j][4]}" ${labels[j].slice(0, 4)}`);
  }
  return checked;
}

function assertIndicesFit(p) {
  const limit = 2 ** (8 * p.indexBytes);
  assert.ok(p.drawLists.length > 0, 'the probe saw the frame\'s draw lists');
  for (const l of p.drawLists) assert.ok(l.vertices < limit, `draw list ${l.name}: ${l.vertices} vertices, ${p.indexBytes}-byte indices`);
}

test('BLACKPINK weekly history: every draw list fits its index type, lines stay in the plot, labels apart', { skip: noShared }, async () => {
  for (const [width, height] of [[1440, 900], [360, 740]]) {
    const page = await newPage(session, { width, height });
    await openView(page, '#v1&d=catalog:local:kpop-blackpink-weekly&v=history', { ref: 'catalog:local:kpop-blackpink-weekly', panel: 'history' });
    const p = await probe(page);
    assertIndicesFit(p);
    const plot = p.items['history.plot'], lines = p.items['history.lines'];
    assert.ok(plot && lines, 'the history plot and its lines are in the probe');
    assert.ok(lines[2] > plot[2] * 0.5, `the lines span the plot (${lines[2]} of ${plot[2]} px)`);
    assert.ok(lines[0] >= plot[0] - 0.5 && lines[1] >= plot[1] - 0.5, `lines ${lines} start inside the plot ${plot}`);
    assert.ok(lines[0] + lines[2] <= plot[0] + plot[2] + 0.5 && lines[1] + lines[3] <= plot[1] + plot[3] + 0.5, `lines ${lines} end inside the plot ${plot}`);
    // Reduced to the pixel grid: the window holding the plot costs vertices by its width, far
    // below what one vertex run per weekly point of every song would.
    const biggest = Math.max(...p.drawLists.map((l) => l.vertices));
    assert.ok(biggest < 65536, `the largest draw list has ${biggest} vertices at ${width} px`);
    const n = assertLabelsApart(p, ['history.x', 'history.y', 'history.labels']);
    assert.ok((p.labels['history.x'] || []).length >= 2, 'the date axis has labels');
    assert.ok(n >= 5, `labels were checked (${n})`);
    assert.equal(p.fallbackGlyphs, 0, 'every character of the titles is in the atlas');
    saveArtifact(`plots-blackpink-history-${width}.png`, await page.screenshot());
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('no glyph falls back on Compare, Classroom and Sensitivity (demo)', async () => {
  const page = await newPage(session, { width: 1440, height: 900 });
  for (const panel of ['compare', 'classroom', 'sensitivity', 'history', 'song']) {
    await openView(page, `#v1&d=demo&v=${panel}`, { panel });
    const p = await probe(page);
    assert.equal(p.fallbackGlyphs, 0, `${panel}: no missing glyph`);
    assertIndicesFit(p);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('CJK datasets draw every character', { skip: noShared }, async () => {
  const page = await newPage(session, { width: 1440, height: 900 });
  for (const id of ['circle-digital-monthly-tidy', 'qqmusic-flat', 'kpop-blackpink-monthly']) {
    for (const panel of ['chart', 'history']) {
      await openView(page, `#v1&d=catalog:local:${id}&v=${panel}`, { ref: `catalog:local:${id}`, panel });
      const p = await probe(page);
      assert.equal(p.fallbackGlyphs, 0, `${id} ${panel}: no missing glyph`);
    }
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the fallback counter sees a character no font has', async () => {
  const page = await newPage(session, { width: 1280, height: 800 });
  await openView(page, '#v1&d=demo&v=chart', { panel: 'chart' });
  // Ethiopic is in neither DejaVu Sans nor Noto Sans CJK: it must be counted, not hidden.
  const csv = 'source,period,rank,title,artist\nmelon,2023-03-23,1,\u1200\u1201 song,Someone\nmelon,2023-03-23,2,Other,Else\n';
  await page.evaluate(async (text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'ethiopic.csv', { type: 'text/csv' }));
    const canvas = document.getElementById('canvas');
    canvas.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, csv);
  await page.waitForFunction(() => window.chartmix.getSummary().ref === 'file:ethiopic.csv');
  await waitForFrames(page, (await page.evaluate(() => window.chartmix.framesDrawn)) + 6);
  const p = await probe(page);
  assert.ok(p.fallbackGlyphs >= 2, `two missing characters counted (${p.fallbackGlyphs})`);
  await page.context().close();
});

test('sensitivity: end labels in the order the lines end, apart, with ranks at the current weight', async () => {
  for (const [width, height] of [[1440, 900], [360, 740]]) {
    const page = await newPage(session, { width, height });
    await openView(page, '#v1&d=demo&v=sensitivity', { panel: 'sensitivity' });
    const p = await probe(page);
    const labels = p.labels['sensitivity.labels'] || [];
    assert.ok(labels.length >= 3, `end labels drawn (${labels.length})`);
    assertLabelsApart(p, ['sensitivity.labels', 'sensitivity.x', 'sensitivity.y', 'sensitivity.now']);
    // Labels keep the order of the lines' ends at the right edge: top to bottom by rank there.
    const ends = p.values['sensitivity.ends'].trim().split('\n').map((l) => ({ rank: Number(l.split(':')[0]), title: l.slice(l.indexOf(':') + 1) }));
    const rankOf = new Map(ends.map((e) => [e.title, e.rank]));
    const shown = [...labels].sort((a, b) => a[1] - b[1]).map((l) => rankOf.get(l[4]));
    assert.ok(shown.every((r) => r !== undefined), 'every label names a plotted song');
    for (let i = 1; i < shown.length; i++) assert.ok(shown[i] >= shown[i - 1], `labels top to bottom follow the end ranks: ${shown}`);
    // At the current weight the curves give today's chart: ranks 1 .. k.
    const now = p.values['sensitivity.ranks_now'].trim().split(' ').map(Number).sort((a, b) => a - b);
    assert.deepEqual(now, now.map((_, i) => i + 1));
    assert.match(p.values['sensitivity.now'], /^[0-9.e+-]+$/);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('axes and end labels apart on History, Song and the classroom plot, phone and desktop', async () => {
  for (const [width, height] of [[1440, 900], [360, 740]]) {
    const page = await newPage(session, { width, height });
    for (const panel of ['history', 'song']) {
      await openView(page, `#v1&d=demo&v=${panel}`, { panel });
      const p = await probe(page);
      const n = assertLabelsApart(p, [`${panel}.x`, `${panel}.y`, `${panel}.labels`]);
      assert.ok((p.labels[`${panel}.x`] || []).length >= 2, `${panel} at ${width} px has date labels`);
      assert.ok(n >= 4, `${panel}: labels were checked (${n})`);
    }
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

// Clicks the centre of a control the app reports through the probe, then lets a few frames pass.
async function clickControl(page, name) {
  const rect = await page.waitForFunction((n) => window.chartmix.uiProbe().items[n], name, { timeout: 10000 }).then((h) => h.jsonValue());
  const box = await page.locator('#canvas').boundingBox();
  await page.mouse.click(box.x + rect[0] + rect[2] / 2, box.y + rect[1] + rect[3] / 2);
  await waitForFrames(page, (await page.evaluate(() => window.chartmix.framesDrawn)) + 3);
}

test('classroom: one step counter, and the truth-recovery plot has x ticks and end labels apart', async () => {
  const page = await newPage(session, { width: 1440, height: 900 });
  await openView(page, '#v1&d=demo&v=classroom', { panel: 'classroom' });
  await clickControl(page, 'classroom.next');
  let p = await probe(page);
  assert.match(p.values['classroom.step'], /^2\/\d+$/);
  await clickControl(page, 'classroom.recovery');
  await clickControl(page, 'classroom.recovery.run');
  await page.waitForFunction(() => (window.chartmix.uiProbe().labels['classroom.recovery.labels'] || []).length > 0, null, { timeout: 60000 });
  p = await probe(page);
  assert.ok((p.labels['classroom.recovery.x'] || []).length >= 2, 'the noise axis has tick labels');
  assert.ok((p.labels['classroom.recovery.labels'] || []).length >= 3, 'the methods are labelled at their lines\' ends');
  assertLabelsApart(p, ['classroom.recovery.x', 'classroom.recovery.y', 'classroom.recovery.labels']);
  assert.equal(p.fallbackGlyphs, 0, 'σ and τ are in the atlas');
  saveArtifact('plots-classroom-recovery-1440.png', await page.screenshot());
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
