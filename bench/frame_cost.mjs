// Run after a web-release build: NODE_PATH=/usr/share/nodejs node bench/frame_cost.mjs (prints p50/p95/max per case).
// Frame CPU cost (NewFrame..Render: core work + UI build, no GPU) while a weight slider is dragged.
import { openSession, newPage, waitForFrames } from '../tests/e2e/harness.mjs';
const session = await openSession();
const cases = [
  ['catalog:local:spotify-weekly-2023', 'chart'],
  ['catalog:local:spotify-weekly-2023', 'sensitivity'],
  ['catalog:local:kpop-blackpink-weekly', 'history'],
  ['demo', 'history'],
];
const q = (a, p) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
for (const [d, panel] of cases) {
  const page = await newPage(session, { width: 1440, height: 900 });
  await page.goto(session.url + `#v1&d=${d}&v=${panel}`);
  await waitForFrames(page, 3);
  if (d !== 'demo') await page.waitForFunction((r) => window.chartmix.getSummary().ref === r, d, { timeout: 90000 });
  await page.waitForFunction(() => /^ready/.test(window.chartmix.uiProbe().values.fonts || ''), null, { timeout: 30000 });
  await waitForFrames(page, (await page.evaluate(() => window.chartmix.framesDrawn)) + 10);
  const probe = await page.evaluate(() => window.chartmix.uiProbe());
  const name = Object.keys(probe.items).find((n) => n.startsWith('sources.weight.'));
  const r = probe.items[name];
  const box = await page.locator('#canvas').boundingBox();
  const y = box.y + r[1] + r[3] / 2, x0 = box.x + r[0] + r[2] * 0.5;
  const f0 = await page.evaluate(() => window.chartmix.framesDrawn);
  await page.mouse.move(x0, y);
  await page.mouse.down();
  const w0 = JSON.stringify(await page.evaluate(() => window.chartmix.getMix().weights));
  const drag = [];
  for (let i = 1; i <= 80; i++) {
    const f = await page.evaluate(() => window.chartmix.framesDrawn);
    await page.mouse.move(x0 + (i % 20 - 10) * 4, y);
    await page.waitForFunction((n) => window.chartmix.framesDrawn > n + 1, f);
    // The frames drawn since the move: the one that took it in re-mixes and rebuilds the panels.
    const got = await page.evaluate((n) => ({ now: window.chartmix.framesDrawn, ms: window.chartmix.uiProbe().frameCpuMs }), f);
    drag.push(Math.max(...got.ms.slice(-(got.now - f))));
  }
  await page.mouse.up();
  const w1 = JSON.stringify(await page.evaluate(() => window.chartmix.getMix().weights));
  if (w0 === w1) console.log('the weight did not change!');
  console.log(`${d} ${panel} (${name}): ${drag.length} moves, costliest frame after each move, CPU ms p50 ${q(drag, 0.5).toFixed(2)} p95 ${q(drag, 0.95).toFixed(2)} max ${Math.max(...drag).toFixed(2)}`);
  await page.context().close();
}
await session.close();
