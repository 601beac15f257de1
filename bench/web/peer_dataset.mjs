// papaparse doing chartmix's whole ingest job, not only the parse: every row of a manifest's CSV files
// is validated (a date for the period, a whole rank 1..65535, finite units, a title) and interned (one id
// per distinct (title, artist) spelling, shared by all the files), into typed columns, as chartmix's
// LoadDataset does before song matching. Written the way a careful JS developer would write it for
// speed: papaparse's plain-array mode (no header objects, no dynamic typing: the checks below type the
// fields that matter), one Map for the spellings, the row before's date reused. It does less than chartmix:
// no repeated-rank check, no period alignment across sources, no error list with places. So its time is a
// lower bound of the same job in JS.
//
// Returns { rows, spellings, periods }, which bench.mjs checks against chartmix's load of the same files.

const kDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const kRank = /^\d{1,5}$/;

// Days since 1970-01-01 of a YYYY-MM-DD date, or null if it is not a real date.
function dayOf(text) {
  const m = kDate.exec(text);
  if (!m) return null;
  const y = +m[1], mo = +m[2], d = +m[3];
  const t = Date.UTC(y, mo - 1, d);
  const dt = new Date(t);
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return t / 86400000;
}

function fail(file, line, what) {
  throw new Error(`${file}: line ${line}: ${what}`);
}

// files: [{ name, bytes, columns: { period, rank, title, artist, units? } }], the CSV files of one manifest.
export function papaDatasetIngest(Papa, files) {
  const spellings = new Map(), periods = new Set();
  let rows = 0;
  for (const f of files) {
    const data = Papa.parse(new TextDecoder().decode(f.bytes), { skipEmptyLines: true }).data;
    const header = data[0].map((s) => s.trim());
    const at = (name) => {
      const i = name ? header.indexOf(name) : -1;
      if (name && i < 0) fail(f.name, 1, `no column named "${name}"`);
      return i;
    };
    const ip = at(f.columns.period), ir = at(f.columns.rank), it = at(f.columns.title), ia = at(f.columns.artist), iu = at(f.columns.units);
    const n = data.length - 1;
    const period = new Int32Array(n), rank = new Uint16Array(n), song = new Uint32Array(n), units = new Float64Array(n);
    let lastText = null, lastDay = 0;
    for (let i = 0; i < n; i++) {
      const r = data[i + 1];
      const periodText = r[ip].trim();
      if (periodText !== lastText) {
        const day = dayOf(periodText);
        if (day === null) fail(f.name, i + 2, `"${periodText}" is not a date`);
        lastText = periodText;
        lastDay = day;
        periods.add(day);
      }
      const title = r[it].trim();
      if (!title) fail(f.name, i + 2, 'the title is empty');
      const artist = r[ia].trim();
      const rankText = r[ir].trim();
      const rk = kRank.test(rankText) ? +rankText : 0;
      if (rk < 1 || rk > 65535) fail(f.name, i + 2, `"${rankText}" is not a rank`);
      let u = NaN;
      if (iu >= 0) {
        const unitsText = r[iu].trim();
        if (unitsText) {
          u = +unitsText;
          if (!Number.isFinite(u)) fail(f.name, i + 2, `"${unitsText}" is not a number`);
        }
      }
      const key = title + '\u0000' + artist;
      let id = spellings.get(key);
      if (id === undefined) spellings.set(key, (id = spellings.size));
      period[i] = lastDay;
      rank[i] = rk;
      song[i] = id;
      units[i] = u;
    }
    rows += n;
  }
  return { rows, spellings: spellings.size, periods: periods.size };
}
