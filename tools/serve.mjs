#!/usr/bin/env node
// Static file server for the web build (and, when present, ../shared/datasets under /datasets/).
//   node tools/serve.mjs --root build/web-release/web [--port 8000] [--host 127.0.0.1] [--datasets DIR]
//                        [--manifests DIR] [--header 'Name: value']... [--throttle]
// With --datasets the files appear under /datasets/ (and /shared/datasets/, where the manifests'
// relative paths lead), the manifests (default tests/manifests) under /manifests/, and
// /catalogue.json lists them after the published entries of web/catalogue.json.
// --throttle adds /slow/<path>: the same files, sent slowly (progress and cancel tests).
// Also imported by the browser tests, which start it on a free port.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const kRepo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const kTypes = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml', '.ttf': 'font/ttf', '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8', '.md': 'text/plain; charset=utf-8', '.gz': 'application/gzip',
};

// Maps a URL path onto a file under one of the mounts, refusing anything that escapes them.
function resolvePath(mounts, urlPath) {
  let decoded;
  try { decoded = decodeURIComponent(urlPath.split('?')[0]); } catch { return null; }
  for (const [prefix, dir] of mounts) {
    if (!decoded.startsWith(prefix)) continue;
    const rel = decoded.slice(prefix.length);
    const full = path.resolve(dir, '.' + path.posix.normalize('/' + rel));
    if (full !== dir && !full.startsWith(dir + path.sep)) return null;
    return full;
  }
  return null;
}

// The catalogue: web/catalogue.json plus one entry per shared-dataset manifest, described for the
// Open dialog by assets/datasets.json (group, sentence, licence, periods) and measured here (size).
// Served with the datasets, the published entries read from the local mirror too (offline classrooms).
function catalogue(root, manifests) {
  const doc = JSON.parse(fs.readFileSync(path.join(root, 'catalogue.json'), 'utf8'));
  if (!manifests || !fs.existsSync(manifests)) return doc;
  if (!doc.mirror) doc.mirror = '/datasets/';
  let facts = { groups: [], datasets: {} };
  try { facts = JSON.parse(fs.readFileSync(path.join(kRepo, 'assets/datasets.json'), 'utf8')); } catch { /* entries without descriptions */ }
  for (const name of fs.readdirSync(manifests).filter((n) => n.endsWith('.json')).sort()) {
    let manifest;
    try { manifest = JSON.parse(fs.readFileSync(path.join(manifests, name), 'utf8')); } catch { continue; }
    const id = name.replace(/\.json$/, '');
    const info = facts.datasets[id] || {};
    const files = Array.isArray(manifest.files) ? manifest.files.filter((f) => f && typeof f.path === 'string') : [];
    const sources = Array.isArray(manifest.sources) ? manifest.sources.filter((s) => s && typeof s === 'object') : [];
    let sizeBytes = 0;
    for (const f of files) { try { sizeBytes += fs.statSync(path.resolve(manifests, f.path)).size; } catch { /* a missing file fails at load, with its name */ } }
    doc.datasets.push({
      id: 'local:' + id, title: manifest.name || name, manifest: '/manifests/' + name, local: true,
      group: info.group || 'More datasets', order: info.order || 99, hidden: !!info.sameAs,
      description: info.description || '', licence: info.licence || '', periods: info.periods,
      sources: sources.map((s) => s.name || s.key), sizeBytes,
      citation: [...new Set(sources.map((s) => s.citation).filter(Boolean))].join('; '),
    });
  }
  const rank = (g) => { const i = (facts.groups || []).indexOf(g); return i < 0 ? 99 : i; };
  doc.datasets.sort((a, b) => rank(a.group) - rank(b.group) || (a.order || 99) - (b.order || 99));
  return doc;
}

// Sends a file in small pieces with pauses: a slow network on demand.
function sendSlowly(res, file, { chunk = 16384, delayMs = 40 } = {}) {
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(chunk);
  let closed = false;
  res.on('close', () => { closed = true; });
  const step = () => {
    if (closed) { fs.closeSync(fd); return; }
    const n = fs.readSync(fd, buf, 0, chunk, null);
    if (n <= 0) { fs.closeSync(fd); res.end(); return; }
    res.write(buf.subarray(0, n));
    setTimeout(step, delayMs);
  };
  step();
}

