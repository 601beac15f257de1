#!/usr/bin/env node
// Runs the browser half of tools/bench in Debian's headless Chromium (playwright-core):
//   1. the benchmark page (bench/web/): chartmix's wasm suite, the real datasets, and the peers
//      (DuckDB-WASM, Arquero, papaparse, d3-dsv) on the same data, each checked against chartmix;
//   2. the product (the web app build): time to first frame, and frame times while the weights move.
//   node bench/run_browser.mjs --build build/bench-web --out build/bench/browser.json [--quick] [--manifests a.json,b.json]
//   --ingest-only: just the CSV ingest (chartmix's loads of the three real CSV sets and the ingest peers),
//   summed up on stderr: a check of an ingest change in a few minutes instead of a whole run.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../tools/serve.mjs';
import { ingestFigures } from './ingest_figures.mjs';
import { chromiumArgs } from '../tests/e2e/harness.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const quick = args.includes('--quick');
const ingestOnly = args.includes('--ingest-only');
const ingestManifests = ['manifests/spotify-weekly-2023.json', 'manifests/billboard-hot100-mhollingshead.json', 'manifests/billboard-200-utdata.json'];
const build = path.resolve(repo, opt('--build', 'build/bench-web'));
const outFile = path.resolve(repo, opt('--out', 'build/bench/browser.json'));
const datasets = path.resolve(repo, '../shared/datasets');
const manifests = (opt('--manifests', '') || '').split(',').filter(Boolean);
const say = (m) => process.stderr.write(`chartmix bench: ${m}\n`);

// A folder of symlinks: the page, the bench module, node_modules (the peers, served locally), manifests.
function stage(dir, links) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, target] of Object.entries(links)) fs.symlinkSync(target, path.join(dir, name));
}

async function benchPage(browser, result) {
  const root = path.join(build, 'bench-page');
  const links = {
    'node_modules': path.join(repo, 'bench/node_modules'),
    'manifests': path.join(repo, 'tests/manifests'),
    'bench-data': path.join(repo, 'bench/data'),
    'chartmix-bench.js': path.join(build, 'bench-web/chartmix-bench.js'),
    'chartmix-bench.wasm': path.join(build, 'bench-web/chartmix-bench.wasm'),
  };
  for (const f of fs.readdirSync(path.join(repo, 'bench/web'))) links[f] = path.join(repo, 'bench/web', f);
  stage(root, links);
  // Cross-origin isolation gives performance.now() 5 us resolution instead of 100 us.
  const served = await startServer({ root, datasets, headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } });
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') say(`page console: ${m.text()}`); });
  page.on('pageerror', (e) => say(`page error: ${e.message}`));
  try {
    await page.goto(served.url + 'index.html');
    await page.waitForFunction(() => window.benchReady === true, null, { timeout: 60000 });
    result.page = await page.evaluate(() => window.bench.init());
    if (!ingestOnly) say('page: synthetic suite');
    result.wasm_chromium = ingestOnly ? {} : await page.evaluate(([q]) => window.bench.synthetic(q, true), [quick]);
    result.wasm_chromium.datasets = [];
    for (const m of ingestOnly ? ingestManifests : manifests) {
      say(`page: dataset ${m}`);
      try {
        result.wasm_chromium.datasets.push(await page.evaluate(([u, q]) => window.bench.dataset(u, q), [m, quick]));
      } catch (err) {
        result.wasm_chromium.datasets.push({ name: path.basename(m, '.json'), error: String(err.message || err).split('\n')[0] });
      }
    }
    if (!ingestOnly) await remixPeers(page, result);
    result.peers_ingest = [];
    for (const m of ingestManifests) {
      say(`page: ingest peers ${m}`);
      result.peers_ingest.push(await page.evaluate(([u, q]) => window.bench.ingestPeers(u, q ? 3 : 9), [m, quick]));
    }
    // The ingest sets twice more, minutes after their first run. A measurement here now and then runs up
    // to 1.7x slower for seconds, sometimes minutes (its samples tight, a later measurement of the same code
    // back to normal), so the ingest figures take each set's median over the three rounds
    // (bench/ingest_figures.mjs).
    result.wasm_chromium.ingest_rounds = [];
    for (let round = 2; round <= (quick ? 1 : 3); round++) {
      for (const m of ingestManifests) {
        say(`page: ingest round ${round} ${m}`);
        const d = await page.evaluate(([u]) => window.bench.dataset(u, false), [m]);
        result.wasm_chromium.ingest_rounds.push({ name: d.name, round, load: d.load, load_no_match: d.load_no_match });
      }
    }
  } finally {
    await context.close();
    served.server.close();
  }
}

async function remixPeers(page, result) {
  say('page: re-mix peers, one period');
  result.peers_one_period = await page.evaluate(([q]) => window.bench.remixPeers({ sources: 20, depth: 2000, periods: 1, seed: 42, history: false, runs: q ? 5 : 15, arqueroRuns: q ? 3 : 9 }), [quick]);
  say('page: re-mix peers, whole history 1M');
  result.peers_history = await page.evaluate(([q]) => window.bench.remixPeers({ sources: 20, depth: 100, periods: 500, seed: 11, history: true, runs: q ? 3 : 7, arqueroRuns: q ? 2 : 5 }), [quick]);
}

