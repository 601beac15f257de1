// tools/serve.mjs as a process, the way tools/run starts it: requests that fail to read a file
// never stop it, symlinks do not lead out of its root, answers carry security headers, and only
// requests naming this server in their Host header are answered. Node only, no browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let root, outside, child, port;

before(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'chartmix-serve-'));
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'chartmix-outside-'));
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src \'self\'; connect-src \'self\'"><p>page</p>');
  fs.writeFileSync(path.join(root, 'embed.html'), '<!doctype html><p>widget</p>');
  fs.writeFileSync(path.join(root, 'data.csv'), 'a,b\n1,2\n');
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'secret');
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'leak.txt'));
  fs.symlinkSync(outside, path.join(root, 'elsewhere'));
  fs.mkdirSync(path.join(root, 'folder.csv', 'index.html'), { recursive: true });  // a directory named like a file
  fs.writeFileSync(path.join(root, 'locked.csv'), 'x');
  fs.chmodSync(path.join(root, 'locked.csv'), 0);
  child = spawn(process.execPath, [path.join(repo, 'tools/serve.mjs'), '--root', root, '--port', '0', '--loopback'], { stdio: ['ignore', 'pipe', 'pipe'] });
  port = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => { out += d; const m = /127\.0\.0\.1:(\d+)/.exec(out); if (m) resolve(Number(m[1])); });
    child.once('exit', (code) => reject(new Error(`the server exited (${code})`)));
  });
});
after(() => {
  child?.kill();
  for (const dir of [root, outside]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

// One request; resolves to { status, headers, body }.
function get(urlPath, { host } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: urlPath, headers: host ? { Host: host } : {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
const alive = async () => assert.equal((await get('/data.csv')).status, 200, 'the server still answers');

test('a file that cannot be read is an error answer, and the server keeps running', async () => {
  const dir = await get('/folder.csv');
  assert.equal(dir.status, 404);
  await alive();
  const locked = await get('/locked.csv');
  if (process.getuid && process.getuid() === 0) assert.equal(locked.status, 200, 'root reads any file');
  else assert.equal(locked.status, 403);
  await alive();
  assert.equal(child.exitCode, null);
});

test('symbolic links do not lead out of the root', async () => {
  assert.equal((await get('/leak.txt')).status, 404);
  assert.equal((await get('/elsewhere/secret.txt')).status, 404);
  assert.equal((await get('/%2e%2e/' + path.basename(outside) + '/secret.txt')).status, 404);
  await alive();
});

test('answers carry security headers; only the widget may be framed by other sites', async () => {
  const page = await get('/index.html');
  const widget = await get('/embed.html');
  const data = await get('/data.csv');
  for (const r of [page, widget, data]) assert.equal(r.headers['x-content-type-options'], 'nosniff');
  assert.match(page.headers['content-security-policy'], /frame-ancestors 'self'/);
  assert.equal(page.headers['x-frame-options'], 'SAMEORIGIN');
  assert.match(widget.headers['content-security-policy'], /frame-ancestors \*/);
  assert.equal(widget.headers['x-frame-options'], undefined);
  assert.match(page.body, /connect-src 'self' http:\/\/127\.0\.0\.1:\* http:\/\/localhost:\*"/, '--loopback adds the local servers to the page\'s CSP');
  assert.equal(Number(page.headers['content-length']), Buffer.byteLength(page.body));
});

test('requests naming another host are refused (DNS rebinding)', async () => {
  assert.equal((await get('/data.csv', { host: `evil.example:${port}` })).status, 421);
  assert.equal((await get('/data.csv', { host: 'evil.example' })).status, 421);
  assert.equal((await get('/data.csv', { host: `127.0.0.1:${port + 1}` })).status, 421);
  assert.equal((await get('/data.csv', { host: `localhost:${port}` })).status, 200);
  assert.equal((await get('/data.csv', { host: `127.0.0.1:${port}` })).status, 200);
  assert.equal((await get('/data.csv', { host: `192.168.1.20:${port}` })).status, 200, 'an address, as a classroom uses it, cannot be rebound');
});
