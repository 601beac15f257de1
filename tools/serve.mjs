#!/usr/bin/env node
// Static file server for the web build (and, when present, ../shared/datasets under /datasets/).
//   node tools/serve.mjs --root build/web-release/web [--port 8000] [--host 127.0.0.1] [--datasets DIR]
//                        [--manifests DIR] [--header 'Name: value']... [--throttle] [--loopback]
//                        [--allow-host NAME]...
// With --datasets the files appear under /datasets/ (and /shared/datasets/, where the manifests'
// relative paths lead), the manifests (default tests/manifests) under /manifests/, and
// /catalogue.json lists them after the published entries of assets/catalogue.json.
// --throttle adds /slow/<path>: the same files, sent slowly (progress and cancel tests).
// --loopback lets the pages read data from other servers on this machine (their CSP's connect-src
// gains 127.0.0.1 and localhost): tools/run and the browser tests; a published copy never has it.
// Requests must name this server in their Host header (its host, localhost, or an IP address, with
// its port; --allow-host adds a name), so a web page cannot reach it through DNS rebinding.
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

// Maps a URL path onto a file under one of the mounts, refusing anything that escapes them,
// by name or through a symbolic link.
function resolvePath(mounts, urlPath) {
  let decoded;
  try { decoded = decodeURIComponent(urlPath.split('?')[0]); } catch { return null; }
  if (decoded.includes('\0')) return null;
  for (const [prefix, dir] of mounts) {
    if (!decoded.startsWith(prefix)) continue;
    const rel = decoded.slice(prefix.length);
    const full = path.resolve(dir, '.' + path.posix.normalize('/' + rel));
    if (!inside(full, dir)) return null;
    let real;
    try { real = fs.realpathSync(full); } catch { return full; }  // missing: a 404 later
    return inside(real, realDir(dir)) ? real : null;
  }
  return null;
}

function inside(file, dir) { return file === dir || file.startsWith(dir + path.sep); }
function realDir(dir) { try { return fs.realpathSync(dir); } catch { return dir; } }

// Security headers of every answer; pages also get a CSP that says who may frame them: the widget
// anyone (that is its purpose), every other page only this server.
function securityHeaders(file) {
  const headers = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };
  if (!/\.html?$/i.test(file)) return headers;
  const embeddable = path.basename(file) === 'embed.html';
  headers['Content-Security-Policy'] = `frame-ancestors ${embeddable ? '*' : "'self'"}; object-src 'none'; base-uri 'self'`;
  if (!embeddable) headers['X-Frame-Options'] = 'SAMEORIGIN';
  return headers;
}

