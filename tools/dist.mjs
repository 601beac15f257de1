#!/usr/bin/env node
// Writes the deployable folder of the web build (tools/dist builds first and runs this; docs/deploy.md).
//   node tools/dist.mjs [--web build/web-release/web] [--out build/dist] [--base /charts/chartmix/] [--mirror URL]
//                       [--cache build/dist-cache] [--fast]
// - Every file a page loads gets its content's hash in its name (chartmix-core.0123456789.wasm; the
//   fonts folder as a whole: fonts.0123456789/), and every quoted reference to it is rewritten, so
//   those files can be cached for a year. A file is named after the files it refers to have theirs,
//   so a new catalogue changes the names of the scripts that lead to it, and the wasm keeps its name.
// - The addresses people link to keep their names and are revalidated on every visit: index.html,
//   embed.html, embed-loader.js, and chartmix.js (the JS API), which re-exports the hashed module.
// - .gz and .br copies beside every file they make smaller (nginx's gzip_static and brotli_static),
//   at gzip 9 and brotli 11 (--fast: 6 and 5, a hundred times quicker, for previews), kept in --cache.
// - _headers (Netlify, Cloudflare Pages) and nginx-location.conf, for the URL path given as --base.
// - --mirror sets the catalogue's mirror (docs/embedding.md, "Opening data"): a folder holding copies
//   of the catalogue's datasets, absolute or relative to the catalogue (e.g. ../datasets/).
// The examples (example.html, embed-example.html) are for developers and stay out.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const kRepo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const kPages = ['index.html', 'embed.html'];
const kStable = [...kPages, 'embed-loader.js'];  // rewritten, never renamed
const kApi = 'chartmix.js';                      // hashed, plus a stable re-export under this name
const kLeftOut = /^(example\.(html|js)|embed-example\.html)$/;
const kText = /\.(html|js|mjs|css|json|svg|txt)$/i;
const kCompressible = /\.(html|js|mjs|css|json|svg|txt|wasm|ttf|otf|bin)$/i;
const kHashLength = 10;
const kYear = 'public, max-age=31536000, immutable';
const kRevalidate = 'no-cache';

const die = (message) => { console.error(`chartmix: ${message}`); process.exit(1); };
const sha = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex').slice(0, kHashLength);
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// name.ext -> name.HASH.ext; a folder -> folder.HASH
function hashedName(name, hash, isDir) {
  if (isDir) return `${name}.${hash}`;
  const dot = name.lastIndexOf('.');
  return `${name.slice(0, dot)}.${hash}${name.slice(dot)}`;
}

// A quoted reference in a page, script, style or JSON file: "x", './x', or `x/${…}` for a folder.
function referencePattern(name, isDir) {
  return new RegExp(`(["'\`])(\\./)?${escapeRe(name)}${isDir ? '/' : '(?=["\'`])'}`, 'g');
}

function listFiles(dir, rel = '') {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((d) => {
    const r = rel ? `${rel}/${d.name}` : d.name;
    return d.isDirectory() ? listFiles(dir, r) : [r];
  });
}

// A folder's hash covers its files' paths and bytes.
function folderHash(dir) {
  const h = crypto.createHash('sha256');
  for (const rel of listFiles(dir).sort()) h.update(`${rel}\0${sha(fs.readFileSync(path.join(dir, rel)))}\0`);
  return h.digest('hex').slice(0, kHashLength);
}

