// The ingest figures of the targets, from one browser run: chartmix's loads of the real CSV sets in
// Chromium against each peer's ingest of the same files. Used by bench/report.mjs and by
// run_browser.mjs --ingest-only, so the quick check and the report add up the same way.
//   datasets: browser.wasm_chromium.datasets; peersIngest: browser.peers_ingest;
//   rounds: browser.wasm_chromium.ingest_rounds, later loads of the same sets in the same page. A set's
//   load time is the median of its rounds (the first one in datasets included); row.cm carries it, with
//   each round's time in cm.rounds.
// Peers: papaparse, d3_dsv, duckdb (the parse into typed rows; each one's row count must be chartmix's
// rows read) and papaparse_dataset (papaparse plus the validation and interning in JS: its rows,
// spellings and periods must be chartmix's rows loaded, spellings before matching, and periods).
import { median } from './web/peers.mjs';

const rate = (bytes, ms) => (ms ? bytes / 1e6 / (ms / 1e3) : null);  // MB/s

// One set's chartmix figures over its rounds: the first round's record with the median load times.
function overRounds(first, rounds) {
  if (!first || !first.load || !first.load_no_match) return first;
  const all = [first, ...rounds.filter((r) => r.name === first.name)];
  const middle = (times) => { const known = times.filter((t) => t != null); return known.length ? median(known) : null; };
  const load = middle(all.map((r) => r.load && r.load.median_ms));
  const bare = middle(all.map((r) => r.load_no_match && r.load_no_match.median_ms));
  return {
    ...first,
    rounds: all.map((r) => ({ load_ms: r.load && r.load.median_ms, load_no_match_ms: r.load_no_match && r.load_no_match.median_ms })),
    load: { ...first.load, median_ms: load }, load_mb_per_s: rate(first.file_bytes, load),
    load_no_match: { ...first.load_no_match, median_ms: bare }, load_no_match_mb_per_s: rate(first.file_bytes, bare),
  };
}

export function ingestFigures(datasets, peersIngest, rounds = []) {
  const rows = (peersIngest || []).map((ing) => {
    const cm = overRounds((datasets || []).find((d) => d.name === ing.name), rounds || []);
    const c = ing.papaparse_dataset_counts;
    return {
      ing, cm,
      rowsOk: !!cm && Object.values(ing.rows).every((n) => n === cm.rows_read),
      datasetOk: !!cm && !!c && c.rows === cm.rows_loaded && c.spellings === cm.spellings && c.periods === cm.periods,
    };
  });
  const agrees = (peer, row) => (peer === 'papaparse_dataset' ? row.datasetOk : row.rowsOk);
  // key "load": the app's whole load, cross-source song matching included; "load_no_match": the
  // ingest alone (decode, parse, validate, intern, align periods), the job the peers do.
  const mbps = (key) => {  // all the sets together
    let bytes = 0, t = 0;
    for (const { cm } of rows) if (cm && cm[key]) { bytes += cm.file_bytes; t += cm[key].median_ms; }
    return rate(bytes, t);
  };
  const ratio = (peer, key) => {  // peer time ÷ chartmix time, only when every set's results agree
    let cmT = 0, peerT = 0;
    for (const row of rows) {
      const { ing, cm } = row;
      if (!cm || !agrees(peer, row) || !cm[key] || !ing[peer]) return null;
      cmT += cm[key].median_ms;
      peerT += ing[peer].median_ms;
    }
    return cmT ? peerT / cmT : null;
  };
  const peerMbps = (peer) => {  // the peer's own speed on all the sets, only when its results agreed (as ratio)
    let bytes = 0, t = 0;
    for (const row of rows) { if (!agrees(peer, row) || !row.ing[peer]) return null; bytes += row.ing.csv_bytes; t += row.ing[peer].median_ms; }
    return rate(bytes, t);
  };
  return { rows, mbps, ratio, peerMbps };
}
