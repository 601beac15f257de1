// The page and the widget against hostile input: strings the core cannot hold, set-mix messages of
// tens of thousands of keys, an embedded widget and the host page's history, a fragment changed in
// an open tab, malformed links, and the shipped CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openSession, newPage, waitForFrames, webRoot } from './harness.mjs';

let session;
before(async () => { session = await openSession(); });
after(async () => { await session?.close(); });

const weights = (w) => ({ version: 1, method: 'weighted_sum', normalization: 'rank_points', weights: w });

test('a failed _malloc refuses the text instead of writing at address 0', async () => {
  const page = await newPage(session);
  await page.goto(session.url);
  await waitForFrames(page, 3);
  const result = await page.evaluate((mix) => {
    const app = window.chartmix;
    const before = Array.from(app.core.HEAPU8.subarray(0, 64));
    const malloc = app.core._malloc;
    app.core._malloc = () => 0;  // what malloc answers when wasm memory cannot grow
    let error = null;
    try { app.setMix(mix); } catch (e) { error = { code: e.code, message: e.message }; }
    app.core._malloc = malloc;
    return { error, untouched: Array.from(app.core.HEAPU8.subarray(0, 64)).every((b, i) => b === before[i]) };
  }, JSON.stringify(weights({ '*': 1, melon: 7 })));
  assert.equal(result.untouched, true, 'wasm memory at address 0 is unchanged');
  assert.equal(result.error?.code, 'refused');
  assert.match(result.error.message, /not enough memory/);
  const frames = await page.evaluate(() => window.chartmix.framesDrawn);
  await page.waitForFunction((n) => window.chartmix.framesDrawn > n + 2, frames);
  assert.equal(await page.evaluate(() => window.chartmix.getMix().weights.melon), undefined, 'the mix stays');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a string over the size cap is refused with a sentence before wasm memory is touched', async () => {
  const page = await newPage(session);
  await page.goto(session.url);
  await waitForFrames(page, 3);
  const result = await page.evaluate(() => {
    const app = window.chartmix;
    const sizes = [];
    const malloc = app.core._malloc;
    app.core._malloc = (n) => { sizes.push(n); return malloc(n); };
    let error = null;
    try { app.setMix('{"weights":{"*":1},"x":"' + 'a'.repeat(3 << 20) + '"}'); } catch (e) { error = { code: e.code, message: e.message }; }
    app.core._malloc = malloc;
    return { error, largest: Math.max(0, ...sizes) };
  });
  assert.equal(result.error?.code, 'refused');
  assert.match(result.error.message, /more than the 1 MB chartmix takes in one piece/);
  assert.ok(result.largest < 1 << 20, `the largest allocation was ${result.largest} bytes`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// The embed example's first widget, with the host page's own history length.
async function embedded() {
  const page = await newPage(session, { width: 900, height: 900 });
  await page.goto(session.url + 'embed-example.html');
  await page.waitForFunction(() => document.querySelectorAll('iframe').length === 2);
  const frame = page.frames().find((f) => f.url().includes('embed.html#v1&d=demo') && !f.url().includes('demo:7'));
  await frame.waitForFunction(() => window.chartmix && window.chartmix.framesDrawn > 2, null, { timeout: 30000 });
  return { page, frame };
}
const sendMix = (page, mix) => page.evaluate((m) => document.querySelector('iframe').contentWindow.postMessage({ type: 'chartmix:set-mix', mix: m }, '*'), mix);

test('an embedded widget changes its view without adding entries to the host page\'s history', async () => {
  const { page, frame } = await embedded();
  const start = await page.evaluate(() => history.length);
  for (let i = 2; i <= 6; i++) {
    await sendMix(page, weights({ '*': 1, melon: i }));
    await frame.waitForFunction((w) => window.chartmix.getMix().weights.melon === w && location.hash === window.chartmix.getView(), i);
  }
  assert.match(await frame.evaluate(() => location.hash), /^#v1&d=demo&/, 'the widget still keeps its view in its fragment');
  assert.equal(await page.evaluate(() => history.length), start);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a set-mix message of 40,000 keys is refused with a notice and the mix stays', async () => {
  const { page, frame } = await embedded();
  await sendMix(page, weights({ '*': 1, melon: 3 }));
  await frame.waitForFunction(() => window.chartmix.getMix().weights.melon === 3);
  const many = { '*': 1 };
  for (let i = 0; i < 40000; i++) many['src' + i] = 1;
  await sendMix(page, weights(many));
  await frame.waitForFunction(() => window.chartmix.lastNotice.error);
  assert.match(await frame.evaluate(() => window.chartmix.lastNotice.text), /more than 5000 keys/);
  assert.deepEqual(await frame.evaluate(() => window.chartmix.getMix().weights), { '*': 1, melon: 3 });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a fragment changed in an open tab asks once', async () => {
  const page = await newPage(session);
  await page.goto(session.url);
  await waitForFrames(page, 3);
  const asked = [];
  page.on('dialog', (d) => { asked.push(d.message()); d.dismiss(); });
  await page.evaluate(() => { location.hash = '#v1&d=url:' + encodeURIComponent('http://127.0.0.1:9/chart.csv'); });
  await page.waitForFunction(() => window.chartmix.lastNotice.error);
  await page.waitForTimeout(500);  // lets a second question, if any, arrive before counting
  assert.equal(asked.length, 1);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a link whose data address does not read gives a notice', async () => {
  const page = await newPage(session);
  for (const ref of ['url:http%3A%2F%2F%5B', 'url:%E0%A4%A', 'url:javascript%3Aalert(1)']) {
    await page.goto(`${session.url}index.html#v1&d=${ref}`);
    await waitForFrames(page, 2);
    await page.waitForFunction(() => window.chartmix.lastNotice.error, null, { timeout: 5000 });
    assert.match(await page.evaluate(() => window.chartmix.lastNotice.text), /address|could not be read/, ref);
    assert.equal(await page.evaluate(() => window.chartmix.getSummary().ref), 'demo');
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the published pages read data only from their own site and the catalogue\'s', () => {
  const catalogue = JSON.parse(fs.readFileSync(path.join(webRoot, 'catalogue.json'), 'utf8'));
  const hosts = new Set();
  for (const e of catalogue.datasets) for (const u of [e.manifest, e.dataBase]) if (u && /^https:/.test(u)) hosts.add(new URL(u).origin);
  for (const name of ['index.html', 'embed.html']) {
    const html = fs.readFileSync(path.join(webRoot, name), 'utf8');
    const connect = /connect-src ([^";]*)/.exec(html)?.[1].split(' ');
    assert.deepEqual(connect, ["'self'", ...[...hosts].sort()], name);
  }
});
