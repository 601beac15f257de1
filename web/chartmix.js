// chartmix JS API: a small wrapper over the wasm core's C exports (src/web/exports.cpp).
//   import { create } from './chartmix.js';
//   const app = await create(document.querySelector('canvas'), { syncUrl: true });
//   await app.ready();
//   app.setMix({ method: 'weighted', weights: { '*': 1 } });
//   console.log(app.getRanking(10).entries[0].title);
//   app.subscribe(() => console.log('ranking changed'));
// Every instance owns its own wasm module, so a page can hold several widgets. Failing calls throw
// ChartmixError with the core's message (file:line:column for a bad file). docs/embedding.md.
import createChartmixCore from './chartmix-core.js';
import { attachPage } from './chartmix-page.js';
import { isTrusted, officialClaims } from './chartmix-trust.js';

export class ChartmixError extends Error {
  constructor(message, code = 'core') {
    super(message);
    this.name = 'ChartmixError';
    this.code = code;  // 'core' (the engine refused), 'http', 'network' (CORS / offline), 'aborted', 'refused'
  }
}

const kNoticeCancelled = 'Download cancelled. The data you had stays loaded.';
// Strings the page hands to the core (a mix, a notice, pasted text): far above any real one, far
// below what wasm memory holds, so a hostile caller meets a sentence instead of an out-of-memory abort.
export const kMaxStringBytes = 1 << 20;
const kMb = (n) => Math.ceil(n / 1048576) + ' MB';

function isManifest(doc) {
  return doc && typeof doc === 'object' && !Array.isArray(doc) && Array.isArray(doc.files) && Array.isArray(doc.sources);
}

// What the progress bar says: the dataset's title and the file's own name, never a relative path.
function displayName(path, title) {
  const file = path.slice(path.lastIndexOf('/') + 1) || path;
  return title ? `${title} (${file})` : file;
}

function fileName(url) {
  const path = new URL(url).pathname;
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || 'download';
}

class Chartmix {
  constructor(core, canvas, options) {
    this.core = core;
    this.canvas = canvas;
    this.options = options;
    this.progress = { active: false, received: 0, total: 0, what: '' };
    this.lastNotice = { text: '', error: false };
    this._subscribers = new Set();
    this._abort = null;
    this._catalogue = null;
  }

  // ---------------------------------------------------------------- core calls
  _string(ptr) { return this.core.UTF8ToString(ptr); }
  // A string the core may refuse (null when it ran out of memory building it): throws its reason.
  _stringOrError(ptr) {
    if (!ptr) throw new ChartmixError(this._string(this.core._chartmix_last_error()));
    return this._string(ptr);
  }
  _check(code) {
    if (code !== 0) throw new ChartmixError(this._string(this.core._chartmix_last_error()));
  }
  // Runs fn with each string copied into wasm memory as UTF-8; frees them afterwards. Throws
  // (code 'refused') for a string over kMaxStringBytes or when wasm memory has no room: a failed
  // _malloc returns 0, and writing there would overwrite the module's own memory.
  _withStrings(strings, fn) {
    const ptrs = [];
    try {
      for (const s of strings) {
        if (s.length > kMaxStringBytes) throw this._tooLong(s.length);  // UTF-16 units: at most the UTF-8 bytes
        const n = this.core.lengthBytesUTF8(s) + 1;
        if (n > kMaxStringBytes) throw this._tooLong(n);
        const p = this.core._malloc(n);
        if (!p) throw new ChartmixError('There is not enough memory left for this text; the data and mix you had stay as they were.', 'refused');
        ptrs.push(p);
        this.core.stringToUTF8(s, p, n);
      }
      return fn(...ptrs);
    } finally { ptrs.forEach((p) => this.core._free(p)); }
  }
  _tooLong(n) {
    return new ChartmixError(`This text is ${kMb(n)} long, more than the ${kMb(kMaxStringBytes)} chartmix takes in one piece; nothing was changed.`, 'refused');
  }

  // Version string of the ranking core.
  get version() { return this._string(this.core._chartmix_version()); }
  // Number of frames drawn so far (0 until the first frame is on screen).
  get framesDrawn() { return this.core.framesDrawn || 0; }
  // Increases whenever data, mix, period or selection change.
  get revision() { return this.core._chartmix_revision(); }

