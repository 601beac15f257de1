// The ingest figures of the targets, from one browser run: chartmix's loads of the real CSV sets in
// Chromium against each peer's ingest of the same files. Used by bench/report.mjs and by
// run_browser.mjs --ingest-only, so the quick check and the report add up the same way.
//   datasets: browser.wasm_chromium.datasets; peersIngest: browser.peers_ingest
export function ingestFigures(datasets, peersIngest) {
  const rows = (peersIngest || []).map((ing) => {
    const cm = (datasets || []).find((d) => d.name === ing.name);
    return { ing, cm, rowsOk: !!cm && Object.values(ing.rows).every((n) => n === cm.rows_read) };
  });
  // key "load": the app's whole load, cross-source song matching included; "load_no_match": the
  // ingest alone (decode, parse, validate, intern, align periods), the job the peers do.
  const rate = (bytes, ms) => (ms ? bytes / 1e6 / (ms / 1e3) : null);
  const mbps = (key) => {  // all the sets together
    let bytes = 0, t = 0;
    for (const { cm } of rows) if (cm && cm[key]) { bytes += cm.file_bytes; t += cm[key].median_ms; }
    return rate(bytes, t);
  };
  const ratio = (peer, key) => {  // peer time ÷ chartmix time, only when every set's rows agree
    let cmT = 0, peerT = 0;
    for (const { ing, cm, rowsOk } of rows) { if (!cm || !rowsOk || !cm[key]) return null; cmT += cm[key].median_ms; peerT += ing[peer].median_ms; }
    return cmT ? peerT / cmT : null;
  };
  const peerMbps = (peer) => {  // the peer's own speed on all the sets, only when its rows agreed (as ratio)
    let bytes = 0, t = 0;
    for (const { ing, rowsOk } of rows) { if (!rowsOk || !ing[peer]) return null; bytes += ing.csv_bytes; t += ing[peer].median_ms; }
    return rate(bytes, t);
  };
  return { rows, mbps, ratio, peerMbps };
}
