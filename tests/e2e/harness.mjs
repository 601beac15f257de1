// Shared by the browser tests: serves the web build, drives Debian's Chromium through
// playwright-core, and fails a test on any console error or uncaught exception.
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../tools/serve.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const webRoot = process.env.CHARTMIX_WEB_ROOT || path.join(repo, 'build/web-release/web');
export const artifactsDir = path.join(repo, 'tests/e2e/artifacts');
export const sharedDatasets = path.resolve(repo, '../shared/datasets');

// CHARTMIX_CHROMIUM_ARGS adds flags (space-separated), e.g. "--js-flags=--perf-prof" to profile the page's wasm with
// perf (bench/analysis.md, "Ingest, sixth pass", says how).
export const chromiumArgs = [
  '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu',
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ...(process.env.CHARTMIX_CHROMIUM_ARGS || '').split(' ').filter(Boolean),
];

// Starts the server and the browser once per test file. Call close() in after().
// serverOptions go to tools/serve.mjs's startServer (throttle, routes with their own headers).
export async function openSession({ headers, serverOptions = {} } = {}) {
  if (!fs.existsSync(path.join(webRoot, 'index.html'))) throw new Error(`no web build at ${webRoot}: run tools/test`);
  const served = await startServer({ root: webRoot, datasets: fs.existsSync(sharedDatasets) ? sharedDatasets : null, headers, loopback: true, ...serverOptions });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: chromiumArgs });
  return {
    url: served.url,
    browser,
    server: served.server,
    async close() { await browser.close(); served.server.close(); },
  };
}

// Opens a page that records console errors and uncaught exceptions into page.problems.
// A returning reader by default (the welcome dismissed before); { firstVisit: true } for a new one.
// { touch: true } emulates a phone's touch screen.
export async function newPage(session, { width = 1280, height = 800, deviceScaleFactor = 1, firstVisit = false, touch = false, theme = null } = {}) {
  const context = await session.browser.newContext({ viewport: { width, height }, deviceScaleFactor, hasTouch: touch, isMobile: touch });
  if (theme) await context.addInitScript((t) => { try { localStorage.setItem('chartmix.theme', t); } catch { /* storage blocked */ } }, theme);
  if (!firstVisit) await context.addInitScript(() => { try { localStorage.setItem('chartmix.welcome', 'seen'); } catch { /* storage blocked */ } });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => page.problems.push(`uncaught exception: ${e.message}`));
  return page;
}

// Closes every page the session's browser holds. A page left open keeps drawing 60 frames a second
// in software WebGL, and a file's later tests then share the machine with every earlier page.
export async function closePages(session) {
  await Promise.all(session.browser.contexts().map((c) => c.close()));
}

// Waits until the app has drawn at least n frames (the page's readiness flag).
export async function waitForFrames(page, n = 10, timeout = 30000) {
  await page.waitForFunction((count) => window.chartmix && window.chartmix.framesDrawn >= count, n, { timeout });
}

// Fraction of pixels that differ from the most common colour: 0 for a blank image.
export function nonBlankFraction(pngBuffer) {
  const png = PNG.sync.read(pngBuffer);
  const counts = new Map();
  const { data } = png;
  for (let i = 0; i < data.length; i += 4) {
    const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  const most = Math.max(...counts.values());
  return 1 - most / (data.length / 4);
}

export function saveArtifact(name, buffer) {
  fs.mkdirSync(artifactsDir, { recursive: true });
  fs.writeFileSync(path.join(artifactsDir, name), buffer);
}
