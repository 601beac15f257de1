// The page loads, the app draws frames with WebGL2, and nothing goes wrong on the console.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, closePages, newPage, waitForFrames, nonBlankFraction, saveArtifact } from './harness.mjs';

let session;
before(async () => { session = await openSession(); });
after(async () => { await session?.close(); });
afterEach(async () => { if (session) await closePages(session); });

test('the app starts and draws its window', async () => {
  const page = await newPage(session);
  await page.goto(session.url);
  await waitForFrames(page, 10);
  const info = await page.evaluate(() => ({
    version: window.chartmix.version,
    webgl2: !!document.getElementById('canvas').getContext('webgl2'),
    status: document.getElementById('status').textContent,
  }));
  assert.match(info.version, /^\d+\.\d+\.\d+$/);
  // The canvas already holds the app's context: asking for webgl2 returns it only when that is WebGL2.
  assert.equal(info.webgl2, true, 'the app draws with WebGL2');
  assert.equal(info.status, '', 'the loading message is cleared once the app draws');
  const shot = await page.screenshot();
  saveArtifact('app-loaded.png', shot);
  assert.ok(nonBlankFraction(shot) > 0.01, 'the screenshot is not blank');
  assert.deepEqual(page.problems, []);
});
