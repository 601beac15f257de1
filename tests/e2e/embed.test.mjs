// Embedding: two widgets on one page (JS API), iframes sized by embed-loader.js, the compact
// layout, a page served under a strict CSP header, and the embed code the app generates.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, newPage, waitForFrames, saveArtifact } from './harness.mjs';
import { press, probe, waitForItem } from './ui_driver.mjs';

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

// Once the frame has the height the widget asked for: the lowest point its controls reach, the
// frame's height, and whether every source's slider and the chart are whole on screen.
async function settledWidget(page, index, column) {
  const frameEl = (await page.$$('iframe'))[index];
  const frame = await frameEl.contentFrame();
  await frame.waitForFunction(() => window.chartmix?.framesDrawn > 2);
  await page.waitForFunction(([i, w]) => {
    const f = document.querySelectorAll('iframe')[i];
    const app = f.contentWindow.chartmix;
    const { items, values } = app.uiProbe();
    const keys = app.getRanking(1).sources;
    const table = items['chart.table'];
    return Math.abs(f.getBoundingClientRect().width - w) < 2 && Math.abs(parseFloat(f.style.height) - Number(values['content.height'])) < 1 &&
      keys.every((k) => items['sources.weight.' + k]) && table && table[3] > 0;
  }, [index, column], { timeout: 30000 });
  const { items } = await frame.evaluate(() => window.chartmix.uiProbe());
  const bottom = Math.max(...Object.values(items).map((r) => r[1] + r[3]));
  const height = await frameEl.evaluate((f) => f.getBoundingClientRect().height);
  return { bottom, height };
}

test('embedded iframes take the height of what the widget shows, in a phone, a tablet and a wide column', async () => {
  const page = await newPage(session, { width: 1280, height: 900 });
  await page.goto(session.url + 'embed-example.html');
  for (const column of [1248, 768, 390]) {
    await page.setViewportSize({ width: column + 32, height: 900 });  // the frames are the page's width less 32 px of margin
    for (const i of [0, 1]) {
      const { bottom, height } = await settledWidget(page, i, column);
      assert.ok(bottom <= height, `${column}px column, widget ${i}: nothing is cut (controls end at ${bottom}, frame ${height})`);
      assert.ok(height - bottom < 40, `${column}px column, widget ${i}: no empty area under the content (controls end at ${bottom}, frame ${height})`);
    }
    saveArtifact(`embed-column-${column}.png`, await page.screenshot({ fullPage: true }));
  }
  const narrow = await page.evaluate(() => [...document.querySelectorAll('iframe')].map((f) => f.getBoundingClientRect().height));
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
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('iframe')].map((f) => f.getBoundingClientRect().height)), narrow);
  const frame = page.frames().find((f) => f.url().includes('embed.html#v1&d=demo:7'));
  await frame.waitForFunction(() => window.chartmix && window.chartmix.framesDrawn > 2);
  assert.equal(await frame.evaluate(() => window.chartmix.getSummary().ref), 'demo:7');
  assert.equal(await frame.evaluate(() => window.chartmix.getSummary().compact), true);
  const snippet = await frame.evaluate(() => window.chartmix.embedSnippet('https://charts.example.org/chartmix/'));
  assert.match(snippet, /^<iframe src="https:\/\/charts\.example\.org\/chartmix\/embed\.html#v1&d=demo:7&p=[^"]+" [^>]*data-chartmix-embed[^>]*><\/iframe>\n<script src="https:\/\/charts\.example\.org\/chartmix\/embed-loader\.js" async><\/script>$/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the Embed dialog shows the code for the current view and copies it', async () => {
  const page = await newPage(session, { width: 1440, height: 900 });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(session.url + '#v1&d=demo&v=history');
  await waitForFrames(page, 5);
  await press(page, 'topbar.embed');
  await waitForItem(page, 'embed.iframe');
  await press(page, 'embed.iframe.copy');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const view = await page.evaluate(() => window.chartmix.getView());
  assert.ok(copied.startsWith(`<iframe src="${session.url}embed.html${view}"`), `the iframe opens this view: ${copied.slice(0, 120)}`);
  assert.match(copied, /embed-loader\.js" async><\/script>$/);
  assert.equal(copied.split('\n').length, 2, 'the copy is the code as it is (an iframe line and a script line), not as wrapped on screen');
  saveArtifact('embed-dialog.png', await page.screenshot());
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => window.chartmix.uiProbe().values.popups === '0');
  assert.deepEqual(page.problems, []);
  await page.context().close();

  // On a phone the code wraps to the screen: every box and button lies inside it.
  const phone = await newPage(session, { width: 360, height: 740, touch: true });
  await phone.goto(session.url + '#v1&d=demo&v=history');
  await waitForFrames(phone, 5);
  await press(phone, 'topbar.embed', { touch: true });
  await waitForItem(phone, 'embed.script.copy');
  const { items } = await probe(phone);
  for (const name of ['embed.iframe', 'embed.iframe.copy', 'embed.script', 'embed.script.copy', 'embed.close']) {
    const r = items[name];
    assert.ok(r && r[0] >= 0 && r[0] + r[2] <= 360.5 && r[1] + r[3] <= 740.5, `${name} ${r} lies inside the 360-px screen`);
  }
  saveArtifact('embed-dialog-360.png', await phone.screenshot());
  assert.deepEqual(phone.problems, []);
  await phone.context().close();
});
