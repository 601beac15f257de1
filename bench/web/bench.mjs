// The benchmark page: chartmix's wasm benchmark module and the peers, in one Chromium page.
// bench/run_browser.mjs calls the window.bench.* steps one by one and collects what they return.
import createChartmixBench from './chartmix-bench.js';
import * as duckdb from '/node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser.mjs';
import * as P from './peers.mjs';
import { papaDatasetIngest } from './peer_dataset.mjs';

const aq = window.aq, Papa = window.Papa, d3 = window.d3;
const log = (msg) => { document.getElementById('log').textContent += '\n' + msg; };
let core = null, db = null, conn = null;

function cstr(s) {
  const n = core.lengthBytesUTF8(s) + 1;
  const p = core._malloc(n);
  core.stringToUTF8(s, p, n);
  return p;
}
function callJson(fn, ...args) { return JSON.parse(core.UTF8ToString(fn(...args))); }

async function fetchBytes(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return new Uint8Array(await r.arrayBuffer());
}

// A manifest's file paths point at ../shared/datasets/...; the server mounts that folder at /datasets/.
function fileUrl(manifestUrl, path) {
  const i = path.indexOf('shared/datasets/');
  return i >= 0 ? '/datasets/' + path.slice(i + 'shared/datasets/'.length) : new URL(path, new URL(manifestUrl, location.href)).href;
}

async function readManifest(url) {
  const bytes = await fetchBytes(url);
  const m = JSON.parse(new TextDecoder().decode(bytes));
  const files = [{ name: url.split('/').pop(), bytes }];
  for (const f of m.files) files.push({ name: f.path, bytes: await fetchBytes(fileUrl(url, f.path)) });
  return files;
}

async function openDuckdb() {
  if (db) return;
  const dist = new URL('/node_modules/@duckdb/duckdb-wasm/dist/', location.href).href;
  // The single-threaded "eh" bundle: the one that runs on any page (no cross-origin isolation needed).
  const worker = new Worker(dist + 'duckdb-browser-eh.worker.js');
  db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(dist + 'duckdb-eh.wasm');
  conn = await db.connect();
}