// Reads the build's top-level files (the catalogue with its mirror set) and names them: each file
// once the files it refers to have their final names, so its hash covers its rewritten references.
// Returns { files: Map(original -> { name, bytes, hashed }), folders: Map(original -> hashed name) }.
function nameFiles(web, { mirror } = {}) {
  const top = fs.readdirSync(web, { withFileTypes: true }).filter((d) => !kLeftOut.test(d.name));
  const folders = new Map(top.filter((d) => d.isDirectory()).map((d) => [d.name, hashedName(d.name, folderHash(path.join(web, d.name)), true)]));
  const source = new Map(top.filter((d) => d.isFile()).map((d) => [d.name, fs.readFileSync(path.join(web, d.name))]));
  for (const name of [...kStable, kApi, 'catalogue.json']) if (!source.has(name)) die(`${web} has no ${name}: is it a chartmix web build?`);
  if (mirror !== undefined) {
    const catalogue = JSON.parse(source.get('catalogue.json'));
    catalogue.mirror = mirror;
    source.set('catalogue.json', Buffer.from(JSON.stringify(catalogue, null, 2) + '\n'));
  }
  const refsOf = (name) => {
    if (!kText.test(name)) return [];
    const text = source.get(name).toString('utf8');
    return [...[...source.keys()].filter((f) => f !== name && !kStable.includes(f) && referencePattern(f, false).test(text)),
      ...[...folders.keys()].filter((d) => referencePattern(d, true).test(text))];
  };
  const files = new Map();
  const rewritten = (name) => {
    if (!kText.test(name)) return source.get(name);
    let text = source.get(name).toString('utf8');
    for (const ref of refsOf(name)) {
      const isDir = folders.has(ref);
      const to = isDir ? folders.get(ref) + '/' : files.get(ref).name;
      text = text.replace(referencePattern(ref, isDir), (m, quote, dot) => quote + (dot || '') + to);
    }
    return Buffer.from(text);
  };
  const pending = [...source.keys()].filter((n) => !kStable.includes(n));
  while (pending.length) {
    const i = pending.findIndex((n) => refsOf(n).every((r) => files.has(r) || folders.has(r)));
    if (i < 0) die(`these files refer to each other in a circle, so none can carry the other's hash: ${pending.join(', ')}`);
    const [name] = pending.splice(i, 1);
    const bytes = rewritten(name);
    files.set(name, { name: hashedName(name, sha(bytes), false), bytes, hashed: true });
  }
  for (const name of kStable) files.set(name, { name, bytes: rewritten(name), hashed: false });
  // The JS API keeps its address: a page that imports chartmix.js runs the module the app runs.
  const api = files.get(kApi);
  files.set(kApi + ' (stable)', { name: kApi, hashed: false, bytes: Buffer.from(
    `// The chartmix JS API (docs/embedding.md) of this build, under an address that does not change.\nexport * from './${api.name}';\n`) });
  return { files, folders };
}

// Every file of the folder that a page can reach by its references, from the pages and the API:
// a hashed file nothing refers to means a reference in a form the rewrite did not recognise.
function checkReachable(files, folders) {
  const byName = new Map([...files.values()].map((f) => [f.name, f]));
  const seen = new Set([...kStable, kApi]);
  const queue = [...seen];
  while (queue.length) {
    const f = byName.get(queue.shift());
    if (!f || !kText.test(f.name)) continue;
    const text = f.bytes.toString('utf8');
    for (const other of byName.keys()) {
      if (!seen.has(other) && referencePattern(other, false).test(text)) { seen.add(other); queue.push(other); }
    }
    for (const dir of folders.values()) if (referencePattern(dir, true).test(text)) seen.add(dir + '/');
  }
  const lost = [...byName.keys(), ...[...folders.values()].map((d) => d + '/')].filter((n) => !seen.has(n));
  if (lost.length) die(`nothing in the pages or scripts refers to ${lost.join(', ')}: a reference the rewrite did not recognise (quoted file names only), or a file to leave out`);
}

// Compressed copies beside a file when they make it at least 5% smaller. Made once per content and
// level and kept in the cache folder (an empty file there: no copy helps), so a new build compresses
// only what changed: brotli 11 takes about 5 s per MB, and the CJK font chunks are 9 MB.
// Returns the bytes a browser downloads for the file with brotli.
function compress(file, bytes, { cache, fast }) {
  if (!kCompressible.test(file)) return bytes.length;
  const key = crypto.createHash('sha256').update(bytes).digest('hex');
  const make = (kind) => {
    const level = kind === 'gz' ? (fast ? 6 : 9) : (fast ? 5 : 11);
    const cached = cache && path.join(cache, `${key}.${kind}${level}`);
    if (cached && fs.existsSync(cached)) return fs.readFileSync(cached);
    const out = kind === 'gz' ? zlib.gzipSync(bytes, { level }) : zlib.brotliCompressSync(bytes, { params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: level,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      [zlib.constants.BROTLI_PARAM_MODE]: kText.test(file) ? zlib.constants.BROTLI_MODE_TEXT : zlib.constants.BROTLI_MODE_GENERIC,
    } });
    const kept = out.length < bytes.length * 0.95 ? out : Buffer.alloc(0);
    if (cached) { fs.mkdirSync(cache, { recursive: true }); fs.writeFileSync(cached, kept); }
    return kept;
  };
  const gz = make('gz'), br = make('br');
  if (gz.length) fs.writeFileSync(file + '.gz', gz);
  if (br.length) fs.writeFileSync(file + '.br', br);
  return br.length || bytes.length;
}

