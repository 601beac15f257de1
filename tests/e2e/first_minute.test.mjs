// The first minute of a new reader: the welcome's starting points and the Open dialog, driven with
// clicks (1440 px) and taps (360 px, touch) only. Every journey ends on a non-empty ranking that
// equals the core's, and saves screenshots (tests/e2e/artifacts/first-minute-*.png) to look at.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { openSession, closePages, newPage, waitForFrames, saveArtifact, sharedDatasets } from './harness.mjs';
import { probe, press, pressInList, settle, waitForItem, waitForDataset } from './ui_driver.mjs';

const haveShared = fs.existsSync(sharedDatasets);
let session;
before(async () => { session = await openSession(); });
after(async () => { await session?.close(); });
afterEach(async () => { if (session) await closePages(session); });

const kDesktop = { width: 1440, height: 900 };
const kPhone = { width: 360, height: 740, touch: true };

async function firstVisit(size) {
  const page = await newPage(session, { ...size, firstVisit: true });
  await page.goto(session.url);
  await waitForFrames(page, 5);
  // The starting points that open published charts appear once the catalogue is read.
  await waitForItem(page, haveShared ? 'welcome.week' : 'welcome.classroom');
  await settle(page, 3);
  return page;
}

// The chart the reader sees is the core's ranking, and it is not empty.
async function assertRanked(page, what) {
  const ranking = await page.evaluate(() => window.chartmix.getRanking(10));
  assert.ok(ranking.entries.length > 0, `${what}: a ranking on the first frame after the load`);
  return ranking;
}

async function shot(page, name) {
  saveArtifact(`first-minute-${name}.png`, await page.screenshot());
}

for (const [label, size] of [['desktop', kDesktop], ['phone', kPhone]]) {
  const touch = !!size.touch;

  test(`${label}: the welcome says what chartmix does and opens the classroom's simulated market`, async () => {
    const page = await firstVisit(size);
    await shot(page, `${label}-welcome`);
    await press(page, 'welcome.classroom', { touch });
    await page.waitForFunction(() => !window.chartmix.uiProbe().items['welcome.classroom']);
    const view = await page.evaluate(() => window.chartmix.getView());
    assert.match(view, /v=classroom/, 'the classroom panel is open');
    await assertRanked(page, 'simulated market');
    await settle(page, 10);
    await shot(page, `${label}-classroom`);
    // Dismissed once, the welcome stays dismissed on the next visit.
    await page.reload();
    await waitForFrames(page, 10);
    assert.equal((await probe(page)).items['welcome.classroom'], undefined, 'no welcome on a return visit');
    assert.deepEqual(page.problems, []);
  });

  test(`${label}: China-only against overall, Hanteo-style, side by side`, async () => {
    const page = await firstVisit(size);
    await press(page, 'welcome.hanteo', { touch });
    await page.waitForFunction(() => /v=compare/.test(window.chartmix.getView()));
    const mix = await page.evaluate(() => window.chartmix.getMix());
    assert.deepEqual(Object.keys(mix.weights).sort(), ['region:CN', 'region:KR'], 'the Hanteo-style preset weighs Korean and Chinese platforms');
    await settle(page, 10);
    assert.equal((await probe(page)).values['compare.against'], 'CN', 'the slope chart sets the China-only ranking against the overall one');
    await shot(page, `${label}-hanteo`);
    assert.deepEqual(page.problems, []);
  });

  test(`${label}: a real multi-chart week and K-pop open to full rankings`, { skip: !haveShared && 'needs ../shared/datasets' }, async () => {
    const page = await firstVisit(size);
    await press(page, 'welcome.week', { touch });
    await waitForDataset(page, 'catalog:local:demo-multisource-week');
    const week = await assertRanked(page, 'the multi-chart week');
    assert.ok(week.ranked > 100, `the streaming charts are mixed (${week.ranked} songs)`);
    assert.ok((await page.evaluate(() => window.chartmix.getSummary())).official, 'an official chart to compare with');
    await shot(page, `${label}-week`);

    // The Open dialog by click or tap: BLACKPINK weekly opens on a well-covered week, not its sparse tail.
    await press(page, 'topbar.open', { touch });
    await pressInList(page, 'open.entry.local:kpop-blackpink-weekly', 'open.list', { touch });
    await waitForDataset(page, 'catalog:local:kpop-blackpink-weekly');
    const kpop = await assertRanked(page, 'BLACKPINK weekly');
    assert.ok(kpop.entries.length >= 10, `a week with many songs (${kpop.entries.length})`);
    const summary = await page.evaluate(() => window.chartmix.getSummary());
    assert.notEqual(summary.period, summary.periods[1], 'not the last week, which lists a handful of songs on one chart');
    await shot(page, `${label}-kpop`);
    assert.deepEqual(page.problems, []);
  });
}