window.bench = {
  async init() {
    core = await createChartmixBench({ locateFile: (p) => new URL(p, import.meta.url).href });
    await openDuckdb();
    const v = await conn.query('SELECT version() AS v');
    return {
      crossOriginIsolated: window.crossOriginIsolated, userAgent: navigator.userAgent,
      duckdb: String(v.getChild('v').get(0)), duckdbBundle: 'eh (single-threaded)',
    };
  },

  // The same C++ suite as bench_main.cpp, in this page's wasm.
  synthetic(quick, scaling) {
    log('synthetic suite');
    return callJson(core._bench_run_synthetic, quick ? 1 : 0, scaling ? 1 : 0);
  },

  // Load, memory and history re-mix of one real dataset in the page's wasm.
  async dataset(manifestUrl, quick) {
    log('dataset ' + manifestUrl);
    const files = await readManifest(manifestUrl);
    core._bench_files_clear();
    for (const f of files) {
      const p = core._malloc(f.bytes.length || 1);
      core.HEAPU8.set(f.bytes, p);
      const n = cstr(f.name);
      core._bench_file_add(n, p, f.bytes.length);
      core._free(n);
      core._free(p);
    }
    const name = cstr(manifestUrl.split('/').pop().replace(/\.json$/, ''));
    const out = callJson(core._bench_run_dataset, name, quick ? 1 : 0)[0];
    core._free(name);
    core._bench_files_clear();
    out.wasm_heap_bytes_after = core._bench_heap_bytes();
    return out;
  },

  // The re-mix peers on chartmix's own synthetic data (same generator and seed as the suite).
  async remixPeers({ sources, depth, periods, seed, history, runs, arqueroRuns }) {
    log(`re-mix peers ${sources}x${depth}x${periods}`);
    const entries = core._bench_remix_setup(sources, depth, periods, seed);
    const c = core._bench_remix_columns() >> 2;
    const u32 = core.HEAPU32;
    const n = u32[c];
    const cols = {
      period: new Uint32Array(core.HEAPU32.buffer, u32[c + 1], n).slice(),
      source: new Uint32Array(core.HEAPU32.buffer, u32[c + 2], n).slice(),
      song: new Uint32Array(core.HEAPU32.buffer, u32[c + 3], n).slice(),
      units: new Float64Array(core.HEAPU32.buffer, u32[c + 4], n).slice(),
    };
    const out = { entries, sources, depth, periods };
    const steps = 1000;  // distinct weight vectors, cycled, so no side can cache a result
    let t0 = performance.now();
    await P.duckdbLoadEntries(db, conn, cols);
    out.duckdb_setup_ms = performance.now() - t0;
    t0 = performance.now();
    const { e, es } = P.arqueroTables(aq, cols);
    out.arquero_setup_ms = performance.now() - t0;
    if (!history) {
      const ref = callJson(core._bench_remix_rank, 0, 100);
      const w0 = P.weightsFor(0, sources);
      out.check = {
        duckdb: P.compareRankings(ref, await P.duckdbRemix(conn, w0)),
        duckdb_full: P.compareRankings(ref, await P.duckdbRemixFull(conn, w0)),
        arquero: P.compareRankings(ref, P.arqueroRemix(aq, es, w0)),
        arquero_full: P.compareRankings(ref, P.arqueroRemixFull(aq, e, w0)),
      };
      out.duckdb = await P.timeRuns((i) => P.duckdbRemix(conn, P.weightsFor(1 + i % steps, sources)), { runs });
      out.duckdb_full = await P.timeRuns((i) => P.duckdbRemixFull(conn, P.weightsFor(1 + i % steps, sources)), { runs });
      out.arquero = await P.timeRuns((i) => P.arqueroRemix(aq, es, P.weightsFor(1 + i % steps, sources)), { runs: arqueroRuns });
      out.arquero_full = await P.timeRuns((i) => P.arqueroRemixFull(aq, e, P.weightsFor(1 + i % steps, sources)), { runs: arqueroRuns });
    } else {
      const ref = callJson(core._bench_remix_history, 0, 100);
      const w0 = P.weightsFor(0, sources);
      out.check = {
        duckdb: P.compareHistories(ref, await P.duckdbHistory(conn, w0)),
        arquero: P.compareHistories(ref, P.arqueroHistory(aq, es, w0)),
      };
      out.duckdb = await P.timeRuns((i) => P.duckdbHistory(conn, P.weightsFor(1 + i % steps, sources)), { runs, warmup: 1 });
      out.arquero = await P.timeRuns((i) => P.arqueroHistory(aq, es, P.weightsFor(1 + i % steps, sources)), { runs: arqueroRuns, warmup: 1 });
    }
    await conn.query('DROP TABLE IF EXISTS e; DROP TABLE IF EXISTS es;');
    return out;
  },

  // CSV ingest of one dataset's CSV files by each peer; rows must match chartmix's rows read.
  async ingestPeers(manifestUrl, runs) {
    log('ingest peers ' + manifestUrl);
    const all = await readManifest(manifestUrl);
    const manifest = JSON.parse(new TextDecoder().decode(all[0].bytes));
    const files = all.slice(1).filter((f) => f.name.endsWith('.csv'));
    for (const f of files) f.columns = manifest.files.find((m) => m.path === f.name).columns;
    const bytes = files.reduce((a, f) => a + f.bytes.length, 0);
    const out = { name: manifestUrl.split('/').pop().replace(/\.json$/, ''), csv_files: files.length, csv_bytes: bytes, rows: {} };
    const each = async (fn) => { let rows = 0; for (const f of files) rows += await fn(f); return rows; };
    out.rows.papaparse = await each((f) => P.papaIngest(Papa, f.bytes));
    out.rows.d3_dsv = await each((f) => P.d3Ingest(d3, f.bytes));
    out.rows.duckdb = await each((f) => P.duckdbIngest(db, conn, f.name.split('/').pop(), f.bytes));
    out.papaparse = await P.timeRuns(() => each((f) => P.papaIngest(Papa, f.bytes)), { runs });
    out.d3_dsv = await P.timeRuns(() => each((f) => P.d3Ingest(d3, f.bytes)), { runs });
    out.duckdb = await P.timeRuns(() => each((f) => P.duckdbIngest(db, conn, f.name.split('/').pop(), f.bytes)), { runs });
    // papaparse doing the whole job (validate and intern too): checked against chartmix's counts by the report.
    out.papaparse_dataset_counts = papaDatasetIngest(Papa, files);
    out.papaparse_dataset = await P.timeRuns(() => papaDatasetIngest(Papa, files), { runs });
    await conn.query('DROP TABLE IF EXISTS ingest');
    return out;
  },
};
window.benchReady = true;
