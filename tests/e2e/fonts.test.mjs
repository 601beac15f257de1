// Every glyph: a Chinese or a Japanese chart a reader brings, with characters no shared dataset has,
// draws every character. The CJK font comes in chunks the page fetches only for the text it shows,
// so a K-pop chart costs a few hundred kilobytes of font, not the whole collection.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openSession, newPage, waitForFrames, sharedDatasets, saveArtifact } from './harness.mjs';

const fixtures = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../fixtures');
const noShared = !fs.existsSync(sharedDatasets) && 'no ../shared/datasets here';
const kFontBudget = 300 * 1024;  // bytes of font a typical K-pop chart may fetch (docs/performance.md)

let session;
before(async () => { session = await openSession(); });
after(async () => { await session?.close(); });

const probe = (page) => page.evaluate(() => window.chartmix.uiProbe());

// Records every response under fonts/ (decoded body bytes); settled() waits for bodies still coming.
function recordFonts(page) {
  const seen = { files: [], bytes: 0, pending: [] };
  page.on('response', (response) => {
    const file = new URL(response.url()).pathname.split('/fonts/')[1];
    if (!file) return;
    seen.pending.push(response.body().then((body) => { seen.files.push(file); seen.bytes += body.length; }, () => {}));
  });
  seen.settled = () => Promise.all(seen.pending);
  return seen;
}

// The UI has noticed the current data and every font file it asked for is in the atlas.
async function waitForCjkFonts(page) {
  await waitForFrames(page, 1);  // the page's module has started: window.chartmix exists (right after goto it may not)
  await waitForFrames(page, (await page.evaluate(() => window.chartmix.framesDrawn)) + 2);
  await page.waitForFunction(() => window.chartmix.uiProbe().values.fonts === 'ready, cjk', null, { timeout: 30000 });
  await waitForFrames(page, (await page.evaluate(() => window.chartmix.framesDrawn)) + 3);
}

// Drops a fixture file on the canvas the way a browser does.
async function dropFixture(page, name) {
  const text = fs.readFileSync(path.join(fixtures, name), 'utf8');
  await page.evaluate(async ({ name, text }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, { type: 'text/csv' }));
    const canvas = document.getElementById('canvas');
    canvas.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, { name, text });
  await page.waitForFunction((ref) => window.chartmix.getSummary().ref === ref, `file:${name}`, { timeout: 30000 });
  return text.split('\n').slice(1).filter(Boolean).map((line) => line.split(',')[3]);
}

test('a Chinese and a Japanese chart from files draw every character, rare ones included', async () => {
  const page = await newPage(session, { width: 1440, height: 900 });
  await page.goto(session.url + '#v1&d=demo&v=chart');
  await waitForCjkFonts(page);
  for (const name of ['chinese_rare_hanzi.csv', 'japanese_kanji_kana.csv']) {
    const fonts = recordFonts(page);
    const titles = [...new Set(await dropFixture(page, name))];
    await waitForCjkFonts(page);
    await fonts.settled();
    assert.ok(fonts.files.some((f) => f.startsWith('cjk/')), `${name}: its characters came in chunks the demo did not need (${fonts.files})`);
    const p = await probe(page);
    assert.equal(p.fallbackGlyphs, 0, `${name}: no character fell back to the missing-glyph box`);
    assert.equal(p.values['chart.count'], String(titles.length), `${name}: every song is on the chart`);
    const table = await page.evaluate(() => document.querySelector('table.chartmix-table tbody').textContent);
    for (const title of titles) assert.ok(table.includes(title), `${name}: "${title}" is in the chart`);
    saveArtifact(`fonts-${name.replace('.csv', '')}-1440.png`, await page.screenshot());
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('BLACKPINK weekly fetches at most 300 KB of font, all of it for its own characters', { skip: noShared }, async (t) => {
  const page = await newPage(session, { width: 1440, height: 900 });
  const fonts = recordFonts(page);
  await page.goto(session.url + '#v1&d=catalog:local:kpop-blackpink-weekly&v=chart');
  await waitForFrames(page, 1);
  await page.waitForFunction(() => window.chartmix.getSummary().ref === 'catalog:local:kpop-blackpink-weekly', null, { timeout: 60000 });
  await waitForCjkFonts(page);
  await fonts.settled();
  t.diagnostic(`font bytes ${fonts.bytes} in ${fonts.files.length} files`);
  assert.ok(fonts.files.includes('chartmix-latin.ttf') && fonts.files.includes('cjk/index.bin'), `the Latin font and the index came (${fonts.files})`);
  assert.ok(fonts.bytes <= kFontBudget, `${fonts.bytes} bytes of font in ${fonts.files.length} files`);
  assert.equal((await probe(page)).fallbackGlyphs, 0, 'every character drawn');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
