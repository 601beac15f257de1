// Per-panel screenshots in both themes at a phone width (360 px) and a desktop width (1440 px),
// written to tests/e2e/artifacts/ for people to look at. The panel is chosen through the URL
// fragment (v=), as a shared link would; each shot must show that panel and not be blank.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, newPage, waitForFrames, nonBlankFraction, saveArtifact } from './harness.mjs';

const kPanels = ['chart', 'history', 'song', 'compare', 'sensitivity', 'classroom'];

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
        const shot = await page.screenshot();
        saveArtifact(`panel-${panel}-${theme}-${width}.png`, shot);
        assert.ok(nonBlankFraction(shot) > 0.02, `${panel} (${theme}, ${width} px) is not blank`);
      }
    }
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}