test('an official chart alone and units-only data open to rankings, whatever mix came before', { skip: !haveShared && 'needs ../shared/datasets' }, async () => {
  const page = await newPage(session, kDesktop);
  await page.goto(session.url);
  await waitForFrames(page, 5);
  for (const id of ['local:billboard-hot100-mhollingshead', 'local:qqmusic-flat', 'local:circle-digital-monthly-tidy']) {
    await press(page, 'topbar.open');
    await pressInList(page, `open.entry.${id}`, 'open.list');
    await waitForDataset(page, `catalog:${id}`);
    await assertRanked(page, id);
    await shot(page, `desktop-${id.replace('local:', '')}`);
  }
  assert.deepEqual(page.problems, []);
});

test('a search is cleared when the dataset changes, and the theme is remembered', async () => {
  const page = await newPage(session, kDesktop);
  await page.goto(session.url);
  await waitForFrames(page, 5);
  await press(page, 'chart.search');
  await page.keyboard.type('zzzz-no-such-song', { delay: 10 });
  await settle(page, 6);
  assert.equal((await probe(page)).values['chart.count'], '0', 'the search hides every song');
  await press(page, 'topbar.open');
  await press(page, 'open.demo');
  await settle(page, 6);
  assert.notEqual((await probe(page)).values['chart.count'], '0', 'the new data shows all its songs');

  await press(page, 'topbar.theme');
  await page.reload();
  await waitForFrames(page, 5);
  await page.waitForFunction(() => window.chartmix.uiProbe().items['topbar.theme']);
  assert.equal(await page.evaluate(() => localStorage.getItem('chartmix.theme')), 'light');
  const shotLight = await page.screenshot();
  saveArtifact('first-minute-desktop-light-after-reload.png', shotLight);
  assert.equal((await probe(page)).values['topbar.theme'], 'light', 'the light theme came back');
  assert.deepEqual(page.problems, []);
});

test('a click on the canvas gives it the keyboard: typing a web address works after a mouse click', async () => {
  const page = await newPage(session, kDesktop);
  await page.goto(session.url);
  await waitForFrames(page, 5);
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'BODY');
  await press(page, 'topbar.open');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'canvas', 'the click focused the canvas');
  await press(page, 'open.url');
  await page.keyboard.type('catalog:nothing-here', { delay: 10 });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.chartmix.lastNotice.error);
  assert.match(await page.evaluate(() => window.chartmix.lastNotice.text), /nothing-here/, 'what was typed reached the app');
});

// What a newcomer sees, in both themes at both sizes: the welcome, the Open dialog, and real data
// (dense BLACKPINK weekly in Korean, QQ Music in Chinese; Circle is opened by the test above). Every control of the dialogs lies inside
// the viewport; the screenshots are for a person to look at.
for (const theme of ['dark', 'light']) {
  for (const [label, size] of [['desktop', kDesktop], ['phone', kPhone]]) {
    test(`${label}, ${theme} theme: the first screens fit the viewport`, { skip: !haveShared && 'needs ../shared/datasets' }, async () => {
      const touch = !!size.touch;
      const page = await firstVisit({ ...size, theme });
      const inside = async (prefix) => {
        const { items } = await probe(page);
        const names = Object.keys(items).filter((n) => n.startsWith(prefix));
        assert.ok(names.length > 0, `the app drew ${prefix}* controls`);
        for (const n of names) {
          const [x, y, w, h] = items[n];
          assert.ok(x >= 0 && y >= 0 && x + w <= size.width + 0.5 && y + h <= size.height + 0.5, `${n} [${items[n]}] lies inside ${size.width}x${size.height}`);
        }
      };
      await inside('welcome.');
      await shot(page, `${label}-${theme}-welcome`);
      await press(page, 'welcome.open', { touch });
      await waitForItem(page, 'open.list');
      await settle(page, 3);
      await inside('open.');
      await shot(page, `${label}-${theme}-open`);
      await pressInList(page, 'open.entry.local:kpop-blackpink-weekly', 'open.list', { touch });
      await waitForDataset(page, 'catalog:local:kpop-blackpink-weekly');
      await shot(page, `${label}-${theme}-blackpink-weekly`);
      for (const id of ['local:qqmusic-flat']) {
        await press(page, 'topbar.open', { touch });
        await pressInList(page, `open.entry.${id}`, 'open.list', { touch });
        await waitForDataset(page, `catalog:${id}`);
        await page.waitForFunction(() => /cjk/.test(window.chartmix.uiProbe().values.fonts || 'cjk'));
        await settle(page, 4);
        await shot(page, `${label}-${theme}-${id.replace('local:', '')}`);
      }
      assert.deepEqual(page.problems, []);
    });
  }
}