// Adds the loopback origins to the connect-src of a page's CSP meta element (--loopback).
function withLoopback(html) {
  return html.replace(/(<meta http-equiv="Content-Security-Policy" content="[^"]*connect-src [^";]*)/, '$1 http://127.0.0.1:* http://localhost:*');
}

// True when the Host header names this server: a DNS-rebinding page sends its own domain name.
function hostAllowed(hostHeader, port, names) {
  const m = /^(\[[0-9a-f:.]+\]|[^:]+)(?::(\d+))?$/i.exec(hostHeader || '');
  if (!m || Number(m[2] || 80) !== port) return false;
  const name = m[1].toLowerCase();
  return names.includes(name) || /^\d{1,3}(\.\d{1,3}){3}$/.test(name) || name.startsWith('[');
}

// The catalogue: assets/catalogue.json plus one entry per shared-dataset manifest, described for the
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

// Sends an open file in small pieces with pauses: a slow network on demand.
function sendSlowly(res, fd, { chunk = 16384, delayMs = 40 } = {}) {
  const buf = Buffer.alloc(chunk);
  let closed = false;
  res.on('close', () => { closed = true; });
  const step = () => {
    let n = 0;
    try { n = closed ? 0 : fs.readSync(fd, buf, 0, chunk, null); } catch { res.destroy(); }
    if (closed || n <= 0) { fs.closeSync(fd); res.end(); return; }
    res.write(buf.subarray(0, n));
    setTimeout(step, delayMs);
  };
  step();
}

function sendText(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  res.end(text);
}

// Answers with a file: opened once, so what is checked is what is sent; a file that cannot be read
// (no permission, a directory named like a file) is an error answer, never the end of the server.
function sendFile(req, res, file, { headers, slow, loopback }) {
  let fd;
  try {
    fd = fs.openSync(file, 'r');
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) { fs.closeSync(fd); sendText(res, 404, 'not found'); return; }
    const head = {
      'Content-Type': kTypes[path.extname(file).toLowerCase()] || 'application/octet-stream',
      'Cache-Control': 'no-cache',
      ...securityHeaders(file),
      ...headers,
    };
    if (loopback && /\.html?$/i.test(file)) {  // small: read whole, rewritten, sent with its new length
      const body = Buffer.from(withLoopback(fs.readFileSync(fd, 'utf8')));
      fs.closeSync(fd);
      res.writeHead(200, { ...head, 'Content-Length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    res.writeHead(200, { ...head, 'Content-Length': stat.size });
    if (req.method === 'HEAD') { fs.closeSync(fd); res.end(); return; }
    if (slow) { sendSlowly(res, fd); return; }
    const stream = fs.createReadStream(null, { fd });
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  } catch (err) {
    if (fd !== undefined) try { fs.closeSync(fd); } catch { /* already closed */ }
    if (res.headersSent) res.destroy();
    else if (err.code === 'ENOENT' || err.code === 'ENOTDIR') sendText(res, 404, 'not found');
    else sendText(res, err.code === 'EACCES' || err.code === 'EPERM' ? 403 : 500, 'this file cannot be read');
  }
}

// Starts the server; resolves to { server, port, url } once it listens.
export function startServer({ root, port = 0, host = '127.0.0.1', datasets = null, headers = {}, manifests = undefined, throttle = false, routes = {},
                             loopback = false, allowHosts = [] }) {
  const mounts = [];
  if (datasets) {
    mounts.push(['/datasets/', path.resolve(datasets)]);
    mounts.push(['/shared/datasets/', path.resolve(datasets)]);
    if (manifests === undefined) manifests = path.join(kRepo, 'tests/manifests');
    if (manifests && fs.existsSync(manifests)) mounts.push(['/manifests/', path.resolve(manifests)]);
  }
  mounts.push(['/', path.resolve(root)]);
  const names = ['localhost', host.toLowerCase(), ...allowHosts.map((h) => h.toLowerCase())];
  const server = http.createServer((req, res) => {
    if (!hostAllowed(req.headers.host, server.address().port, names)) { sendText(res, 421, 'this server answers only to its own address'); return; }
    const urlPath = req.url.split('?')[0];
    for (const [prefix, extra] of Object.entries(routes)) {  // test pages with their own headers or bodies
      if (urlPath !== prefix) continue;
      if (extra.body !== undefined) {
        res.writeHead(200, { 'Content-Type': extra.type || 'application/json; charset=utf-8', 'Cache-Control': 'no-cache', ...securityHeaders(''), ...extra.headers });
        res.end(extra.body);
        return;
      }
      const file = resolvePath(mounts, extra.path);
      if (!file) { sendText(res, 404, 'not found'); return; }
      sendFile(req, res, file, { headers: { ...headers, ...extra.headers }, slow: false, loopback });
      return;
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
    try {
      if (file && fs.statSync(file).isDirectory()) file = resolvePath(mounts, (slow ? urlPath.slice(5) : urlPath).replace(/\/?$/, '/index.html'));
    } catch { /* missing or unreadable: answered below */ }
    if (!file) { sendText(res, 404, 'not found'); return; }
    sendFile(req, res, file, { headers, slow, loopback });
  });
  server.on('clientError', (err, socket) => { socket.destroy(); });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolve({ server, port: actual, url: `http://${host}:${actual}/` });
    });
  });
}

function parseArgs(argv) {
  const opts = { root: null, port: 8000, host: '127.0.0.1', datasets: null, headers: {}, throttle: false, loopback: false, allowHosts: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--root') opts.root = argv[++i];
    else if (a === '--port') opts.port = Number(argv[++i]);
    else if (a === '--host') opts.host = argv[++i];
    else if (a === '--datasets') opts.datasets = argv[++i];
    else if (a === '--manifests') opts.manifests = argv[++i];
    else if (a === '--throttle') opts.throttle = true;
    else if (a === '--loopback') opts.loopback = true;
    else if (a === '--allow-host') opts.allowHosts.push(argv[++i] || '');
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
