// Embedding: two widgets on one page (JS API), iframes sized by embed-loader.js, the compact
// layout, a page served under a strict CSP header, and the embed code the app generates.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, newPage, waitForFrames } from './harness.mjs';

const kStrictCsp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; frame-src 'self'";

let session;
before(async () => {
  session = await openSession({ serverOptions: { routes: {
    '/strict.html': { path: '/index.html', headers: { 'Content-Security-Policy': kStrictCsp } },
    '/strict-example.html': { path: '/example.html', headers: { 'Content-Security-Policy': kStrictCsp } },
  } } });
});
after(async () => { await session?.close(); });

test('two widgets on one page run independently and both follow their size', async () => {
  const page = await newPage(session, { width: 1200, height: 800 });
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  await page.goto(session.url + 'strict-example.html');
  await page.waitForFunction(() => window.widgets && window.widgets.every((w) => w.framesDrawn >= 3), null, { timeout: 30000 });
  const state = () => page.evaluate(() => window.widgets.map((w) => ({
    size: [w.canvas.width, w.canvas.height, w.canvas.clientWidth, w.canvas.clientHeight],
    mix: w.getMix(), compact: w.getSummary().compact, frames: w.framesDrawn,
  })));
  await page.waitForFunction(() => window.widgets[1].getMix().weights['*'] === 1 && Object.keys(window.widgets[1].getMix().weights).length === 2);
  let [left, right] = await state();
  assert.ok(left.compact && right.compact);
  assert.deepEqual(Object.keys(left.mix.weights), ['*'], 'the left widget keeps its own mix');
  for (const w of [left, right]) assert.deepEqual(w.size.slice(0, 2), w.size.slice(2), 'backing store = CSS size at DPR 1');
  // Narrow the page: the grid stacks the widgets and both canvases follow.
  await page.setViewportSize({ width: 500, height: 800 });
  await page.waitForFunction(() => window.widgets.every((w) => w.canvas.width === w.canvas.clientWidth && w.canvas.clientWidth < 480));
  [left, right] = await state();
  assert.ok(left.size[0] < 480 && right.size[0] < 480);
  // Both keep drawing: each widget's frame count passes the one read above.
  await page.waitForFunction((seen) => window.widgets.every((w, i) => w.framesDrawn > seen[i]), [left.frames, right.frames], { timeout: 30000 });
  assert.deepEqual(violations, []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the full page runs under a strict CSP header with no eval', async () => {
  const page = await newPage(session);
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy|unsafe-eval/i.test(m.text())) violations.push(m.text()); });
  const response = await page.goto(session.url + 'strict.html');
  assert.equal(response.headers()['content-security-policy'], kStrictCsp);
  await waitForFrames(page, 5);
  await page.evaluate(() => window.chartmix.setMix({ version: 1, method: 'weighted_sum', normalization: 'rank_points', weights: { '*': 1, melon: 2 } }));
  assert.equal(await page.evaluate(() => window.chartmix.getMix().weights.melon), 2);
  assert.deepEqual(violations, []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('embedded iframes get their height from the widget, and the generated embed code works', async () => {
  const page = await newPage(session, { width: 900, height: 900 });
  await page.goto(session.url + 'embed-example.html');
  const heights = () => page.evaluate(() => [...document.querySelectorAll('iframe')].map((f) => f.getBoundingClientRect().height));
  await page.waitForFunction(() => [...document.querySelectorAll('iframe')].every((f) => f.style.height && f.style.height !== '480px'), null, { timeout: 30000 });
  const wide = await heights();
  // 4:3 canvas of an 868 px wide frame: 651 px of content.
  for (const h of wide) assert.ok(Math.abs(h - 651) <= 2, `height ${h}`);
  await page.setViewportSize({ width: 600, height: 900 });
  await page.waitForFunction(() => [...document.querySelectorAll('iframe')].every((f) => parseFloat(f.style.height) < 500));
  const narrow = await heights();
  for (const h of narrow) assert.ok(Math.abs(h - 426) <= 2, `height ${h} after the page narrowed`);
  // A message of the wrong shape, or from the page itself rather than a widget, changes nothing.
  // Messages are delivered in order: once a marker posted after them has arrived, the loader has seen them.
  await page.evaluate(() => {
    window.addEventListener('message', (e) => { if (e.data === 'test:after-bad-messages') window.badMessagesSeen = true; });
    window.postMessage({ type: 'chartmix:height', height: 77 }, '*');
    window.postMessage({ type: 'chartmix:height', height: 'tall' }, '*');
    window.postMessage('chartmix:height=99', '*');
    window.postMessage('test:after-bad-messages', '*');
  });
  await page.waitForFunction(() => window.badMessagesSeen === true);
  assert.deepEqual(await heights(), narrow);
  const frame = page.frames().find((f) => f.url().includes('embed.html#v1&d=demo:7'));
  await frame.waitForFunction(() => window.chartmix && window.chartmix.framesDrawn > 2);
  assert.equal(await frame.evaluate(() => window.chartmix.getSummary().ref), 'demo:7');
  assert.equal(await frame.evaluate(() => window.chartmix.getSummary().compact), true);
  const snippet = await frame.evaluate(() => window.chartmix.embedSnippet('https://charts.example.org/chartmix/'));
  assert.match(snippet, /^<iframe src="https:\/\/charts\.example\.org\/chartmix\/embed\.html#v1&d=demo:7&p=[^"]+" [^>]*data-chartmix-embed[^>]*><\/iframe>\n<script src="https:\/\/charts\.example\.org\/chartmix\/embed-loader\.js" async><\/script>$/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