  // Resolves once the first frame is on screen.
  ready() {
    if (this.framesDrawn > 0) return Promise.resolve(this);
    return new Promise((resolve) => this.canvas.addEventListener('chartmix:ready', () => resolve(this), { once: true }));
  }

  // The mix as the engine's mix JSON (an object). setMix takes an object or a JSON string.
  getMix() { return JSON.parse(this._string(this.core._chartmix_get_mix())); }
  setMix(mix) {
    const text = typeof mix === 'string' ? mix : JSON.stringify(mix);
    this._withStrings([text], (p) => this._check(this.core._chartmix_set_mix(p)));
  }
  // The current ranking: { period, mix, ranked, sources, entries: [{ rank, song, title, artist, score, contributions }] }.
  getRanking(topN = 0) { return JSON.parse(this._stringOrError(this.core._chartmix_get_ranking(topN | 0))); }
  getRankingCsv() { return this._stringOrError(this.core._chartmix_get_ranking_csv()); }
  // Dataset, period, the mix's #1 and the official chart's #1 (for captions and announcements).
  getSummary() { return JSON.parse(this._string(this.core._chartmix_get_summary())); }
  // Where the app drew its named controls in the last frame, in CSS pixels of the canvas, and the
  // values they showed: { items: { name: [x, y, w, h] }, values: { name: text } }.
  uiProbe() { return JSON.parse(this._string(this.core._chartmix_ui_probe())); }
  // The view as a URL fragment ("#v1&d=…"), and a link to this page with it.
  getView() { return '#' + this._string(this.core._chartmix_get_view()); }
  shareLink() { return location.href.replace(/#.*$/, '') + this.getView(); }
  // iframe + loader script for this view; baseUrl is where the app is published (default: here).
  embedSnippet(baseUrl = this.options.baseUrl) {
    return this._withStrings([baseUrl], (p) => this._string(this.core._chartmix_embed_snippet(p)));
  }

  // Calls fn({ revision }) after every frame in which the ranking's inputs changed. Returns an unsubscribe function.
  subscribe(fn) {
    this._subscribers.add(fn);
    return () => this._subscribers.delete(fn);
  }
  _changed(revision, dragging) {
    for (const fn of this._subscribers) {
      try { fn({ revision, dragging }); } catch (err) { console.warn('chartmix: a subscriber threw:', err); }
    }
  }

  // 'dark' or 'light'.
  setTheme(name) { this.core._chartmix_set_theme(name === 'light' ? 0 : 1); }

  // Shows a one-line notice inside the app (also announced to screen readers).
  notify(text, isError = false) {
    this._withStrings([String(text).slice(0, 2000)], (p) => this.core._chartmix_set_notice(p, isError ? 1 : 0));
  }

  // ---------------------------------------------------------------- loading
  // Loads files as one dataset: [{ name, bytes: Uint8Array|ArrayBuffer|string }] or File objects
  // (a CSV, a JSON file, or a manifest with the files it lists). Keeps the current data on failure.
  async loadFiles(files, ref) {
    try {
      // A File's size is known before reading it: a 2 GB file is refused without touching memory.
      this._checkSizes(Array.from(files, (f) => ({ name: f.name, size: typeof File !== 'undefined' && f instanceof File ? f.size : 0 })));
    } catch (e) { this.notify(e.message, true); throw e; }
    const list = [];
    for (const f of files) {
      if (typeof File !== 'undefined' && f instanceof File) list.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
      else if (typeof f.bytes === 'string') list.push({ name: f.name, bytes: new TextEncoder().encode(f.bytes) });
      else list.push({ name: f.name, bytes: f.bytes instanceof Uint8Array ? f.bytes : new Uint8Array(f.bytes) });
    }
    if (!list.length) throw new ChartmixError('no files were given: pick a CSV, a JSON file or a manifest with its files.');
    try { this._checkSizes(list.map((f) => ({ name: f.name, size: f.bytes.length }))); } catch (e) { this.notify(e.message, true); throw e; }
    // A picker or a drop gives bare file names; a manifest writes paths ("../data/week.csv"):
    // each listed path takes the file of the same name.
    for (const f of list.filter((x) => /\.json$/i.test(x.name))) {
      let doc = null;
      try { doc = JSON.parse(new TextDecoder().decode(f.bytes)); } catch { continue; }
      if (!isManifest(doc)) continue;
      for (const { path } of doc.files.filter((m) => m && typeof m.path === 'string')) {
        if (list.some((x) => x.name === path)) continue;
        const base = path.slice(path.lastIndexOf('/') + 1);
        const match = list.find((x) => x.name === base);
        if (match) match.name = path;
      }
    }
    this._loadBytes(list, ref || 'file:' + list[0].name);
  }

  // Throws (code 'refused') when one file, or all together, exceed what one load may hold
  // (core/base/limits.h kMaxLoadBytes, read through chartmix_max_load_bytes).
  _checkSizes(entries) {
    const total = entries.reduce((sum, f) => sum + f.size, 0);
    const big = entries.find((f) => f.size > this._loadLimit());
    if (big || total > this._loadLimit()) throw this._tooBig(big ? big.name + ' is ' + kMb(big.size) : 'the files are ' + kMb(total) + ' together');
  }
  _loadLimit() { return this.core._chartmix_max_load_bytes(); }
  _tooBig(what) {
    return new ChartmixError(`${what}, more than the ${kMb(this._loadLimit())} one load may hold (the browser app has 1 GB of memory); ` +
      'split the data into smaller files. The data you had stays loaded.', 'refused');
  }

  // The calling convention of chartmix_load_files: three arrays of count 32-bit words (name
  // pointers, byte pointers, byte counts) plus the dataset reference.
  _loadBytes(list, ref) {
    this._checkSizes(list.map((f) => ({ name: f.name, size: f.bytes.length })));
    const core = this.core;
    const n = list.length;
    const noRoom = (name) => new ChartmixError(`there is not enough memory to load ${name}; the data you had stays loaded.`, 'refused');
    const table = core._malloc(n * 12);
    if (!table) throw noRoom(list[0].name);
    const owned = [];
    const data = [];  // byte buffers: chartmix_load_files frees them itself once it has copied them
    let handedOver = false;
    try {
      list.forEach((f, i) => {
        const nameLen = core.lengthBytesUTF8(f.name) + 1;
        const namePtr = core._malloc(nameLen);
        if (!namePtr) throw noRoom(f.name);
        owned.push(namePtr);
        core.stringToUTF8(f.name, namePtr, nameLen);
        const dataPtr = core._malloc(Math.max(1, f.bytes.length));
        if (!dataPtr) throw noRoom(f.name);
        data.push(dataPtr);
        core.HEAPU8.set(f.bytes, dataPtr);
        const words = new Uint32Array(core.HEAPU8.buffer, table, n * 3);  // after malloc: memory may have grown
        words[i] = namePtr;
        words[n + i] = dataPtr;
        words[2 * n + i] = f.bytes.length;
      });
      this._withStrings([ref], (refPtr) => {
        handedOver = true;
        return this._check(core._chartmix_load_files(n, table, table + 4 * n, table + 8 * n, refPtr));
      });
    } finally {
      owned.forEach((p) => core._free(p));
      if (!handedOver) data.forEach((p) => core._free(p));
      core._free(table);
    }
  }

  // Replaces the data with the built-in simulated market (seed 1 is the start-up demo).
  loadDemo(seed = 1) { this._check(this.core._chartmix_load_demo(seed)); }

  _setProgress(active, received = 0, total = 0, what = '') {
    this.progress = { active, received, total, what };
    this._withStrings([what], (p) => this.core._chartmix_set_progress(active ? 1 : 0, received, total, p));
  }

  // Stops a running download; the data already loaded stays.
  cancelLoad() { if (this._abort) this._abort.abort(); }

  // Downloads URLs (six at a time) with one progress bar; resolves to [{ name, bytes }] in order.
  // Errors say what happened and what to try. allowed(url) vets where a redirect led. The load
  // limit holds while reading: a declared size above what is left of it is refused before the body,
  // and every download stops once the bytes received together pass it.
  async _fetchAll(urls, signal, allowed) {
    const results = new Array(urls.length);
    const limit = this._loadLimit();
    let received = 0, total = 0, next = 0;
    const inner = new AbortController();  // one failure stops every download of the load
    const cancel = () => inner.abort();
    signal.addEventListener('abort', cancel);
    const one = async ({ url, name }) => {
      let response;
      try {
        response = await fetch(url, { signal: inner.signal, credentials: 'same-origin' });
      } catch (err) {
        if (signal.aborted) throw new ChartmixError(kNoticeCancelled, 'aborted');
        throw new ChartmixError(`The browser could not download ${url}: the server did not answer, it does not let other sites read its files (CORS), or this page may not connect to it (its CSP). Download the file yourself and drop it on chartmix, or use a copy on this server.`, 'network');
      }
      if (response.redirected && !(await allowed(response.url))) {
        throw new ChartmixError(`Not downloaded: ${url} sends chartmix on to ${new URL(response.url).origin}, a site this page does not know. The data you had stays loaded.`, 'refused');
      }
      if (!response.ok) {
        const what = response.status === 404 ? 'there is no file at that address (404 Not Found)' : `the server answered ${response.status} ${response.statusText}`;
        throw new ChartmixError(`Could not download ${url}: ${what}. Check the address, or pick a dataset from the catalogue.`, 'http');
      }
      const declared = Number(response.headers.get('Content-Length')) || 0;
      if (declared > limit - received) throw this._tooBig(`${url} is ${kMb(declared)}` + (received ? ` after ${kMb(received)} of other files` : ''));
      total += declared;
      const chunks = [];
      const reader = response.body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          chunks.push(value);
          received += value.length;
          if (received > limit) throw this._tooBig(`${url} sent more than ${kMb(limit)}` + (urls.length > 1 ? ' with the other files' : ''));
          this._setProgress(true, received, Math.max(total, received), displayName(name, this._loadTitle));
        }
      } catch (err) {
        if (err instanceof ChartmixError) throw err;
        if (signal.aborted) throw new ChartmixError(kNoticeCancelled, 'aborted');
        throw new ChartmixError(`The download of ${url} broke off (${err.message}). Try again.`, 'network');
      }
      const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let at = 0;
      for (const c of chunks) { bytes.set(c, at); at += c.length; }
      return { name, bytes };
    };
    const worker = async () => {
      while (next < urls.length) {
        const i = next++;
        results[i] = await one(urls[i]);
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(6, urls.length) }, worker));
    } catch (err) {
      inner.abort();  // the other downloads, and the body that broke the limit
      throw err;
    } finally { signal.removeEventListener('abort', cancel); }
    return results;
  }

  // Asks the reader (options.confirm, or the browser's dialog); resolves to true or false.
  async _ask(question) {
    const ask = this.options.confirm || ((q) => window.confirm(q));
    return !!(await ask(question));
  }

  // Before a manifest's files are fetched: one question when some live on sites this page does not
  // know, or when a manifest from such a site calls a source official. Declining fetches nothing.
  async _vetMembers(manifestUrl, doc, members, { chosen, allowed }) {
    const strangers = [];
    for (const { url } of members) {
      if (!/^https?:$/.test(new URL(url).protocol)) throw new ChartmixError(`The dataset at ${manifestUrl} lists ${url}, an address chartmix does not open. The data you had stays loaded.`, 'refused');
      const origin = new URL(url).origin;
      if (!strangers.includes(origin) && !(await allowed(url))) strangers.push(origin);
    }
    const claims = chosen ? officialClaims(doc) : [];
    if (!strangers.length && !claims.length) return;
    const listed = strangers.slice(0, 5).join(', ') + (strangers.length > 5 ? ` and ${strangers.length - 5} more` : '');
    const parts = [];
    if (strangers.length) parts.push(`lists files on ${strangers.length === 1 ? 'a site' : 'sites'} this page does not know (${listed})`);
    if (claims.length) parts.push(`calls ${claims.slice(0, 3).map((n) => `"${n}"`).join(', ')} an official chart, which chartmix cannot check: it comes from ${chosen}, not from this page's catalogue`);
    const question = `The dataset at ${manifestUrl} ${parts.join(', and ')}. ${strangers.length ? 'Download from ' + listed : 'Load it'}?`;
    if (!(await this._ask(question))) throw new ChartmixError(`Not loaded: ${manifestUrl} (you declined). The data you had stays loaded.`, 'refused');
  }

  // Loads a dataset from a URL: a CSV or JSON file, or a manifest (then every file it lists,
  // resolved against dataBase or the manifest's own URL). Progress feeds the app's progress bar;
  // cancelLoad() stops it. On any failure the current data stays and the app shows why.
  // Whoever names an address outside the trusted ones (a script, the address field, a reader who
  // said yes to a link) chose that site; any other site a manifest or a redirect leads to is asked about.
  async loadUrl(url, { ref, dataBase, title } = {}) {
    const absolute = new URL(url, location.href).href;
    if (this._abort) this._abort.abort();
    const abort = new AbortController();
    this._abort = abort;
    this._loadTitle = title || '';
    this._setProgress(true, 0, 0, displayName(fileName(absolute), this._loadTitle));
    try {
      const chosen = (await this._trusted(absolute)) ? null : new URL(absolute).origin;
      const allowed = async (u) => new URL(u).origin === chosen || this._trusted(u);
      const [first] = await this._fetchAll([{ url: absolute, name: fileName(absolute) }], abort.signal, allowed);
      let files = [first];
      if (/\.json$/i.test(first.name)) {
        let doc = null;
        try { doc = JSON.parse(new TextDecoder().decode(first.bytes)); } catch { /* the core reports bad JSON with its position */ }
        if (isManifest(doc)) {
          const base = dataBase ? new URL(dataBase, location.href).href : absolute;
          let members;
          try {
            members = doc.files.filter((f) => f && typeof f.path === 'string').map((f) => ({ url: new URL(f.path, base).href, name: f.path }));
          } catch { throw new ChartmixError(`The dataset at ${absolute} lists a file whose address does not read. The data you had stays loaded.`, 'refused'); }
          await this._vetMembers(absolute, doc, members, { chosen, allowed });
          files = [first, ...await this._fetchAll(members, abort.signal, allowed)];
        }
      }
      this._loadBytes(files, ref || 'url:' + absolute);
    } catch (err) {
      const e = err instanceof ChartmixError ? err : new ChartmixError(String(err.message || err));
      if (e.code !== 'core') this.notify(e.message, e.code !== 'aborted');  // the core has shown its own notice
      throw e;
    } finally {
      if (this._abort === abort) this._abort = null;
      this._setProgress(false);
    }
  }

  // The catalogue of published datasets (assets/catalogue.json, or options.catalogueUrl).
  // options.mirror (or ?mirror= on the page) points every entry at a local copy.
  async catalogue() {
    if (!this._catalogue) {
      const url = new URL(this.options.catalogueUrl || 'catalogue.json', this.options.baseUrl).href;
      const response = await fetch(url, { credentials: 'same-origin' });
      if (!response.ok) throw new ChartmixError(`The catalogue ${url} could not be read (${response.status}).`, 'http');
      const doc = await response.json();
      const entries = Array.isArray(doc.datasets) ? doc.datasets : [];
      // The page's mirror is relative to the page; the catalogue's, like its manifests, to the
      // catalogue, so a published folder finds its mirror wherever it is served and whoever loads it.
      const mirror = this.options.mirror ? new URL(this.options.mirror, location.href) : doc.mirror ? new URL(doc.mirror, url) : null;
      this._catalogue = entries.filter((e) => e && typeof e.id === 'string' && typeof e.manifest === 'string').map((e) => ({
        ...e,
        manifest: new URL(e.manifest, url).href,
        dataBase: mirror && e.mirrorPath ? new URL(e.mirrorPath, mirror).href
          : e.dataBase ? new URL(e.dataBase, url).href : undefined,
      }));
    }
    return this._catalogue;
  }

  // Loads a catalogue entry by id.
  async loadCatalogue(id) {
    const entry = (await this.catalogue()).find((e) => e.id === id);
    if (!entry) {
      const e = new ChartmixError(`The catalogue has no dataset '${id}'. Pick one from the list.`, 'refused');
      this.notify(e.message, true);
      throw e;
    }
    await this.loadUrl(entry.manifest, { ref: 'catalog:' + id, dataBase: entry.dataBase, title: entry.title });
  }

  // Hands the catalogue to the app's Open dialog (and its welcome's starting points).
  async _offerCatalogue() {
    this._withStrings(['Reading the list of published charts\u2026'], (s) => this.core._chartmix_set_catalogue(0, s));
    let text;
    try {
      text = JSON.stringify({ datasets: (await this.catalogue()).filter((e) => !e.hidden) });
    } catch (err) {
      const why = `The list of published charts could not be read (${err.message}). You can still open your own files or a web address.`;
      this._withStrings([why], (s) => this.core._chartmix_set_catalogue(0, s));
      return;
    }
    this._withStrings([text, ''], (j, s) => this.core._chartmix_set_catalogue(j, s));
  }

  // Addresses a shared link may fetch from without asking (chartmix-trust.js): this page's origin,
  // options.trustedOrigins, and exactly what the catalogue's entries vouch for.
  async _trusted(url) {
    const entries = await this.catalogue().catch(() => []);
    return isTrusted(url, { pageOrigin: location.origin, trustedOrigins: this.options.trustedOrigins || [], entries });
  }

  // Applies a URL fragment: loads the dataset it names first (asking before fetching from an
  // origin this page does not trust), then the view. A broken fragment gives a notice and the defaults.
  async applyView(fragment) {
    const code = this._withStrings([fragment || ''], (p) => this.core._chartmix_apply_view(p, 0));
    if (code !== 2) return code === 0;
    const ref = this._string(this.core._chartmix_last_error());
    let loaded = false;
    try {
      if (ref.startsWith('catalog:')) { await this.loadCatalogue(ref.slice(8)); loaded = true; }
      else if (ref.startsWith('url:')) {
        let url;
        try { url = new URL(ref.slice(4), location.href).href; } catch { url = null; }
        if (!url || !/^https?:$/.test(new URL(url).protocol)) throw new ChartmixError('This link names data at an address chartmix does not open.', 'refused');
        const origin = new URL(url).origin;
        if (!(await this._trusted(url)) && !(await this._ask(`This link wants chartmix to download data from ${origin}, a site this page does not know: ${url}. Download from ${origin}?`))) {
          throw new ChartmixError(`Not downloaded: ${url} (you declined). The view is shown on the data already loaded.`, 'refused');
        }
        await this.loadUrl(url, { ref });
        loaded = true;
      } else if (ref.startsWith('file:')) {
        throw new ChartmixError(`This link was made with a file on someone's computer (${ref.slice(5)}): open that file here, then the link's mix applies.`, 'refused');
      } else {
        throw new ChartmixError(`This link names data chartmix does not know (${ref}).`, 'refused');
      }
    } catch (err) {
      if (err.code === 'refused') this.notify(err.message, true);
      else if (!(err instanceof ChartmixError)) this.notify(`This link's data could not be opened (${err.message}). The view is shown on the data already loaded.`, true);
    }
    const again = this._withStrings([fragment], (p) => this.core._chartmix_apply_view(p, loaded ? 0 : 1));
    return loaded && again === 0;
  }
}

