// A phone's finger and a keyboard alone, on the full page: one tap is one tab switch, a swipe
// scrolls the chart by several rows, a tooltip a long press showed goes with the next tap, every
// top-bar control is on a 360-px screen; Tab walks into the canvas, changes a weight with the
// arrow keys, switches a panel, opens and closes a menu, and leaves the canvas at either end.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, newPage, waitForFrames, saveArtifact } from './harness.mjs';
import { probe, press, settle, swipe, longPress, waitForItem } from './ui_driver.mjs';

let session;
before(async () => { session = await openSession(); });
after(async () => { await session?.close(); });

const view = (page) => page.evaluate(() => window.chartmix.getView());
const inside = (r, w, h) => r[0] >= 0 && r[1] >= 0 && r[0] + r[2] <= w + 0.5 && r[1] + r[3] <= h + 0.5;

test('phone: one tap switches the panel, a swipe scrolls the chart, a tap ends a long press\'s tooltip', async () => {
  const page = await newPage(session, { width: 360, height: 740, touch: true });
  await page.goto(session.url);
  await waitForFrames(page, 5);
  await settle(page);
  const { items } = await probe(page);
  const bar = Object.entries(items).filter(([k]) => k.startsWith('topbar.') || k.startsWith('tab.'));
  assert.ok(bar.length >= 8, 'the top bar and the panel buttons are drawn');
  for (const [name, r] of bar) assert.ok(inside(r, 360, 740), `${name} ${r} lies inside the 360-px screen`);

  for (const panel of ['history', 'song', 'compare', 'sensitivity', 'classroom', 'chart']) {
    await press(page, `tab.${panel}`, { touch: true });
    assert.match(await view(page), new RegExp(`v=${panel}\\b`), `one tap on ${panel} shows it`);
  }

  await waitForItem(page, 'chart.table');
  const top = () => probe(page).then((p) => Number(p.values['chart.top_row']));
  assert.equal(await top(), 0);
  const before = await view(page);
  await swipe(page, 'chart.table', -300);
  await page.waitForFunction(() => Number(window.chartmix.uiProbe().values['chart.top_row']) >= 5);
  // Inertia: the list goes on after the finger lifted, then stops.
  const atLift = await top();
  await settle(page, 40);
  assert.ok(await top() >= atLift, 'the fling does not scroll back');
  assert.equal((await view(page)).replace(/&s=[^&]*/, ''), before.replace(/&s=[^&]*/, ''), 'a swipe selects no song');
  saveArtifact('touch-phone-scrolled.png', await page.screenshot());

  // A long press shows what hovering shows; a tap elsewhere takes it away.
  await press(page, 'tab.sources', { touch: true });
  const weight = Object.keys((await probe(page)).items).find((k) => k.startsWith('sources.weight.'));
  const mix = await page.evaluate(() => JSON.stringify(window.chartmix.getMix()));
  await longPress(page, weight, () => page.waitForFunction(() => !!window.chartmix.uiProbe().items.tooltip));
  assert.equal(await page.evaluate(() => JSON.stringify(window.chartmix.getMix())), mix, 'a long press changes no weight');
  await press(page, 'tab.chart', { touch: true });
  await settle(page, 3);
  assert.equal((await probe(page)).items.tooltip, undefined, 'the tooltip is gone after a tap elsewhere');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// The full page between two other focusable elements, as on a site that links to the app.
async function pageBetweenLinks() {
  const page = await newPage(session, { width: 1440, height: 900 });
  await page.goto(session.url);
  await waitForFrames(page, 5);
  await page.evaluate(() => {
    const app = document.getElementById('app');
    const before = Object.assign(document.createElement('button'), { id: 'before', textContent: 'before' });
    const after = Object.assign(document.createElement('button'), { id: 'after', textContent: 'after' });
    document.body.insertBefore(before, app);
    document.body.appendChild(after);
    before.focus();
  });
  return page;
}

const focused = (page) => page.evaluate(() => document.activeElement.id);
const focusRect = (page) => probe(page).then((p) => p.items.focus);
const same = (a, b) => a && b && a.every((v, i) => Math.abs(v - b[i]) < 1);

// Presses Tab (Shift+Tab when backwards) until the focus is on the control `name`.
async function tabTo(page, name, { backwards = false, limit = 80 } = {}) {
  for (let i = 0; i < limit; i++) {
    const p = await probe(page);
    if (same(p.items.focus, p.items[name])) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    await settle(page, 2);
  }
  assert.fail(`${backwards ? 'Shift+Tab' : 'Tab'} never reached ${name}`);
}

test('keyboard only: Tab enters the canvas and leaves it at both ends, opens and closes a menu, changes a weight, switches a panel', async () => {
  const page = await pageBetweenLinks();
  await page.keyboard.press('Tab');
  await settle(page);
  assert.equal(await focused(page), 'canvas', 'Tab from the link before enters the canvas');
  assert.ok(await focusRect(page), 'a control shows the focus');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focused(page), 'before', 'Shift+Tab on the first control leaves the canvas');
  await page.keyboard.press('Tab');
  await settle(page);

  // A menu opens with Enter and closes with Escape.
  await tabTo(page, 'topbar.export');
  await page.keyboard.press('Enter');
  await settle(page);
  assert.equal((await probe(page)).values.popups, '1', 'Enter opened the Export menu');
  await page.keyboard.press('Escape');
  await settle(page);
  assert.equal((await probe(page)).values.popups, '0', 'Escape closed it');
  // A quick tap on a busy page: the key goes down and up before the next frame, and still counts.
  await page.keyboard.press('Enter');
  await settle(page);
  assert.equal((await probe(page)).values.popups, '1', 'Enter opened it again');
  await page.evaluate(() => {
    const canvas = document.getElementById('canvas');
    for (const type of ['keydown', 'keyup']) canvas.dispatchEvent(new KeyboardEvent(type, { key: 'Escape', code: 'Escape', keyCode: 27, bubbles: true, cancelable: true }));
  });
  await settle(page);
  assert.equal((await probe(page)).values.popups, '0', 'an Escape pressed and released within one frame closed it');

  // A weight slider: the arrow keys change it, a step at a time.
  const key = Object.keys((await probe(page)).items).find((k) => k.startsWith('sources.weight.'));
  const source = key.slice('sources.weight.'.length);
  await tabTo(page, key);
  const weightOf = () => page.evaluate((s) => { const w = window.chartmix.getMix().weights; return w[s] ?? w['*']; }, source);
  const w0 = await weightOf();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await settle(page);
  const w1 = await weightOf();
  assert.ok(w1 > w0, `ArrowRight raised the weight of ${source} (${w0} to ${w1})`);
  await page.keyboard.press('PageDown');
  await settle(page);
  assert.ok(await weightOf() < w1, 'Page Down lowered it');
  assert.ok(same(await focusRect(page), (await probe(page)).items[key]), 'the focus stays on the slider');
  saveArtifact('keyboard-desktop-focus.png', await page.screenshot());

  // From the link after the canvas, Shift+Tab comes back to the last control; a panel opens with Enter.
  await page.focus('#after');  // the full-screen app covers the link: the reader got there from the address bar
  await page.keyboard.press('Shift+Tab');
  await settle(page);
  assert.equal(await focused(page), 'canvas');
  assert.ok(await focusRect(page), 'Shift+Tab comes back to the last control');
  await tabTo(page, 'tab.history', { backwards: true });
  await page.keyboard.press('Enter');
  await settle(page);
  assert.match(await view(page), /v=history\b/, 'Enter on the History tab shows it');
  for (let i = 0; i < 40 && (await focused(page)) === 'canvas'; i++) { await page.keyboard.press('Tab'); await settle(page, 2); }
  assert.equal(await focused(page), 'after', 'Tab leaves the canvas after its last control');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
