// The peers' side of the benchmark: the same re-weight and re-rank in DuckDB-WASM (SQL) and Arquero,
// the same CSV ingest in papaparse, d3-dsv and DuckDB-WASM's read_csv, and the check that a peer's
// top 100 is chartmix's. Plain functions taking the libraries as arguments, so node can run them too.
//
// The re-mix, on a table of chart entries (period, source, song, units):
//   share  = units / total units of its (period, source) chart     (weight-independent: may be cached)
//   score  = sum over the song's entries of weight[source] * share  (a song missing from a chart adds 0)
//   order  = score descending, then song id ascending (chartmix's tie rule "song_id")

// Same numbers as bench/bench_common.cpp WeightFor: multiples of 1/8 in [0.25, 2.25], exact in binary and decimal.
export function weightFor(step, source) {
  return 0.25 + ((step * 7 + source * 13 + ((step * source) % 11)) % 17) / 8;
}
export function weightsFor(step, sources) {
  return Array.from({ length: sources }, (_, s) => weightFor(step, s));
}

// Two rankings agree when they list the same songs in the same order, except that songs whose
// chartmix scores tie (equal within 1e-12 relative: sums in another order differ in the last bits) may
// come in any order among themselves, and the last tie band may be cut at a different song.
export function compareRankings(ref, peer, relTol = 1e-12) {
  const n = ref.songs.length;
  if (peer.songs.length !== n) return { equal: false, why: `length ${peer.songs.length} vs ${n}` };
  const near = (a, b) => Math.abs(a - b) <= relTol * Math.max(Math.abs(a), Math.abs(b));
  let exact = true, maxRel = 0;
  for (let i = 0; i < n;) {
    let j = i + 1;  // [i, j): one tie band of the reference
    while (j < n && near(ref.scores[j], ref.scores[i])) j++;
    for (let k = i; k < j; k++) {
      if (ref.songs[k] !== peer.songs[k]) exact = false;
      if (!near(peer.scores[k], ref.scores[i])) return { equal: false, why: `rank ${k + 1}: song ${peer.songs[k]} score ${peer.scores[k]}, chartmix has song ${ref.songs[k]} score ${ref.scores[k]}` };
    }
    if (j < n) {  // a whole band: the same songs, in any order
      const a = Array.from(ref.songs.slice(i, j)).sort((x, y) => x - y).join();
      const b = Array.from(peer.songs.slice(i, j)).sort((x, y) => x - y).join();
      if (a !== b) return { equal: false, why: `ranks ${i + 1}-${j}: songs {${b}} instead of {${a}}` };
    }
    i = j;
  }
  for (let k = 0; k < n; k++) maxRel = Math.max(maxRel, Math.abs(ref.scores[k] - peer.scores[k]) / Math.max(Math.abs(ref.scores[k]), 1e-300));
  return { equal: true, exactOrder: exact, maxScoreRelDiff: maxRel };
}

// Per-period top-N lists of a history: { offsets, songs, scores } -> array of { songs, scores }.
export function splitHistory(h) {
  const out = [];
  for (let p = 0; p + 1 < h.offsets.length; p++)
    out.push({ songs: h.songs.slice(h.offsets[p], h.offsets[p + 1]), scores: h.scores.slice(h.offsets[p], h.offsets[p + 1]) });
  return out;
}
export function compareHistories(ref, peer) {
  const a = splitHistory(ref), b = splitHistory(peer);
  if (a.length !== b.length) return { equal: false, why: `${b.length} periods vs ${a.length}` };
  let exact = true, maxRel = 0;
  for (let p = 0; p < a.length; p++) {
    const c = compareRankings(a[p], b[p]);
    if (!c.equal) return { equal: false, why: `period ${p}: ${c.why}` };
    exact &&= c.exactOrder;
    maxRel = Math.max(maxRel, c.maxScoreRelDiff);
  }
  return { equal: true, exactOrder: exact, maxScoreRelDiff: maxRel };
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// Warm-up runs (discarded), then `runs` timed runs; each run's result goes to check() once.
export async function timeRuns(fn, { warmup = 2, runs = 9, now = () => performance.now() } = {}) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const t = [];
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    await fn(warmup + i);
    t.push(now() - t0);
  }
  return { median_ms: median(t), min_ms: Math.min(...t), max_ms: Math.max(...t), samples: runs };
}

// [SECTION] DuckDB-WASM

function valuesList(weights) {
  return weights.map((w, s) => `(${s}, ${w}::DOUBLE)`).join(', ');
}

export async function duckdbLoadEntries(db, conn, cols) {
  const lines = ['period,source,song,units'];
  for (let i = 0; i < cols.period.length; i++) lines.push(`${cols.period[i]},${cols.source[i]},${cols.song[i]},${cols.units[i]}`);
  await db.registerFileText('entries.csv', lines.join('\n'));
  await conn.query(`CREATE OR REPLACE TABLE e AS SELECT * FROM read_csv('entries.csv', header = true,
      columns = {'period': 'INTEGER', 'source': 'INTEGER', 'song': 'INTEGER', 'units': 'DOUBLE'})`);
  // The weight-independent part, cached as chartmix caches it.
  await conn.query(`CREATE OR REPLACE TABLE es AS
      SELECT period, source, song, units / SUM(units) OVER (PARTITION BY period, source) AS share FROM e`);
}