// Starts chartmix on a canvas. Options:
//   baseUrl         where chartmix-core.wasm and catalogue.json live (default: next to this file)
//   compact         the embed layout (one column, fewer controls)
//   fitContent      the canvas takes the compact layout's natural height (embed.html; app.contentHeight)
//   syncUrl         keep the view in this page's URL fragment, with back/forward (the full page)
//   accessible      mirror the ranking in a visually hidden table + live region (default true)
//   welcome         greet a first visit with the welcome view (starting points, sharing)
//   theme           'dark' or 'light'
//   remember(key, value)  keeps a preference the reader set in the app ('theme', 'welcome')
//   catalogueUrl, mirror, trustedOrigins, confirm(question) → Promise<boolean>|boolean
// Resolves when the core runs; await instance.ready() for the first frame.
export async function create(canvas, options = {}) {
  if (!(canvas instanceof HTMLCanvasElement)) throw new ChartmixError('create() needs a <canvas> element');
  const opts = { accessible: true, ...options, baseUrl: options.baseUrl || new URL('.', import.meta.url).href };
  const host = {};  // filled by attachPage; the core calls it (src/web/host_web.cpp)
  const args = opts.compact ? ['--compact'] : [];
  if (opts.welcome && !opts.compact) args.push('--welcome');
  if (opts.theme === 'light') args.push('--light');
  performance.mark('chartmix:load-core');  // then "chartmix:window" and "chartmix:first-frame" (src/web/host_web.cpp)
  const core = await createChartmixCore({
    canvas,
    arguments: args,
    chartmixHost: host,
    locateFile: (path) => new URL(path, opts.baseUrl).href,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
  });
  const app = new Chartmix(core, canvas, opts);
  attachPage(app, host);
  if (opts.theme) app.setTheme(opts.theme);
  if (!opts.compact) app._offerCatalogue();
  if (opts.syncUrl && location.hash.length > 1) await app.applyView(location.hash);
  return app;
}
