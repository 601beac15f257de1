// A teacher's path: open classroom mode, step through a method, switch method.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, closePages, newPage, waitForFrames } from './harness.mjs';

let session;
before(async () => { session = await openSession(); });
after(async () => { await session?.close(); });
afterEach(async () => { if (session) await closePages(session); });

// Clicks the centre of a control the app reports through uiProbe(), then lets a few frames pass.
async function clickControl(page, name) {
  const rect = await page.waitForFunction((n) => window.chartmix.uiProbe().items[n], name, { timeout: 10000 }).then((h) => h.jsonValue());
  const box = await page.locator('#canvas').boundingBox();
  await page.mouse.click(box.x + rect[0] + rect[2] / 2, box.y + rect[1] + rect[3] / 2);
  const start = await page.evaluate(() => window.chartmix.framesDrawn);
  await page.waitForFunction((f) => window.chartmix.framesDrawn >= f + 3, start);
}

const values = (page) => page.evaluate(() => window.chartmix.uiProbe().values);

test('open classroom mode, step through Borda, switch to Schulze', async () => {
  const page = await newPage(session, { width: 1440, height: 900 });
  await page.goto(session.url + '#v1&v=classroom');
  await waitForFrames(page, 10);
  await page.waitForFunction(() => window.chartmix.uiProbe().values['classroom.step']);
  let v = await values(page);
  assert.equal(v['classroom.method'], 'Borda');
  assert.match(v['classroom.step'], /^1\/\d+$/);
  const total = Number(v['classroom.step'].split('/')[1]);
  assert.ok(total >= 3, 'Borda adds one ballot a step, over several ballots');

  for (let i = 2; i <= total; i++) {
    await clickControl(page, 'classroom.next');
    v = await values(page);
    assert.equal(v['classroom.step'], `${i}/${total}`);
  }
  // After the last step the order on screen is the method's final result.
  assert.equal(v['classroom.order'].replace(/^[^:]*: /, ''), v['classroom.result']);
  const bordaFormula = v['classroom.formula'];

  await clickControl(page, 'classroom.method');
  await clickControl(page, 'classroom.method.Schulze');
  v = await values(page);
  assert.equal(v['classroom.method'], 'Schulze');
  assert.match(v['classroom.step'], /^1\/\d+$/, 'a new method starts from its first step');
  assert.notEqual(v['classroom.formula'], bordaFormula, 'the formula on screen follows the method');
  assert.deepEqual(page.problems, []);
});
