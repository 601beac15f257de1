// The benchmark's ingest figures (bench/ingest_figures.mjs): how chartmix's load rounds and the peers'
// checked results become the MB/s and ratios of docs/performance.md. Plain node, no browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestFigures } from '../../bench/ingest_figures.mjs';

const timing = (ms) => ({ median_ms: ms, min_ms: ms, max_ms: ms, samples: 11 });

// One set as the page reports it: 4 MB, 1,000 rows, 100 spellings, 10 periods.
function chartmixSet(name, loadMs, bareMs) {
  return { name, file_bytes: 4e6, rows_read: 1000, rows_loaded: 1000, spellings: 100, periods: 10, load: timing(loadMs), load_no_match: timing(bareMs) };
}
function peersOn(name, { rows = 1000, spellings = 100 } = {}) {
  return {
    name, csv_bytes: 4e6, rows: { papaparse: rows, d3_dsv: 1000, duckdb: 1000 },
    papaparse: timing(200), d3_dsv: timing(100), duckdb: timing(50),
    papaparse_dataset: timing(160), papaparse_dataset_counts: { rows: 1000, spellings, periods: 10 },
  };
}

test('a set\'s load time is the median of its three rounds, so one slow round does not decide it', () => {
  const rounds = [
    { name: 'a', round: 2, load: timing(19), load_no_match: timing(9) },  // a slow spell
    { name: 'a', round: 3, load: timing(11), load_no_match: timing(9.5) },
  ];
  const f = ingestFigures([chartmixSet('a', 10, 8)], [peersOn('a')], rounds);
  assert.equal(f.rows[0].cm.load.median_ms, 11);
  assert.equal(f.rows[0].cm.load_no_match.median_ms, 9);
  assert.deepEqual(f.rows[0].cm.rounds.map((r) => r.load_ms), [10, 19, 11]);
  assert.equal(f.mbps('load'), 4e6 / 1e6 / 0.011);
  assert.equal(f.ratio('papaparse', 'load'), 200 / 11);
});

test('without rounds the first measurement stands', () => {
  const f = ingestFigures([chartmixSet('a', 10, 8)], [peersOn('a')]);
  assert.equal(f.mbps('load'), 400);
  assert.equal(f.mbps('load_no_match'), 500);
  assert.equal(f.peerMbps('papaparse'), 20);
});

test('a peer whose rows differ from chartmix\'s gets no ratio and no speed', () => {
  const f = ingestFigures([chartmixSet('a', 10, 8), chartmixSet('b', 10, 8)], [peersOn('a'), peersOn('b', { rows: 999 })]);
  assert.equal(f.rows[1].rowsOk, false);
  assert.equal(f.ratio('papaparse', 'load'), null);
  assert.equal(f.peerMbps('papaparse'), null);
});

test('papaparse doing the whole job is judged by its spellings too, not only its rows', () => {
  const good = ingestFigures([chartmixSet('a', 10, 8)], [peersOn('a')]);
  assert.equal(good.rows[0].datasetOk, true);
  assert.equal(good.ratio('papaparse_dataset', 'load'), 16);
  const interned = ingestFigures([chartmixSet('a', 10, 8)], [peersOn('a', { spellings: 99 })]);
  assert.equal(interned.rows[0].rowsOk, true);
  assert.equal(interned.rows[0].datasetOk, false);
  assert.equal(interned.ratio('papaparse_dataset', 'load'), null);
  assert.equal(interned.ratio('papaparse', 'load'), 20);
});
