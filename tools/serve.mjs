#!/usr/bin/env node
// Static file server for the web build (and, when present, ../shared/datasets under /datasets/).
//   node tools/serve.mjs --root build/web-release/web [--port 8000] [--host 127.0.0.1] [--datasets DIR]
// Also imported by the browser tests, which start it on a free port.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

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

// Starts the server; resolves to { server, port, url } once it listens.
export function startServer({ root, port = 0, host = '127.0.0.1', datasets = null, headers = {} }) {
  const mounts = [];
  if (datasets) mounts.push(['/datasets/', path.resolve(datasets)]);
  mounts.push(['/', path.resolve(root)]);
  const server = http.createServer((req, res) => {
    let file = resolvePath(mounts, req.url);
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
  const opts = { root: null, port: 8000, host: '127.0.0.1', datasets: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--root') opts.root = argv[++i];
    else if (a === '--port') opts.port = Number(argv[++i]);
    else if (a === '--host') opts.host = argv[++i];
    else if (a === '--datasets') opts.datasets = argv[++i];
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