function toRanking(table) {
  return { songs: Array.from(table.getChild('song').toArray(), Number), scores: Array.from(table.getChild('score').toArray()) };
}

// One period, normalization cached (table es).
export async function duckdbRemix(conn, weights, period = 0, top = 100) {
  return toRanking(await conn.query(`SELECT song, SUM(w.weight * es.share) AS score
      FROM es JOIN (VALUES ${valuesList(weights)}) AS w(source, weight) USING (source)
      WHERE es.period = ${period} GROUP BY song ORDER BY score DESC, song ASC LIMIT ${top}`));
}

// One period, share normalization computed in the query.
export async function duckdbRemixFull(conn, weights, period = 0, top = 100) {
  return toRanking(await conn.query(`WITH sh AS (
        SELECT source, song, units / SUM(units) OVER (PARTITION BY source) AS share FROM e WHERE period = ${period})
      SELECT song, SUM(w.weight * sh.share) AS score
      FROM sh JOIN (VALUES ${valuesList(weights)}) AS w(source, weight) USING (source)
      GROUP BY song ORDER BY score DESC, song ASC LIMIT ${top}`));
}

// Every period's top N, normalization cached.
export async function duckdbHistory(conn, weights, top = 100) {
  const t = await conn.query(`SELECT period, song, score FROM (
        SELECT period, song, SUM(w.weight * es.share) AS score
        FROM es JOIN (VALUES ${valuesList(weights)}) AS w(source, weight) USING (source)
        GROUP BY period, song)
      QUALIFY row_number() OVER (PARTITION BY period ORDER BY score DESC, song ASC) <= ${top}
      ORDER BY period, score DESC, song ASC`);
  return historyFromRows(Array.from(t.getChild('period').toArray(), Number), Array.from(t.getChild('song').toArray(), Number),
                         Array.from(t.getChild('score').toArray()));
}

function historyFromRows(period, songs, scores) {
  const offsets = [0];
  let p = 0;
  for (let i = 0; i < period.length; i++) while (period[i] > p) { offsets.push(i); p++; }
  offsets.push(period.length);
  return { offsets, songs, scores };
}

// [SECTION] Arquero

export function arqueroTables(aq, cols) {
  const op = aq.op;
  const e = aq.table({ period: cols.period, source: cols.source, song: cols.song, units: cols.units });
  const es = e.groupby('period', 'source').derive({ total: (d) => op.sum(d.units) }).ungroup()
    .derive({ share: (d) => d.units / d.total }).select('period', 'source', 'song', 'share');
  return { e, es };
}

export function arqueroRemix(aq, es, weights, period = 0, top = 100) {
  const t = es.params({ w: weights, p: period }).filter((d, $) => d.period === $.p)
    .derive({ ws: (d, $) => $.w[d.source] * d.share })
    .groupby('song').rollup({ score: (d) => aq.op.sum(d.ws) })
    .orderby(aq.desc('score'), 'song').slice(0, top);
  return { songs: t.array('song'), scores: t.array('score') };
}

export function arqueroRemixFull(aq, e, weights, period = 0, top = 100) {
  const t = e.params({ w: weights, p: period }).filter((d, $) => d.period === $.p)
    .groupby('source').derive({ total: (d) => aq.op.sum(d.units) }).ungroup()
    .derive({ ws: (d, $) => $.w[d.source] * (d.units / d.total) })
    .groupby('song').rollup({ score: (d) => aq.op.sum(d.ws) })
    .orderby(aq.desc('score'), 'song').slice(0, top);
  return { songs: t.array('song'), scores: t.array('score') };
}

export function arqueroHistory(aq, es, weights, top = 100) {
  const t = es.params({ w: weights, k: top })
    .derive({ ws: (d, $) => $.w[d.source] * d.share })
    .groupby('period', 'song').rollup({ score: (d) => aq.op.sum(d.ws) })
    .groupby('period').orderby(aq.desc('score'), 'song').filter((d, $) => aq.op.row_number() <= $.k).ungroup()
    .orderby('period', aq.desc('score'), 'song');
  return historyFromRows(t.array('period'), t.array('song'), t.array('score'));
}

// [SECTION] CSV ingest peers: bytes in, typed rows out (text decoding included, as chartmix decodes too)

export function papaIngest(Papa, bytes) {
  const text = new TextDecoder().decode(bytes);
  return Papa.parse(text, { header: true, dynamicTyping: true, skipEmptyLines: true }).data.length;
}

export function d3Ingest(d3, bytes) {
  const text = new TextDecoder().decode(bytes);
  return d3.csvParse(text, d3.autoType).length;
}

export async function duckdbIngest(db, conn, name, bytes) {
  await db.registerFileBuffer(name, bytes.slice());  // the buffer is transferred to the worker: give it a copy
  const t = await conn.query(`CREATE OR REPLACE TABLE ingest AS SELECT * FROM read_csv('${name}', header = true)`);
  const n = await conn.query('SELECT count(*)::INTEGER AS n FROM ingest');
  await db.dropFile(name);
  return Number(n.getChild('n').get(0));
}
