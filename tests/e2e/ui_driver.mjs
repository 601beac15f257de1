// Drives the app the way a person does: finds a control through the UI probe (where the app drew
// it last frame) and clicks or taps its centre. Reading state goes through the JS API; acting never does.
import assert from 'node:assert/strict';

export const probe = (page) => page.evaluate(() => window.chartmix.uiProbe());

// Waits until the app has drawn `frames` more frames.
export async function settle(page, frames = 4) {
  await page.waitForFunction(() => window.chartmix && window.chartmix.framesDrawn > 0);  // the module has started
  const start = await page.evaluate(() => window.chartmix.framesDrawn);
  await page.waitForFunction((f) => window.chartmix.framesDrawn >= f, start + frames);
}

// Waits until the app draws a control with this probe name; returns its rectangle [x, y, w, h].
export async function waitForItem(page, name, timeout = 30000) {
  await page.waitForFunction((n) => !!window.chartmix?.uiProbe().items[n], name, { timeout });
  return (await probe(page)).items[name];
}

export async function centre(page, name) {
  const rect = (await probe(page)).items[name];
  assert.ok(rect, `the app drew ${name}`);
  const box = await page.locator('#canvas').boundingBox();
  return { x: box.x + rect[0] + rect[2] / 2, y: box.y + rect[1] + rect[3] / 2, rect, box };
}

// A click with the mouse, or a tap on a touch screen ({ touch: true }).
export async function press(page, name, { touch = false } = {}) {
  await waitForItem(page, name);
  const { x, y } = await centre(page, name);
  if (touch) await page.touchscreen.tap(x, y);
  else await page.mouse.click(x, y);
  await settle(page);
}

// Waits until a load started from the UI has finished and the app shows its dataset.
export async function waitForDataset(page, ref, timeout = 60000) {
  await page.waitForFunction((r) => window.chartmix.getView().includes('d=' + r) && !window.chartmix.progress.active, ref, { timeout });
  await settle(page);
}

// Presses an item of a scrolling list, scrolling it (over `anchor`, the list's visible area) until
// the item lies wholly inside it, as a person would: with the mouse wheel, or on a touch screen with
// a swipe that rests before the finger lifts (no fling).
export async function pressInList(page, name, anchor, { touch = false } = {}) {
  await waitForItem(page, anchor);
  for (let i = 0; i < 60; i++) {
    const { items } = await probe(page);
    const r = items[name], a = items[anchor];
    if (r && r[1] >= a[1] && r[1] + r[3] <= a[1] + a[3]) break;
    // Far away, a few rows at a time; partly shown, a row at a time.
    const dy = r ? (r[1] < a[1] ? -120 : 120) : 480;
    if (touch) {
      await swipe(page, anchor, -Math.min(dy, a[3] * 0.8), { rest: true });
    } else {
      const { x, y } = await centre(page, anchor);
      await page.mouse.move(x, y);
      await page.mouse.wheel(0, dy);
    }
    await settle(page, 3);
  }
  await press(page, name, { touch });
}

// A finger on the centre of a control, moved by dy pixels in steps (a swipe; up is negative) and
// lifted, as a phone reports it (Playwright's touchscreen only taps).
// With rest, the finger stays still before lifting, so the list stops where it was left (no fling).
export async function swipe(page, name, dy, { steps = 8, stepMs = 16, rest = false } = {}) {
  const { x, y } = await centre(page, name);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y + (dy * i) / steps }] });
    await new Promise((r) => setTimeout(r, stepMs));  // the pace of the finger, not a wait for a result
  }
  if (rest) await new Promise((r) => setTimeout(r, 200));  // likewise: a finger resting before it lifts
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

// A finger held on a control until the app shows the tooltip `until` waits for, then lifted.
export async function longPress(page, name, until) {
  const { x, y } = await centre(page, name);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  try { await until(); } finally {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await cdp.detach();
  }
}