// The pages' own CSP (their <meta>) as an HTTP header, with what only a header can say: who may frame them.
function pageCsp(html, page) {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
  if (!m) die(`${page} has no Content-Security-Policy <meta>`);
  return `${m[1]}; frame-ancestors ${page === 'embed.html' ? '*' : "'self'"}; object-src 'none'; base-uri 'self'`;
}

// Headers per URL path: [path, { name: value }], most specific last.
function headerRules(base, files, folders, csp, mirror) {
  const rules = [[`${base}*`, { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' }]];
  const page = (name) => ({ 'Cache-Control': kRevalidate, 'Content-Security-Policy': csp[name],
    ...(name === 'embed.html' ? {} : { 'X-Frame-Options': 'SAMEORIGIN' }) });
  rules.push([base, page('index.html')]);
  for (const name of kPages) rules.push([base + name, page(name)]);
  // Scripts, the wasm, fonts and data may be read by pages on other sites (the JS API, the loader).
  const asset = (cache, extra = {}) => ({ 'Cache-Control': cache, 'Access-Control-Allow-Origin': '*', ...extra });
  for (const f of [...files.values()].filter((x) => !kPages.includes(x.name)).sort((a, b) => a.name.localeCompare(b.name))) {
    rules.push([base + f.name, asset(f.hashed ? kYear : kRevalidate, f.name.endsWith('.wasm') ? { 'Content-Type': 'application/wasm' } : {})]);
  }
  for (const dir of folders.values()) rules.push([`${base}${dir}/*`, asset(kYear)]);
  // A mirror on this site is read by the JS API on other sites too.
  if (mirror && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(mirror)) {
    rules.push([`${new URL(mirror, `http://site.invalid${base}`).pathname}*`, { 'Access-Control-Allow-Origin': '*' }]);
  }
  return rules;
}

function headersFile(rules) {
  const lines = ['# chartmix: HTTP headers for Netlify and Cloudflare Pages (written by tools/dist; docs/deploy.md).',
    '# Hashed names never change content: cached for a year. Pages, the embed loader and chartmix.js keep',
    '# their names and are revalidated on every visit. Served from a sub-path of a bigger site, these lines',
    "# go into the _headers file at the site's root.", ''];
  for (const [at, headers] of rules) {
    lines.push(at, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`), '');
  }
  return lines.join('\n');
}

// nginx: the same headers by pattern (hashed names look alike in every build), so this snippet
// changes only with --base.
function nginxSnippet(base, csp) {
  const re = escapeRe(base);
  const common = ['add_header X-Content-Type-Options nosniff always;', 'add_header Referrer-Policy no-referrer always;'];
  const block = (match, lines) => [`    location ${match} {`, ...[...common, ...lines].map((l) => `        ${l}`), '    }'];
  const page = (name) => [`add_header Cache-Control "${kRevalidate}" always;`, `add_header Content-Security-Policy "${csp[name]}" always;`,
    ...(name === 'embed.html' ? [] : ['add_header X-Frame-Options SAMEORIGIN always;'])];
  const cors = 'add_header Access-Control-Allow-Origin "*" always;';
  return [
    `# chartmix served at ${base} (written by tools/dist; docs/deploy.md says why each header is there).`,
    `# The folder's files go into <your root>${base}; include this file in the server { } block that has`,
    '# that root. brotli_static needs the ngx_brotli module (Debian: libnginx-mod-http-brotli-static);',
    '# without it delete that line: gzip_static still serves the .gz copies.',
    `location ^~ ${base} {`,
    '    types {',
    '        text/html html;',
    '        text/css css;',
    '        text/javascript js mjs;',
    '        application/json json;',
    '        application/wasm wasm;',
    '        font/ttf ttf;',
    '        font/otf otf;',
    '    }',
    '    default_type application/octet-stream;',
    '    charset utf-8;',
    '    charset_types text/html text/css text/javascript application/json;',
    '    gzip_static on;',
    '    brotli_static on;',
    '    gzip_vary on;',
    ...common.map((l) => `    ${l}`),
    `    add_header Cache-Control "${kRevalidate}" always;`,
    `    ${cors}`,
    ...block(`~ "^${re}(index\\.html)?$"`, page('index.html')),
    ...block(`= ${base}embed.html`, page('embed.html')),
    // Quoted: nginx would read the braces of {10} as a block.
    ...block(`~ "^${re}([^/]+\\.[0-9a-f]{${kHashLength}}\\.[a-z0-9]+|[^/]+\\.[0-9a-f]{${kHashLength}}/.+)$"`, [`add_header Cache-Control "${kYear}" always;`, cors]),
    ...block(`~ "^${re}(_headers|nginx-location\\.conf)$"`, ['return 404;']),
    '}',
    '',
  ].join('\n');
}

function kb(n) { return n < 1024 * 1024 ? `${(n / 1024).toFixed(0)} KB` : `${(n / 1048576).toFixed(1)} MB`; }

function parseArgs(argv) {
  const opts = { web: path.join(kRepo, 'build/web-release/web'), out: path.join(kRepo, 'build/dist'), base: '/', mirror: undefined,
    cache: path.join(kRepo, 'build/dist-cache'), fast: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => { if (i + 1 >= argv.length) die(`${a} needs a value`); return argv[++i]; };
    if (a === '--web') opts.web = path.resolve(value());
    else if (a === '--out') opts.out = path.resolve(value());
    else if (a === '--base') opts.base = value();
    else if (a === '--mirror') opts.mirror = value();
    else if (a === '--cache') opts.cache = path.resolve(value());
    else if (a === '--fast') opts.fast = true;
    else if (a === '-h' || a === '--help') { console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 3).join('\n').replace(/^\/\/ ?/gm, '')); process.exit(0); }
    else die(`unknown option '${a}' (--web DIR, --out DIR, --base /path/, --mirror URL, --cache DIR, --fast)`);
  }
  if (!/^\/([^/?#\s"';{}]+\/)*$/.test(opts.base)) die(`--base is the URL path the folder is served at, from / to /, e.g. /charts/chartmix/ (not '${opts.base}')`);
  if (opts.mirror !== undefined && /["\s]/.test(opts.mirror)) die(`--mirror takes a URL or a path (not '${opts.mirror}')`);
  if (!fs.existsSync(path.join(opts.web, 'index.html'))) die(`no web build at ${opts.web}: build it first (tools/dist does)`);
  const out = path.resolve(opts.out);
  if (out === path.resolve(opts.web) || out === kRepo || out === path.parse(out).root) die(`--out ${out} would overwrite what it is made from`);
  // The folder is emptied first: only an empty one, or one this tool wrote before.
  if (fs.existsSync(out) && fs.readdirSync(out).length && !fs.existsSync(path.join(out, 'nginx-location.conf'))) {
    die(`--out ${out} holds other files; give an empty or new folder (it is emptied before writing)`);
  }
  return opts;
}

// Writes the folder; returns { files, bytes, firstVisit } (firstVisit: what the app's first visit
// downloads with brotli, fonts beyond the Latin one not counted).
export function writeDist({ web, out, base = '/', mirror, cache = null, fast = false }) {
  const { files, folders } = nameFiles(web, { mirror });
  checkReachable(files, folders);
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  let firstVisit = 0;
  for (const f of files.values()) {
    const sent = compress(path.join(out, f.name), f.bytes, { cache, fast });
    fs.writeFileSync(path.join(out, f.name), f.bytes);
    if (f.name !== kApi && f.name !== 'embed-loader.js' && f.name !== 'embed.html') firstVisit += sent;
  }
  for (const [dir, hashed] of folders) {
    for (const rel of listFiles(path.join(web, dir))) {
      const to = path.join(out, hashed, rel);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      const bytes = fs.readFileSync(path.join(web, dir, rel));
      fs.writeFileSync(to, bytes);
      const sent = compress(to, bytes, { cache, fast });
      if (rel === 'chartmix-latin.ttf') firstVisit += sent;
    }
  }
  const csp = Object.fromEntries(kPages.map((p) => [p, pageCsp(files.get(p).bytes.toString('utf8'), p)]));
  fs.writeFileSync(path.join(out, '_headers'), headersFile(headerRules(base, files, folders, csp, mirror)));
  fs.writeFileSync(path.join(out, 'nginx-location.conf'), nginxSnippet(base, csp));
  const all = listFiles(out);
  return { files: all.length, bytes: all.reduce((n, rel) => n + fs.statSync(path.join(out, rel)).size, 0), firstVisit };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const opts = parseArgs(process.argv.slice(2));
  const { files, bytes, firstVisit } = writeDist(opts);
  console.log(`${opts.out}`);
  console.log(`  ${files} files, ${kb(bytes)} with the .gz and .br copies; a first visit downloads ${kb(firstVisit)} (brotli)`);
  console.log(`  upload the folder's contents to ${opts.base} of your site; docs/deploy.md says how to serve and embed it`);
}