// The ingest figures of the report, for --ingest-only.
function ingestSummary(result) {
  const { rows, mbps, ratio, peerMbps } = ingestFigures(result.wasm_chromium.datasets, result.peers_ingest, result.wasm_chromium.ingest_rounds);
  for (const { ing, cm } of rows) {
    if (!cm || !cm.load) return 'a dataset failed to load: see the results file';
    say(`  ${ing.name}: whole load ${cm.load_mb_per_s.toFixed(1)} MB/s, without song matching ${cm.load_no_match_mb_per_s.toFixed(1)} MB/s`);
  }
  const fixed = (x, unit) => (x == null ? 'n/a' : x.toFixed(unit === 'x' ? 2 : 1) + unit);
  return `all three: whole load ${fixed(mbps('load'), ' MB/s')}, without song matching ${fixed(mbps('load_no_match'), ' MB/s')}; ` +
    `papaparse ${fixed(ratio('papaparse', 'load'), 'x')} / ${fixed(ratio('papaparse', 'load_no_match'), 'x')} (papaparse itself ${fixed(peerMbps('papaparse'), ' MB/s')}); ` +
    `papaparse doing the whole job ${fixed(ratio('papaparse_dataset', 'load'), 'x')} (${fixed(peerMbps('papaparse_dataset'), ' MB/s')})`;
}

// The product: the web app exactly as tools/run serves it, plus the benchmark manifest beside it.
async function productPage(browser, result) {
  const web = path.join(build, 'web');
  const root = path.join(build, 'app-page');
  const links = { 'bench-data': path.join(repo, 'bench/data') };
  for (const f of fs.readdirSync(web)) links[f] = path.join(web, f);
  stage(root, links);
  const served = await startServer({ root, datasets });
  try {
    // Time to first frame, cold (a new browser context each time: no cache), from navigation start.
    const firstFrame = [];
    for (let i = 0; i < (quick ? 3 : 7); i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.addInitScript(() => {
        document.addEventListener('chartmix:ready', () => { window.__readyAt ??= performance.now(); }, true);
        const tick = () => {
          if (window.chartmix && window.chartmix.framesDrawn >= 1) { window.__pollAt ??= performance.now(); return; }
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      await page.goto(served.url + 'index.html');
      await page.waitForFunction(() => window.chartmix && window.chartmix.framesDrawn >= 1, null, { timeout: 60000 });
      const t = await page.evaluate(() => ({ ready: window.__readyAt ?? null, poll: window.__pollAt ?? null }));
      firstFrame.push(Math.min(...[t.ready, t.poll].filter((x) => x !== null)));
      await context.close();
    }
    const sorted = [...firstFrame].sort((a, b) => a - b);
    result.first_frame = { runs_ms: firstFrame, median_ms: sorted[sorted.length >> 1], how: "navigation start to the 'chartmix:ready' event (first frame drawn), else the first animation frame that sees framesDrawn >= 1; a new browser context each run" };

    // Frame times while the weights move, on the 2023 multi-source data.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => say(`app error: ${e.message}`));
    await page.goto(served.url + 'index.html');
    await page.waitForFunction(() => window.chartmix && window.chartmix.framesDrawn >= 1, null, { timeout: 60000 });
    result.slider = await page.evaluate(async ({ seconds }) => { try {
      const app = window.chartmix;
      if (typeof app.setMix !== 'function' || typeof app.loadFiles !== 'function')
        return { error: 'the JS API has no setMix/loadFiles: frame times were not measured' };
      const get = async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer());
      const manifest = await get('bench-data/multisource-2023.json');
      const doc = JSON.parse(new TextDecoder().decode(manifest));
      const files = [{ name: 'multisource-2023.json', bytes: manifest }];
      for (const f of doc.files) files.push({ name: f.path, bytes: await get('/datasets/' + f.path.slice(f.path.indexOf('shared/datasets/') + 16)) });
      const t0 = performance.now();
      await app.loadFiles(files);
      const loadMs = performance.now() - t0;
      const keys = doc.sources.map((s) => s.key);
      const base = { method: 'weighted_sum', normalization: 'rank_points', weights: Object.fromEntries(keys.map((k) => [k, 1])) };
      app.setMix(base);
      // Warm-up: one second of frames, then record rAF deltas while one weight sweeps every frame.
      const frames = [];
      let last = null, i = 0;
      const end = await new Promise((resolve) => {
        const startAt = performance.now();
        const tick = (now) => {
          const w = { ...base.weights };
          w[keys[i % keys.length]] = 0.1 + (i % 50) / 10;  // a drag: a new value every frame
          app.setMix({ ...base, weights: w });
          i++;
          if (now - startAt > 1000) { if (last !== null) frames.push(now - last); }
          last = now;
          if (now - startAt > 1000 + seconds * 1000) resolve(now); else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      void end;
      const s = [...frames].sort((a, b) => a - b);
      const summary = app.getSummary ? app.getSummary() : null;
      return {
        how: 'window.chartmix.setMix with one weight changed every animation frame (a drag), frame time = requestAnimationFrame timestamp deltas',
        load_ms: loadMs, frames: frames.length, median_ms: s[s.length >> 1], p95_ms: s[Math.floor(s.length * 0.95)], max_ms: s[s.length - 1],
        summary,
      };
    } catch (err) { return { error: 'the drag could not be driven: ' + (err.message || err) }; } }, { seconds: quick ? 3 : 8 });
    await context.close();
  } finally {
    served.server.close();
  }
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: chromiumArgs });
const result = { chromium: browser.version() };
try {
  if (!args.includes('--no-page')) await benchPage(browser, result);
  if (!args.includes('--no-app') && !ingestOnly) await productPage(browser, result);
} finally {
  await browser.close();
}
fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, JSON.stringify(result, null, 1));
say(`browser results: ${path.relative(repo, outFile)}`);
if (ingestOnly) say(ingestSummary(result));
