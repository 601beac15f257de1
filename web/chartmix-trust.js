// Which addresses chartmix reads without asking (docs/security.md, "Trust"). A catalogue entry
// vouches for its manifest's exact address and for the folder its files are published in (dataBase,
// or the manifest's own folder), never for the whole site: raw.githubusercontent.com serves every
// GitHub user's files. No DOM here, so node tests import it too.

// The address without its fragment: what a server sees.
function withoutHash(url) {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}

// The folder a relative file name resolves into: "…/date/" for "…/date/" and for "…/date/x.json".
export function folderOf(url) { return new URL('.', url).href; }

// True when url is a file inside folder (an address ending in '/'). URL parsing has already
// removed dot segments; encoded slashes, backslashes and dots are refused too, because a server
// may decode them and leave the folder.
export function insideFolder(url, folder) {
  const u = new URL(url), f = new URL(folder);
  if (u.origin !== f.origin || u.username || u.password || u.search) return false;
  if (!f.pathname.endsWith('/') || !u.pathname.startsWith(f.pathname)) return false;
  return !/%2e|%2f|%5c/i.test(u.pathname.slice(f.pathname.length));
}

// True when a catalogue entry ({ manifest, dataBase }, absolute addresses) vouches for url.
export function vouchedByEntry(url, entry) {
  if (!entry || typeof entry.manifest !== 'string') return false;
  if (withoutHash(url) === withoutHash(entry.manifest)) return true;
  return insideFolder(url, folderOf(entry.dataBase || entry.manifest));
}

// True when chartmix may read url without asking: an address on this page's origin, on an origin
// the embedding page trusts (options.trustedOrigins), or one a catalogue entry vouches for.
export function isTrusted(url, { pageOrigin, trustedOrigins = [], entries = [] }) {
  let origin;
  try { origin = new URL(url).origin; } catch { return false; }
  if (origin === pageOrigin || trustedOrigins.includes(origin)) return true;
  return entries.some((e) => vouchedByEntry(url, e));
}

// The sources a manifest marks "official": true (their names, for the question that says so).
export function officialClaims(doc) {
  return (Array.isArray(doc.sources) ? doc.sources : [])
    .filter((s) => s && typeof s === 'object' && s.official === true)
    .map((s) => String(s.name || s.key || 'a source').slice(0, 80));
}
