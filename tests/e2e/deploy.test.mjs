// The folder tools/dist writes, as a magazine would publish it: served by a plain static server
// (python3 -m http.server) under /charts/chartmix/, with the catalogue's datasets mirrored beside it
// at /charts/datasets/. The full page and a widget embedded in an article on another origin both
// draw and open the catalogue's Billboard dataset through the mirror; every file they fetch exists
// under its hashed name, and the folder carries the headers and compressed copies it promises. A page
// on another site that scripts chartmix through the JS API works with the headers of the folder's
// own _headers file (CORS), served the way Netlify or Cloudflare Pages would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { webRoot, chromiumArgs, sharedDatasets, newPage, waitForFrames, saveArtifact } from './harness.mjs';
import { press, pressInList, waitForDataset, probe } from './ui_driver.mjs';
import { writeDist } from '../../tools/dist.mjs';

const kBase = '/charts/chartmix/';
const kDataset = 'billboard-hot100-2023';
const kMirrored = '/charts/datasets/billboard-hot100-mhollingshead/raw_json_2023/';
const kStableNames = new Set(['', 'index.html', 'embed.html', 'embed-loader.js', 'chartmix.js']);  // '' is the folder itself
const kHashed = /\.[0-9a-f]{10}(\.[a-z0-9]+|\/.+)$/;
const haveShared = fs.existsSync(sharedDatasets);

let tmp, dist, browser, app, article, hosted;
const servers = [];
let headersServer;

