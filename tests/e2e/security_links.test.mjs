// Shared links as an attacker writes them: data outside the catalogue's folders on a catalogue's
// own site, manifests that send chartmix to other sites or call their source official, redirects,
// and downloads that never end. Other sites are played by node servers on other ports, which count
// every request they get.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { openSession, newPage, waitForFrames } from './harness.mjs';

const kWeek = 'source,period,rank,title,artist\nmelon,2023-03-23,1,Real Number One,Someone\nmelon,2023-03-23,2,Second,Other\n';
const kFake = 'source,period,rank,title,artist\nmelon,2023-03-23,1,Fabricated Number One,Nobody\n';
const manifest = (files, official = false) => JSON.stringify({
  name: 'Link test', sources: [{ key: 'melon', name: 'Melon Top 100', granularity: 'weekly', official }],
  files: files.map((path) => ({ path, source: 'melon', columns: { period: 'period', rank: 'rank', title: 'title', artist: 'artist' } })),
});

// A server on its own port: routes map a path to a body (or a function answering the request).
async function site(routes) {
  const hits = {};
  const server = http.createServer((req, res) => {
    const path = req.url.split('?')[0];
    hits[path] = (hits[path] || 0) + 1;
    const route = routes[path];
    if (!route) { res.writeHead(404, { 'Access-Control-Allow-Origin': '*' }); res.end(); return; }
    if (typeof route === 'function') { route(req, res); return; }
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*' });
    res.end(route);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    server, hits, origin,
    total: () => Object.values(hits).reduce((a, b) => a + b, 0),
    close: () => { server.close(); server.closeAllConnections(); },
  };
}

let session, publisher, stranger;
before(async () => {
  stranger = await site({
    '/x.csv': kFake,
    '/own/manifest.json': manifest(['week.csv'], true),
    '/own/week.csv': kFake,
  });
  publisher = await site({
    '/pub/manifest.json': manifest(['week.csv']),
    '/pub/mixed.json': manifest(['week.csv', `${stranger.origin}/x.csv`]),
    '/pub/data/week.csv': kWeek,
    '/evil/chart.csv': kFake,
    '/pub/data/moved.csv': (req, res) => { res.writeHead(302, { Location: `${stranger.origin}/x.csv`, 'Access-Control-Allow-Origin': '*' }); res.end(); },
  });
  const catalogue = { datasets: [
    { id: 'week', title: 'A week', manifest: `${publisher.origin}/pub/manifest.json`, dataBase: `${publisher.origin}/pub/data/` },
    { id: 'mixed', title: 'A week and a stranger', manifest: `${publisher.origin}/pub/mixed.json`, dataBase: `${publisher.origin}/pub/data/` },
  ] };
  session = await openSession({ serverOptions: { routes: { '/test-catalogue.json': { body: JSON.stringify(catalogue) } } } });
});
after(async () => { publisher?.close(); stranger?.close(); await session?.close(); });

// Opens the page on a link; answers every question with `answer` (or answers in turn) and records them.
async function open(fragment, answers = []) {
  const page = await newPage(session);
  page.asked = [];
  page.on('dialog', (d) => {
    const yes = answers[page.asked.length] ?? false;
    page.asked.push(d.message());
    if (yes) d.accept(); else d.dismiss();
  });
  await page.goto(`${session.url}index.html?catalogue=/test-catalogue.json${fragment}`);
  await waitForFrames(page, 2);
  return page;
}
const summary = (page) => page.evaluate(() => window.chartmix.getSummary());

test('a link to a file on a catalogue\'s site but outside its folders asks first', async () => {
  for (const path of ['/evil/chart.csv', '/pub/data/../../evil/chart.csv', '/pub/data/%2e%2e/%2e%2e/evil/chart.csv', '/pub/data/..%2f..%2fevil/chart.csv']) {
    const page = await open(`#v1&d=url:${encodeURIComponent(publisher.origin + path)}`);
    await page.waitForFunction(() => window.chartmix.lastNotice.error);
    assert.equal(page.asked.length, 1, `asked about ${path}`);
    assert.match(page.asked[0], new RegExp(publisher.origin.replace(/[.:/]/g, '\\$&')));
    assert.match(await page.evaluate(() => window.chartmix.lastNotice.text), /declined/);
    assert.equal((await summary(page)).ref, 'demo');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
  assert.equal(publisher.hits['/evil/chart.csv'] || 0, 0, 'nothing was fetched from outside the folders');
});

test('a file inside a catalogue entry\'s folder, and the entry itself, open without a question', async () => {
  const page = await open(`#v1&d=url:${encodeURIComponent(publisher.origin + '/pub/data/week.csv')}`);
  await page.waitForFunction(() => window.chartmix.getSummary().top?.title === 'Real Number One');
  const viaCatalogue = await open('#v1&d=catalog:week');
  await viaCatalogue.waitForFunction(() => window.chartmix.getSummary().ref === 'catalog:week');
  assert.deepEqual([page.asked, viaCatalogue.asked], [[], []]);
  assert.deepEqual([page.problems, viaCatalogue.problems], [[], []]);
  await page.context().close();
  await viaCatalogue.context().close();
});

test('a catalogue manifest listing a file on another site asks once, naming it; declining fetches nothing there', async () => {
  const before = stranger.total();
  const page = await open('#v1&d=catalog:mixed');
  await page.waitForFunction(() => window.chartmix.lastNotice.error);
  assert.equal(page.asked.length, 1);
  assert.match(page.asked[0], new RegExp(stranger.origin.replace(/[.:/]/g, '\\$&')));
  assert.equal(stranger.total(), before, 'the other site got no request');
  assert.equal((await summary(page)).ref, 'demo');
  assert.match(await page.evaluate(() => window.chartmix.lastNotice.text), /declined/);
  await page.context().close();

  const yes = await open('#v1&d=catalog:mixed', [true]);
  await yes.waitForFunction(() => window.chartmix.getSummary().ref === 'catalog:mixed');
  assert.equal(yes.asked.length, 1);
  assert.equal(stranger.hits['/x.csv'], 1);
  assert.deepEqual(yes.problems, []);
  await yes.context().close();
});

test('a manifest from an unknown site that calls its source official says so before loading', async () => {
  const link = `#v1&d=url:${encodeURIComponent(stranger.origin + '/own/manifest.json')}`;
  const declined = await open(link, [true, false]);
  await declined.waitForFunction(() => window.chartmix.lastNotice.error);
  assert.equal(declined.asked.length, 2);
  assert.match(declined.asked[1], /"Melon Top 100" an official chart/);
  assert.match(declined.asked[1], /cannot check/);
  assert.equal((await summary(declined)).ref, 'demo');
  assert.equal(stranger.hits['/own/week.csv'] || 0, 0);
  await declined.context().close();

  const accepted = await open(link, [true, true]);
  await accepted.waitForFunction(() => window.chartmix.getSummary().official?.title === 'Fabricated Number One');
  assert.equal(accepted.asked.length, 2);
  assert.deepEqual(accepted.problems, []);
  await accepted.context().close();
});

test('a redirect out of a catalogue folder is refused', async () => {
  const page = await open(`#v1&d=url:${encodeURIComponent(publisher.origin + '/pub/data/moved.csv')}`);
  await page.waitForFunction(() => window.chartmix.lastNotice.error);
  assert.match(await page.evaluate(() => window.chartmix.lastNotice.text), /sends chartmix on to http:\/\/127\.0\.0\.1:\d+, a site this page does not know/);
  assert.equal((await summary(page)).ref, 'demo');
  assert.deepEqual(page.asked, []);
  await page.context().close();
});

// A body sent as fast as the browser takes it, counting what the server managed to hand over.
function endless(totalBytes, declare) {
  const state = { sent: 0, closed: false };
  const handler = (req, res) => {
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'text/csv', ...(declare ? { 'Content-Length': String(totalBytes) } : {}) });
    const block = Buffer.alloc(1 << 20, 'a,b\n');
    res.on('close', () => { state.closed = true; });
    const pump = () => {
      while (!state.closed && state.sent < totalBytes) {
        const n = Math.min(block.length, totalBytes - state.sent);
        state.sent += n;
        if (!res.write(block.subarray(0, n))) { res.once('drain', pump); return; }
      }
      if (!state.closed) res.end();
    };
    pump();
  };
  return { state, handler };
}

