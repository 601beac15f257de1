// The ingest figures of the targets, from one browser run: chartmix's loads of the real CSV sets in
// Chromium against each peer's ingest of the same files. Used by bench/report.mjs and by
// run_browser.mjs --ingest-only, so the quick check and the report add up the same way.
//   datasets: browser.wasm_chromium.datasets; peersIngest: browser.peers_ingest
// Peers: papaparse, d3_dsv, duckdb (the parse into typed rows; each one's row count must be chartmix's
// rows read) and papaparse_dataset (papaparse plus the validation and interning in JS: its rows,
// spellings and periods must be chartmix's rows loaded, spellings before matching, and periods).
export function ingestFigures(datasets, peersIngest) {
  const rows = (peersIngest || []).map((ing) => {
    const cm = (datasets || []).find((d) => d.name === ing.name);
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
  const rate = (bytes, ms) => (ms ? bytes / 1e6 / (ms / 1e3) : null);
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
