// Every dataset the Open dialog lists opens, by a click on its entry, to a non-empty ranking on
// the first frame after the load, and the entry tells the truth about it: its periods are the data's,
// its size is what was downloaded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { openSession, newPage, waitForFrames, sharedDatasets } from './harness.mjs';
import { press, pressInList, waitForDataset } from './ui_driver.mjs';

const haveShared = fs.existsSync(sharedDatasets);
let session;
before(async () => { session = await openSession(); });
after(async () => { await session?.close(); });

test('every catalogue entry opens to a ranking, with the periods and size it states', { skip: !haveShared && 'needs ../shared/datasets' }, async () => {
  const page = await newPage(session, { width: 1440, height: 900 });
  const downloaded = new Map();
  page.on('response', async (r) => {
    const length = Number(r.headers()['content-length'] || 0);
    downloaded.set(r.url(), length);
  });
  await page.goto(session.url);
  await waitForFrames(page, 5);
  const entries = (await page.evaluate(() => window.chartmix.catalogue())).filter((e) => !e.hidden);
  assert.ok(entries.length >= 15, `the catalogue lists every dataset with a manifest (${entries.length})`);
  for (const entry of entries) {
    downloaded.clear();
    await press(page, 'topbar.open');
    await pressInList(page, `open.entry.${entry.id}`, 'open.list');
    await waitForDataset(page, `catalog:${entry.id}`);
    const ranking = await page.evaluate(() => window.chartmix.getRanking(5));
    assert.ok(ranking.entries.length > 0, `${entry.id} opens to a non-empty ranking`);
    const summary = await page.evaluate(() => window.chartmix.getSummary());
    assert.deepEqual(summary.periods, entry.periods, `${entry.id}: the periods the catalogue states are the data's`);
    if (entry.local) {
      const bytes = [...downloaded.entries()].filter(([url]) => /\/datasets\//.test(new URL(url).pathname)).reduce((n, [, b]) => n + b, 0);
      assert.equal(bytes, entry.sizeBytes, `${entry.id}: the size the catalogue states is what was downloaded`);
    }
  }
  assert.deepEqual(page.problems, []);
});