test('a download stops once it passes the load limit, and a declared size above it is refused unread', async () => {
  const limit = 128 << 20;
  const stream = endless(limit + (256 << 20), false);  // stands for an endless answer: it ends only to keep an unfixed build finite
  const declared = endless(limit + 1, true);
  const big = await site({ '/endless.csv': stream.handler, '/declared.csv': declared.handler });
  const page = await open('');
  try {
    const load = (u) => page.evaluate((url) => window.chartmix.loadUrl(url).then(() => null, (e) => ({ code: e.code, message: e.message })), u);
    const first = await load(big.origin + '/endless.csv');
    assert.equal(first?.code, 'refused');
    assert.match(first.message, /sent more than 128 MB, more than the 128 MB one load may hold/);
    await page.waitForFunction(() => !window.chartmix.progress.active);
    // What the browser's network buffers took in before the abort reached the socket comes on top.
    assert.ok(stream.state.sent < limit + (64 << 20), `the server sent ${stream.state.sent} bytes`);

    const second = await load(big.origin + '/declared.csv');
    assert.equal(second?.code, 'refused');
    assert.match(second.message, /declared\.csv is 129 MB, more than the 128 MB/);
    assert.ok(declared.state.sent < 16 << 20, `the server sent ${declared.state.sent} bytes`);
    assert.equal((await summary(page)).ref, 'demo', 'the data stays');
    assert.equal(await page.evaluate(() => window.chartmix.lastNotice.text), second.message);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.context().close();
    big.close();
  }
});
