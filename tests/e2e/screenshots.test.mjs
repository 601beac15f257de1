// Per-panel screenshots in both themes at a phone width (360 px) and a desktop width (1440 px),
// written to tests/e2e/artifacts/ for people to look at. The panel is chosen through the URL
// fragment (v=), as a shared link would. Each shot is checked through the app's UI probe: the period
// controls sit inside the viewport without overlapping, and the panel's own controls and values are
// there (the chart's rows and search field, the classroom's step and its button).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, newPage, waitForFrames, saveArtifact } from './harness.mjs';

const kPanels = ['chart', 'history', 'song', 'compare', 'sensitivity', 'classroom'];

// [x, y, w, h] inside a width x height viewport, with some area.
const inside = (r, width, height) => r && r[2] > 0 && r[3] > 0 && r[0] >= 0 && r[1] >= 0 && r[0] + r[2] <= width && r[1] + r[3] <= height;
const apart = (a, b) => a[0] + a[2] <= b[0] || b[0] + b[2] <= a[0] || a[1] + a[3] <= b[1] || b[1] + b[3] <= a[1];

function checkPeriodButtons(items, label, width, height) {
  for (const name of ['topbar.period.prev', 'topbar.period.next']) assert.ok(inside(items[name], width, height), `${label}: ${name} inside the viewport`);
  assert.ok(apart(items['topbar.period.prev'], items['topbar.period.next']), `${label}: the period buttons do not overlap`);
}

function checkShot(probe, panel, label, width, height) {
  const { items, values } = probe;
  checkPeriodButtons(items, label, width, height);
  assert.match(values['topbar.period'] || '', /^\d{4}-\d{2}-\d{2}$/, `${label}: the period is shown`);
  if (panel === 'chart') {
    assert.ok(inside(items['chart.search'], width, height), `${label}: the search field inside the viewport`);
    assert.ok(Number(values['chart.count']) > 0, `${label}: the chart lists songs`);
  }
  if (panel === 'classroom') {
    assert.ok(inside(items['classroom.next'], width, height), `${label}: the step button inside the viewport`);
    assert.match(values['classroom.step'] || '', /^\d+\/\d+$/, `${label}: the step counter is shown`);
  }
}

let session;
before(async () => { session = await openSession(); });
after(async () => { await session?.close(); });

for (const width of [360, 1440]) {
  test(`every panel in both themes at ${width} px`, async () => {
    const page = await newPage(session, { width, height: width < 800 ? 740 : 900 });
    await page.goto(session.url);
    await waitForFrames(page, 3);
    for (const theme of ['dark', 'light']) {
      await page.evaluate((t) => window.chartmix.setTheme(t), theme);
      for (const panel of kPanels) {
        await page.evaluate((p) => { location.hash = `#v1&d=demo&v=${p}`; }, panel);
        await page.waitForFunction((p) => window.chartmix.getSummary().panel === p, panel);
        await waitForFrames(page, (await page.evaluate(() => window.chartmix.framesDrawn)) + 4);
        saveArtifact(`panel-${panel}-${theme}-${width}.png`, await page.screenshot());
        checkShot(await page.evaluate(() => window.chartmix.uiProbe()), panel, `${panel} (${theme}, ${width} px)`, width, width < 800 ? 740 : 900);
      }
    }
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

// The top bar puts the period picker on a line of its own when the dataset's name leaves no room.
test('the period buttons fit a phone\'s width', async () => {
  const page = await newPage(session, { width: 360, height: 740 });
  await page.goto(session.url);
  await waitForFrames(page, 3);
  checkPeriodButtons((await page.evaluate(() => window.chartmix.uiProbe())).items, '360 px', 360, 740);
  await page.context().close();
});
