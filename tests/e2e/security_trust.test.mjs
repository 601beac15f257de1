// The trust rules of web/chartmix-trust.js on addresses an attacker would try. Node only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isTrusted, insideFolder, officialClaims } from '../../web/chartmix-trust.js';

const entries = [{
  manifest: 'https://example.org/chartmix/catalogue-hot100.json',
  dataBase: 'https://raw.githubusercontent.com/mhollingshead/billboard-hot-100/main/date/',
}, { manifest: 'https://data.example.net/charts/week/manifest.json' }];
const trusted = (url) => isTrusted(url, { pageOrigin: 'https://example.org', entries });

test('a catalogue entry vouches for its files\' folder, not for its site', () => {
  assert.equal(trusted('https://raw.githubusercontent.com/mhollingshead/billboard-hot-100/main/date/2023-01-07.json'), true);
  assert.equal(trusted('https://raw.githubusercontent.com/anyone/repo/main/hot100.csv'), false);
  assert.equal(trusted('https://raw.githubusercontent.com/mhollingshead/billboard-hot-100/main/date-fake/x.json'), false);
  assert.equal(trusted('https://raw.githubusercontent.com/mhollingshead/billboard-hot-100/main/date'), false);
  assert.equal(trusted('https://raw.githubusercontent.com/mhollingshead/billboard-hot-100/main/date/../../../../anyone/repo/main/x.csv'), false);
  assert.equal(trusted('https://raw.githubusercontent.com/mhollingshead/billboard-hot-100/main/date/%2e%2e/%2e%2e/x.csv'), false);
  assert.equal(trusted('https://raw.githubusercontent.com/mhollingshead/billboard-hot-100/main/date/..%2F..%2Fx.csv'), false);
  assert.equal(trusted('https://raw.githubusercontent.com/mhollingshead/billboard-hot-100/main/date/..%5C..%5Cx.csv'), false);
  assert.equal(trusted('https://user:pw@raw.githubusercontent.com/mhollingshead/billboard-hot-100/main/date/x.json'), false);
  assert.equal(trusted('http://raw.githubusercontent.com/mhollingshead/billboard-hot-100/main/date/x.json'), false, 'another scheme is another origin');
});

test('without dataBase an entry vouches for its manifest and the manifest\'s folder', () => {
  assert.equal(trusted('https://data.example.net/charts/week/manifest.json'), true);
  assert.equal(trusted('https://data.example.net/charts/week/melon.csv'), true);
  assert.equal(trusted('https://data.example.net/charts/other/melon.csv'), false);
  assert.equal(trusted('https://data.example.net/charts/week/manifest.json?x=1'), false);
});

test('the page\'s own origin and the embedding page\'s list are trusted whole', () => {
  assert.equal(trusted('https://example.org/anything/at/all.csv'), true);
  assert.equal(isTrusted('https://cdn.example.com/x.csv', { pageOrigin: 'https://example.org', trustedOrigins: ['https://cdn.example.com'] }), true);
  assert.equal(trusted('not a url'), false);
  assert.equal(insideFolder('https://a.example/x/y.csv', 'https://a.example/x'), false, 'a folder address ends in /');
});

test('official claims are the sources marked exactly true', () => {
  assert.deepEqual(officialClaims({ sources: [{ key: 'a', official: true }, { key: 'b', name: 'B chart', official: true }, { key: 'c', official: 'yes' }, null] }), ['a', 'B chart']);
  assert.deepEqual(officialClaims({}), []);
});
