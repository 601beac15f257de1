// Sharing: the view lives in the URL fragment. A link opened in a fresh browser context gives the
// same ranking; back/forward step through changes; a tampered fragment gives a notice and the
// defaults; a link naming data on a foreign origin asks before anything is fetched.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { openSession, newPage, waitForFrames } from './harness.mjs';

let session, page, foreign, foreignHits = 0;
before(async () => {
  session = await openSession();
  foreign = http.createServer((req, res) => { foreignHits++; res.writeHead(200, { 'Access-Control-Allow-Origin': '*' }); res.end('source,period,rank,title,artist\n'); });
  await new Promise((r) => foreign.listen(0, '127.0.0.1', r));
  page = await newPage(session);
  await page.goto(session.url);
  await waitForFrames(page, 3);
});
after(async () => { foreign?.close(); await session?.close(); });

const weights = (w) => ({ version: 1, method: 'weighted_sum', normalization: 'rank_points', weights: w });
const view = (p) => p.evaluate(() => ({ mix: window.chartmix.getMix(), ranking: window.chartmix.getRanking(20), summary: window.chartmix.getSummary(), hash: location.hash }));
// Waits until the app has written its view into the URL after a change.
const settled = (p) => p.waitForFunction(() => location.hash === window.chartmix.getView());

test('a shared link reproduces the view in a fresh browser context', async () => {
  await page.evaluate(() => window.chartmix.loadDemo(7));
  await page.evaluate((m) => window.chartmix.setMix(m), weights({ melon: 3, 'spotify-global': 0.5, '*': 1 }));
  await page.waitForFunction(() => location.hash.includes('d=demo:7') && location.hash === window.chartmix.getView());
  const link = await page.evaluate(() => window.chartmix.shareLink());
  assert.equal(link, await page.evaluate(() => location.href));
  const a = await view(page);

  const fresh = await newPage(session);  // a new context: no shared storage, like another browser
  await fresh.goto(link);
  await waitForFrames(fresh, 3);
  const b = await view(fresh);
  assert.equal(b.summary.ref, 'demo:7');
  assert.deepEqual(b.mix, a.mix);
  assert.deepEqual(b.ranking, a.ranking);
  assert.equal(b.summary.period, a.summary.period);
  assert.deepEqual(fresh.problems, []);
  await fresh.context().close();
});

test('back and forward step through mix changes', async () => {
  await page.evaluate((m) => window.chartmix.setMix(m), weights({ '*': 1 }));
  await settled(page);
  await page.evaluate((m) => window.chartmix.setMix(m), weights({ '*': 1, melon: 5 }));
  await settled(page);
  await page.evaluate((m) => window.chartmix.setMix(m), weights({ '*': 1, melon: 9 }));
  await settled(page);
  await page.goBack();
  await page.waitForFunction(() => window.chartmix.getMix().weights.melon === 5);
  await page.goBack();
  await page.waitForFunction(() => window.chartmix.getMix().weights.melon === undefined);
  await page.goForward();
  await page.waitForFunction(() => window.chartmix.getMix().weights.melon === 5);
  assert.deepEqual(page.problems, []);
});

test('a tampered fragment gives a notice and the defaults, never a crash', async () => {
  const tampered = await newPage(session);
  await tampered.goto(session.url);
  await waitForFrames(tampered, 2);
  const defaults = await tampered.evaluate(() => window.chartmix.getMix());
  for (const bad of ['#v1&d=demo&m=%%%not-base64', '#v1&m=eyJ3ZWlnaHRzIjoxfQ', '#v99&d=demo', '#v1&s=' + '9'.repeat(5000)]) {
    await tampered.evaluate((m) => window.chartmix.setMix(m), weights({ '*': 1, melon: 4 }));
    await tampered.evaluate((h) => { location.hash = h; }, bad);
    await tampered.waitForFunction(() => window.chartmix.lastNotice.error);
    const s = await view(tampered);
    assert.deepEqual(s.mix, defaults, `defaults after ${bad.slice(0, 30)}`);
    assert.match(await tampered.evaluate(() => window.chartmix.lastNotice.text), /could not be read.*default/);
    await tampered.evaluate(() => window.chartmix.notify(''));
  }
  // Straight from a fresh load too.
  await tampered.goto(session.url + 'index.html#v1&d=demo&p=<img src=x onerror=alert(1)>&m=@@');
  await waitForFrames(tampered, 2);
  assert.equal(await tampered.evaluate(() => document.querySelectorAll('img').length), 0, 'fragment text never becomes HTML');
  assert.ok((await tampered.evaluate(() => window.chartmix.lastNotice.text)).length > 0);
  assert.deepEqual(tampered.problems, []);
  await tampered.context().close();
});

test('a link naming data on a foreign origin asks first, and declining fetches nothing', async () => {
  const p = await newPage(session);
  const asked = [];
  p.on('dialog', (d) => { asked.push(d.message()); d.dismiss(); });
  const url = `http://127.0.0.1:${foreign.address().port}/chart.csv`;
  await p.goto(`${session.url}#v1&d=url:${encodeURIComponent(url)}&v=chart`);
  await waitForFrames(p, 2);
  await p.waitForFunction(() => window.chartmix.lastNotice.error);
  assert.equal(asked.length, 1);
  assert.match(asked[0], /127\.0\.0\.1/);
  assert.equal(foreignHits, 0, 'nothing was fetched from the foreign origin');
  assert.match(await p.evaluate(() => window.chartmix.lastNotice.text), /declined/);
  assert.equal(await p.evaluate(() => window.chartmix.getSummary().ref), 'demo');
  assert.deepEqual(p.problems, []);
  await p.context().close();
});

test('"copy link" puts the view\'s link on the clipboard', async () => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.url.replace(/\/$/, '') });
  await page.bringToFront();
  const copied = await page.evaluate(() => window.chartmix.copyLink());
  assert.equal(copied, true);
  const text = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(text, await page.evaluate(() => location.href.replace(/#.*$/, '') + window.chartmix.getView()));
  assert.match(await page.evaluate(() => window.chartmix.lastNotice.text), /Copied/);
  // The app's own "Copy link" button (top bar at 1280 px) goes through HostActions::CopyText.
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.mouse.click(972, 17);
  await page.waitForFunction(async () => (await navigator.clipboard.readText()) === window.chartmix.shareLink());
  assert.deepEqual(page.problems, []);
});