// python3 -m http.server on a free port of 127.0.0.1, serving dir; resolves to its port.
function serve(dir) {
  const python = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
  const child = spawn(python, ['-u', '-m', 'http.server', '--bind', '127.0.0.1', '--directory', dir, '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  servers.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => { out += d; const m = / port (\d+)/.exec(out); if (m) resolve(Number(m[1])); });
    child.stderr.resume();
    child.once('exit', (code) => reject(new Error(`python3 -m http.server exited (${code})`)));
  });
}

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chartmix-deploy-'));
  dist = path.join(tmp, 'dist');
  // The catalogue looks for its mirror beside the folder, wherever the folder is served. --fast
  // compression: the same copies at lower levels (brotli 11 would take most of a minute).
  writeDist({ web: webRoot, out: dist, base: kBase, mirror: '../datasets/', fast: true });
  fs.mkdirSync(path.join(tmp, 'site/charts'), { recursive: true });
  fs.symlinkSync(dist, path.join(tmp, 'site/charts/chartmix'));
  if (haveShared) fs.symlinkSync(sharedDatasets, path.join(tmp, 'site/charts/datasets'));
  app = `http://127.0.0.1:${await serve(path.join(tmp, 'site'))}${kBase}`;
  // The article lives on another origin (another host name and port) and embeds the widget.
  fs.mkdirSync(path.join(tmp, 'article'));
  fs.writeFileSync(path.join(tmp, 'article/index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>The songs of 2023</title><link rel="icon" href="data:,">
<style>body { font: 17px/1.5 Georgia, serif; max-width: 760px; margin: 24px auto; padding: 0 16px; color: #222; }</style></head>
<body><h1>The songs of 2023</h1>
<p>Billboard's Hot 100 as it was published, week by week: step through the year with the arrows.</p>
<iframe src="${app}embed.html#v1&d=catalog:${kDataset}" title="chartmix: the Hot 100 of 2023" data-chartmix-embed
        style="width:100%;height:480px;border:0" loading="lazy"></iframe>
<p>The chart above is drawn by chartmix, served from the charts desk's own folder.</p>
<script src="${app}embed-loader.js" async></script>
</body></html>
`);
  article = `http://localhost:${await serve(path.join(tmp, 'article'))}/`;
  hosted = `http://127.0.0.1:${await serveWithHeaders(path.join(tmp, 'site'), readHeaders(path.join(dist, '_headers')))}${kBase}`;
  // A page on the article's site that scripts chartmix from the folder (docs/embedding.md, "The JS API").
  fs.writeFileSync(path.join(tmp, 'article/scripted.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Scripted</title><link rel="icon" href="data:,"></head>
<body><canvas id="chart" style="display:block;width:900px;height:560px"></canvas>
<script type="module">
import { create } from '${hosted}chartmix.js';
const app = await create(document.getElementById('chart'), { compact: true });
window.chartmix = app;
await app.ready();
await app.loadCatalogue('${kDataset}');
window.loaded = true;
</script></body></html>
`);
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: chromiumArgs });
});

after(async () => {
  await browser?.close();
  headersServer?.close();
  for (const child of servers) child.kill();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

// The headers file as { path: { name: value } }.
function readHeaders(file) {
  const rules = {};
  let at = null;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) { at = line.trim(); rules[at] = {}; continue; }
    const colon = line.indexOf(':');
    rules[at][line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return rules;
}

// A static host that sends what the folder's _headers file says, as Netlify or Cloudflare Pages do:
// exact paths, and paths ending in * for everything under them. No other header but the file's type
// (and application/octet-stream for the wasm, so only _headers can make it application/wasm).
function serveWithHeaders(dir, rules) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };
  headersServer = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, 'http://host').pathname);
    const file = path.join(dir, urlPath, urlPath.endsWith('/') ? 'index.html' : '');
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) { res.writeHead(404); res.end(); return; }
    const headers = { 'Content-Type': types[path.extname(file)] || 'application/octet-stream' };
    for (const [at, extra] of Object.entries(rules)) {
      if (at === urlPath || (at.endsWith('*') && urlPath.startsWith(at.slice(0, -1)))) Object.assign(headers, extra);
    }
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => headersServer.listen(0, '127.0.0.1', () => resolve(headersServer.address().port)));
}

test('the folder: hashed names that match their bytes, compressed copies, headers for each kind of file', () => {
  const top = fs.readdirSync(dist);
  const sha = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 10);
  const plain = top.filter((n) => !/\.(gz|br)$/.test(n) && fs.statSync(path.join(dist, n)).isFile());
  for (const name of plain.filter((n) => kHashed.test(n))) {
    assert.equal(/\.([0-9a-f]{10})\.[a-z0-9]+$/.exec(name)[1], sha(fs.readFileSync(path.join(dist, name))), `${name}: the name carries its content's hash`);
  }
  for (const name of ['index.html', 'embed.html', 'embed-loader.js', 'chartmix.js', '_headers', 'nginx-location.conf']) assert.ok(top.includes(name), name);
  assert.ok(plain.some((n) => /^chartmix-core\.[0-9a-f]{10}\.wasm$/.test(n)), 'the wasm has a hashed name');
  assert.ok(!top.some((n) => /^(chartmix-core\.(js|wasm)|main\.js|style\.css|catalogue\.json|example\.html|fonts)$/.test(n)), 'no unhashed copies, no examples');
  const fonts = top.filter((n) => /^fonts\.[0-9a-f]{10}$/.test(n));
  assert.equal(fonts.length, 1, 'one hashed fonts folder');
  assert.ok(fs.existsSync(path.join(dist, fonts[0], 'chartmix-latin.ttf')));

  for (const name of plain.filter((n) => /\.(html|js|css|json|wasm)$/.test(n) && n !== 'chartmix.js')) {
    const bytes = fs.readFileSync(path.join(dist, name));
    assert.deepEqual(zlib.gunzipSync(fs.readFileSync(path.join(dist, name + '.gz'))), bytes, `${name}.gz`);
    assert.deepEqual(zlib.brotliDecompressSync(fs.readFileSync(path.join(dist, name + '.br'))), bytes, `${name}.br`);
  }

  const rules = readHeaders(path.join(dist, '_headers'));
  const wasm = plain.find((n) => n.endsWith('.wasm'));
  assert.equal(rules[kBase + wasm]['Content-Type'], 'application/wasm');
  for (const name of plain.filter((n) => kHashed.test(n))) {
    assert.match(rules[kBase + name]?.['Cache-Control'] || '', /max-age=31536000, immutable/, `${name} is cached for a year`);
  }
  assert.match(rules[`${kBase}${fonts[0]}/*`]['Cache-Control'], /immutable/);
  for (const name of ['embed-loader.js', 'chartmix.js']) {
    assert.equal(rules[kBase + name]['Cache-Control'], 'no-cache', `${name} keeps its name, so it is revalidated`);
    assert.equal(rules[kBase + name]['Access-Control-Allow-Origin'], '*', `${name} may be loaded by other sites`);
  }
  for (const at of [kBase, kBase + 'index.html']) {
    assert.equal(rules[at]['Cache-Control'], 'no-cache');
    assert.match(rules[at]['Content-Security-Policy'], /script-src 'self' 'wasm-unsafe-eval'.*frame-ancestors 'self'/);
    assert.equal(rules[at]['X-Frame-Options'], 'SAMEORIGIN');
  }
  assert.match(rules[kBase + 'embed.html']['Content-Security-Policy'], /frame-ancestors \*/);
  assert.equal(rules[kBase + 'embed.html']['X-Frame-Options'], undefined, 'the widget may be framed by any site');
  // Each header once per path: Cloudflare Pages joins a header that two matching rules give with a comma.
  const everywhere = Object.keys(rules[`${kBase}*`]);
  for (const [at, headers] of Object.entries(rules)) {
    if (at !== `${kBase}*`) assert.deepEqual(Object.keys(headers).filter((k) => everywhere.includes(k)), [], `${at} repeats a header of ${kBase}*`);
  }
  const nginx = fs.readFileSync(path.join(dist, 'nginx-location.conf'), 'utf8');
  assert.match(nginx, /location \^~ \/charts\/chartmix\/ \{/);
  assert.match(nginx, /application\/wasm wasm;/);
  assert.match(nginx, /gzip_static on;[\s\S]*brotli_static on;/);
});

// Every answer the page got: its URL and status, from every frame.
function recordResponses(page) {
  const seen = [];
  page.on('response', (r) => seen.push({ url: r.url(), status: r.status() }));
  page.on('requestfailed', (r) => seen.push({ url: r.url(), status: 0 }));
  return seen;
}

// What a load through the folder and its mirror must look like, for the page or the widget.
function checkFetches(seen, origin, what) {
  const ours = seen.filter((r) => r.url.startsWith(origin));
  for (const r of ours) assert.equal(r.status, 200, `${what}: ${r.url} answered ${r.status}`);
  assert.deepEqual(seen.filter((r) => !r.url.startsWith(origin) && !r.url.startsWith('data:')).map((r) => r.url), [],
    `${what}: nothing fetched from anywhere but the folder's server (the Billboard files come from the mirror)`);
  const folder = ours.map((r) => new URL(r.url).pathname).filter((p) => p.startsWith(kBase)).map((p) => p.slice(kBase.length));
  const unhashed = folder.filter((name) => !kStableNames.has(name) && !kHashed.test(name));
  assert.deepEqual(unhashed, [], `${what}: every file the pages lead to has a hashed name`);
  assert.ok(folder.some((n) => /^chartmix-core\.[0-9a-f]{10}\.wasm$/.test(n)), `${what}: the hashed wasm was fetched`);
  assert.ok(folder.some((n) => /^fonts\.[0-9a-f]{10}\/chartmix-latin\.ttf$/.test(n)), `${what}: the Latin font came from the hashed fonts folder`);
  const mirrored = ours.filter((r) => new URL(r.url).pathname.startsWith(kMirrored));
  assert.equal(mirrored.length, 52, `${what}: the 52 weeks of 2023 came from the mirror`);
}

test('the full page under /charts/chartmix/ opens the catalogue\'s Billboard 2023 through the mirror', { skip: !haveShared && 'needs ../shared/datasets' }, async () => {
  const page = await newPage({ browser }, { width: 1440, height: 900 });
  const seen = recordResponses(page);
  await page.goto(app);
  await waitForFrames(page, 5);
  assert.ok((await page.evaluate(() => window.chartmix.fontsLoaded)).includes('chartmix-latin.ttf'), 'the Latin font loaded');
  await press(page, 'topbar.open');
  await pressInList(page, `open.entry.${kDataset}`, 'open.list');
  await waitForDataset(page, `catalog:${kDataset}`);
  const { summary, ranking } = await page.evaluate(() => ({ summary: window.chartmix.getSummary(), ranking: window.chartmix.getRanking(10) }));
  assert.deepEqual(summary.periods, ['2022-12-29', '2023-12-21'], 'the whole year loaded');
  assert.equal(ranking.entries.length, 10);
  const table = (await probe(page)).items['chart.table'];
  assert.ok(table && table[3] > 100 && table[0] >= 0 && table[1] + table[3] <= 900, `the chart's table is on screen (${table})`);
  saveArtifact('deploy-app-1440.png', await page.screenshot());
  checkFetches(seen, new URL(app).origin, 'the page');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a widget in an article on another origin opens the same data and takes its height', { skip: !haveShared && 'needs ../shared/datasets' }, async () => {
  const page = await newPage({ browser }, { width: 1024, height: 900 });
  const seen = recordResponses(page);
  await page.goto(article);
  assert.notEqual(new URL(article).origin, new URL(app).origin);
  const frameEl = await page.waitForSelector('iframe[data-chartmix-embed]');
  const frame = await frameEl.contentFrame();
  await frame.waitForFunction((ref) => window.chartmix?.framesDrawn > 2 && window.chartmix.getSummary().ref === ref && !window.chartmix.progress.active,
    `catalog:${kDataset}`, { timeout: 30000 });
  const ranking = await frame.evaluate(() => window.chartmix.getRanking(10));
  assert.equal(ranking.entries.length, 10);
  assert.ok(ranking.period >= '2022-12-29' && ranking.period <= '2023-12-21', `the widget shows a week of 2023 (${ranking.period})`);
  // The loader, fetched from the folder's origin, sizes the frame to what the widget draws (the
  // article cannot look inside the frame, so each side is read on its own).
  let sized = null;
  for (let i = 0; i < 100 && !sized; i++) {
    const { items, values } = await frame.evaluate(() => window.chartmix.uiProbe());
    const height = await frameEl.evaluate((f) => parseFloat(f.style.height));
    if (items['chart.table'] && Math.abs(height - Number(values['content.height'])) < 1 && height !== 480) sized = height;
    else await page.waitForTimeout(200);
  }
  assert.ok(sized > 200, `the article's frame took the widget's height (${sized})`);
  saveArtifact('deploy-embed-article.png', await page.screenshot({ fullPage: true }));
  checkFetches(seen.filter((r) => !r.url.startsWith(article)), new URL(app).origin, 'the widget');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a page on another site scripts chartmix from the folder, with the CORS headers of _headers', { skip: !haveShared && 'needs ../shared/datasets' }, async () => {
  const page = await newPage({ browser }, { width: 1000, height: 700 });
  const seen = recordResponses(page);
  const types = new Map();
  page.on('response', (r) => types.set(new URL(r.url()).pathname, r.headers()['content-type']));
  await page.goto(article + 'scripted.html');
  await page.waitForFunction(() => window.loaded === true, null, { timeout: 30000 });
  const ranking = await page.evaluate(() => window.chartmix.getRanking(10));
  assert.equal(ranking.entries.length, 10);
  // The catalogue's relative mirror is read from the catalogue's place, not from this page's site.
  const [entry] = await page.evaluate(() => window.chartmix.catalogue());
  assert.equal(entry.dataBase, `${new URL(hosted).origin}${kMirrored}`);
  const wasm = [...types.keys()].find((p) => p.endsWith('.wasm'));
  assert.equal(types.get(wasm), 'application/wasm', 'the wasm has its type from _headers');
  checkFetches(seen.filter((r) => !r.url.startsWith(article)), new URL(hosted).origin, 'the scripted page');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