// Starts the server; resolves to { server, port, url } once it listens.
export function startServer({ root, port = 0, host = '127.0.0.1', datasets = null, headers = {}, manifests = undefined, throttle = false, routes = {} }) {
  const mounts = [];
  if (datasets) {
    mounts.push(['/datasets/', path.resolve(datasets)]);
    mounts.push(['/shared/datasets/', path.resolve(datasets)]);
    if (manifests === undefined) manifests = path.join(kRepo, 'tests/manifests');
    if (manifests && fs.existsSync(manifests)) mounts.push(['/manifests/', path.resolve(manifests)]);
  }
  mounts.push(['/', path.resolve(root)]);
  const server = http.createServer((req, res) => {
    const urlPath = req.url.split('?')[0];
    for (const [prefix, extra] of Object.entries(routes)) {  // test pages with their own headers
      if (urlPath === prefix) {
        const file = resolvePath(mounts, extra.path);
        res.writeHead(200, { 'Content-Type': kTypes[path.extname(file).toLowerCase()] || 'text/html', 'Cache-Control': 'no-cache', ...headers, ...extra.headers });
        res.end(fs.readFileSync(file));
        return;
      }
    }
    if (urlPath === '/catalogue.json' && datasets) {
      try {
        const body = JSON.stringify(catalogue(path.resolve(root), manifests));
        res.writeHead(200, { 'Content-Type': kTypes['.json'], 'Cache-Control': 'no-cache', ...headers });
        res.end(body);
        return;
      } catch { /* fall through to the static file */ }
    }
    const slow = throttle && urlPath.startsWith('/slow/');
    let file = resolvePath(mounts, slow ? req.url.slice(5) : req.url);
    if (file && fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!file || !fs.existsSync(file)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    const stat = fs.statSync(file);
    res.writeHead(200, {
      'Content-Type': kTypes[path.extname(file).toLowerCase()] || 'application/octet-stream',
      'Content-Length': stat.size,
      'Cache-Control': 'no-cache',
      ...headers,
    });
    if (req.method === 'HEAD') { res.end(); return; }
    if (slow) { sendSlowly(res, file); return; }
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolve({ server, port: actual, url: `http://${host}:${actual}/` });
    });
  });
}

function parseArgs(argv) {
  const opts = { root: null, port: 8000, host: '127.0.0.1', datasets: null, headers: {}, throttle: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--root') opts.root = argv[++i];
    else if (a === '--port') opts.port = Number(argv[++i]);
    else if (a === '--host') opts.host = argv[++i];
    else if (a === '--datasets') opts.datasets = argv[++i];
    else if (a === '--manifests') opts.manifests = argv[++i];
    else if (a === '--throttle') opts.throttle = true;
    else if (a === '--header') {
      const h = argv[++i] || '';
      const colon = h.indexOf(':');
      if (colon < 1) { console.error(`chartmix: --header takes 'Name: value', not '${h}'`); process.exit(2); }
      opts.headers[h.slice(0, colon).trim()] = h.slice(colon + 1).trim();
    }
    else { console.error(`chartmix: unknown option ${a}`); process.exit(2); }
  }
  if (!opts.root) { console.error('chartmix: --root DIR is required'); process.exit(2); }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
    console.error('chartmix: --port takes a number from 0 to 65535'); process.exit(2);
  }
  return opts;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const opts = parseArgs(process.argv.slice(2));
  startServer(opts).then(({ url }) => {
    console.log(`chartmix is running at ${url}`);
    if (opts.datasets) console.log(`  the shared datasets are served under ${url}datasets/ and listed in the catalogue`);
    console.log('  press Ctrl+C to stop');
  }).catch((err) => {
    if (err.code === 'EADDRINUSE') console.error(`chartmix: port ${opts.port} is already in use: stop what runs there, or pick another with 'tools/run --port 8001'.`);
    else if (err.code === 'EACCES') console.error(`chartmix: port ${opts.port} needs privileges: pick one above 1023 with 'tools/run --port 8001'.`);
    else console.error(`chartmix: could not start the server: ${err.message}`);
    process.exit(1);
  });
}
