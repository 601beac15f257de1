// The page side of one chartmix instance: what the core asks the browser for (file picker, drops,
// clipboard, downloads, figures as PNG), the view in the URL fragment with back/forward, the IME overlay, and
// the accessible mirror of the ranking. Data from files only ever reaches the DOM as text
// (textContent / createElement), never as HTML.

// [SECTION] downloads
function download(name, mime, bytes) {
  const url = URL.createObjectURL(new Blob([bytes], { type: mime || 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// [SECTION] accessible mirror: a visually hidden table of the ranking and a live region
function makeMirror(app) {
  const box = document.createElement('div');
  box.className = 'chartmix-sr';
  const table = document.createElement('table');
  table.className = 'chartmix-table';
  const caption = document.createElement('caption');
  const head = document.createElement('thead');
  const headRow = document.createElement('tr');
  for (const label of ['Rank', 'Title', 'Artist', 'Score']) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = label;
    headRow.appendChild(th);
  }
  head.appendChild(headRow);
  const body = document.createElement('tbody');
  table.append(caption, head, body);
  const live = document.createElement('p');
  live.className = 'chartmix-live';
  live.setAttribute('aria-live', 'polite');
  const alert = document.createElement('p');
  alert.className = 'chartmix-alert';
  alert.setAttribute('role', 'alert');
  box.append(live, alert, table);
  app.canvas.insertAdjacentElement('afterend', box);
  let lastTop = null;

  return {
    table, live, alert,
    update() {
      const ranking = app.getRanking(app.options.tableRows || 100);
      const summary = app.getSummary();
      caption.textContent = `Ranking under your mix: ${summary.dataset}${summary.period ? ', ' + summary.period : ''}`;
      const rows = ranking.entries.map((e) => {
        const tr = document.createElement('tr');
        const cells = [String(e.rank), e.title, e.artist, e.scoreText];  // the score as the canvas shows it
        cells.forEach((text, i) => {
          const cell = document.createElement(i === 0 ? 'th' : 'td');
          if (i === 0) cell.scope = 'row';
          cell.textContent = text;
          tr.appendChild(cell);
        });
        return tr;
      });
      body.replaceChildren(...rows);
      const top = summary.top ? `“${summary.top.title}” by ${summary.top.artist}` : 'nothing';
      const official = summary.official ? `; the official #1 (${summary.official.chart}) is “${summary.official.title}” by ${summary.official.artist}` : '';
      const sentence = `Under your mix, #1 is ${top}${official}.`;
      if (sentence !== lastTop) { live.textContent = sentence; lastTop = sentence; }
    },
    notice(text, isError) {
      alert.textContent = isError ? text : '';
      if (!isError && text) live.textContent = text;
    },
  };
}

// [SECTION] IME overlay: a real <input> over the canvas while the UI's text field is focused, so
// Korean / Chinese composition, paste and the OS keyboard work; committed text goes to the core.
function makeOverlay(app) {
  const input = document.createElement('input');
  input.type = 'text';
  input.className = 'chartmix-ime';
  input.setAttribute('aria-label', 'Search songs and artists');
  input.hidden = true;
  const parent = app.canvas.parentElement;
  if (getComputedStyle(parent).position === 'static') parent.style.position = 'relative';
  app.canvas.insertAdjacentElement('afterend', input);
  let composing = false;
  const commit = () => {
    try { app._withStrings([input.value], (p) => app.core._chartmix_set_text_input(p)); } catch (err) { app.notify(err.message, true); }
  };
  input.addEventListener('compositionstart', () => { composing = true; });
  input.addEventListener('compositionend', () => { composing = false; commit(); });
  input.addEventListener('input', (e) => { if (!composing && !e.isComposing) commit(); });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' || (e.key === 'Enter' && !e.isComposing)) {
      commit();
      if (e.key === 'Enter') app.core._chartmix_submit_text_input();  // the app's field acts on Enter (a URL loads, a weight applies)
      app.canvas.focus();
    }
  });
  return {
    input,
    show(active, x, y, w, h, text) {
      if (!active) {
        const had = document.activeElement === input;
        input.hidden = true;
        if (had) app.canvas.focus();
        return;
      }
      const left = app.canvas.offsetLeft, top = app.canvas.offsetTop;
      Object.assign(input.style, { left: `${left + x}px`, top: `${top + y}px`, width: `${w}px`, height: `${h}px` });
      if (!composing && input.value !== text) input.value = text;
      input.hidden = false;
      if (document.activeElement !== input) input.focus({ preventScroll: true });
    },
  };
}

// True inside an iframe: a frame's history entries join the host page's session history.
function framed() {
  try { return window.self !== window.top; } catch { return true; }
}

// [SECTION] the view in the URL: pushState for discrete changes, replaceState while a slider drags.
// Inside a frame every change replaces the entry, so the host page's Back button stays its own.
function makeUrlSync(app) {
  let gesture = false, timer = 0, applying = false, pending = null;
  const inFrame = framed();
  const write = (push) => {
    const hash = app.getView();
    if (hash === location.hash) return;
    if (push && !inFrame) history.pushState(null, '', hash);
    else history.replaceState(null, '', hash);
  };
  // A fragment typed into the address bar fires popstate and then hashchange: the second finds the
  // first still applying that fragment (perhaps waiting on a question) and leaves it alone.
  const onNavigate = async () => {
    const hash = location.hash;
    if (hash === app.getView() || hash === pending) return;
    pending = hash;
    applying = true;
    try {
      const ok = await app.applyView(hash.length > 1 ? hash : '#v1&d=demo');
      if (!ok) history.replaceState(null, '', app.getView());  // a tampered link: show the defaults' own link
    } finally {
      applying = false;
      if (pending === hash) pending = null;
    }
  };
  window.addEventListener('popstate', onNavigate);
  window.addEventListener('hashchange', onNavigate);
  return {
    changed(dragging, first) {
      if (first) { setTimeout(() => write(false), 0); return; }  // the link of the start view: once the first frame is on screen
      clearTimeout(timer);
      if (applying) { write(false); return; }
      if (dragging) {
        if (!gesture) { gesture = true; write(true); } else timer = setTimeout(() => write(false), 150);
      } else if (gesture) { gesture = false; write(false); } else write(true);
    },
  };
}

// Binds the instance to its page. host is the object the core calls (Module.chartmixHost).
export function attachPage(app, host) {
  const { canvas } = app;
  const mirror = app.options.accessible ? makeMirror(app) : null;
  const overlay = makeOverlay(app);
  const url = app.options.syncUrl ? makeUrlSync(app) : null;
  app.textInput = overlay.input;
  app.accessibleTable = mirror && mirror.table;
  let lastRevision = -1, wasDragging = false, pngWaiters = [], figureWaiters = [], mirrorTimer = 0;

  host.frame = (count, revision, dragging) => {
    if (pngWaiters.length) {  // right after a frame, while the drawing buffer still holds it
      const waiters = pngWaiters;
      pngWaiters = [];
      canvas.toBlob((blob) => waiters.forEach((w) => w(blob)), 'image/png');
    }
    if (revision === lastRevision && !(wasDragging && !dragging)) { wasDragging = dragging; return; }
    const first = lastRevision < 0;
    lastRevision = revision;
    wasDragging = dragging;
    if (url) url.changed(dragging, first);
    if (mirror) {  // after the frame is on screen, not inside it: a table of 100 rows costs more than a frame
      clearTimeout(mirrorTimer);
      mirrorTimer = setTimeout(() => mirror.update(), dragging ? 300 : 0);
    }
    if (!first) app._changed(revision, dragging);
  };
  host.notice = (text, isError) => {
    app.lastNotice = { text, error: isError };
    if (mirror) mirror.notice(text, isError);
  };
  host.textInput = (active, x, y, w, h, text) => overlay.show(active, x, y, w, h, text);
  // The compact layout's natural height at this width; with fitContent the canvas takes it.
  host.contentHeight = (h) => {
    app.contentHeight = Number(h);
    if (app.options.fitContent) canvas.style.height = `${app.contentHeight}px`;
  };

  const picker = document.createElement('input');
  picker.type = 'file';
  picker.multiple = true;
  picker.accept = '.csv,.json,.tsv,.txt,text/csv,application/json';
  picker.hidden = true;
  canvas.insertAdjacentElement('afterend', picker);
  const loadList = (files) => app.loadFiles(Array.from(files)).catch(() => { /* the app shows the core's notice */ });
  picker.addEventListener('change', () => { if (picker.files.length) loadList(picker.files); picker.value = ''; });
  host.openFiles = () => picker.click();
  // The app's address field takes a catalogue id ("billboard-hot100-2023", "catalog:…") or a URL.
  host.loadUrl = async (u) => {
    const id = u.startsWith('catalog:') ? u.slice(8) : u.trim();
    const known = (await app.catalogue().catch(() => [])).some((e) => e.id === id);
    (known ? app.loadCatalogue(id) : app.loadUrl(u.trim())).catch(() => { /* the app shows why */ });
  };
  host.cancelLoad = () => app.cancelLoad();
  host.loadCatalogue = (id) => { app.loadCatalogue(id).catch(() => { /* the app shows why */ }); };
  host.remember = (key, value) => { if (app.options.remember) app.options.remember(key, value); };
  // A view fragment ("#v1&…") from the app's "Copy link" becomes this page's link with that view.
  host.copyText = (text) => app.copyText(text.startsWith('#v') ? location.href.replace(/#.*$/, '').replace(/embed\.html(\?.*)?$/, 'index.html') + text : text);
  host.clipboardWrite = (text) => { navigator.clipboard?.writeText(text).catch(() => { /* no permission: the app keeps its own copy */ }); };
  document.addEventListener('paste', (e) => {
    if (document.activeElement !== canvas || !e.clipboardData) return;
    const text = e.clipboardData.getData('text/plain');
    try { app._withStrings([text], (p) => app.core._chartmix_set_clipboard(p)); } catch (err) { app.notify(err.message, true); }
  });
  host.saveFile = (name, mime, bytes) => download(name, mime, bytes);
  host.saveFigure = () => { app.exportFigure().catch((err) => app.notify(err.message, true)); };
  // The core's figure pixels ("2400x1500", RGBA top row first) become a PNG for whoever asked.
  host.figureReady = (size, _unused, rgba) => {
    const waiters = figureWaiters;
    figureWaiters = [];
    const [width, height] = size.split('x').map(Number);
    if (!rgba || !rgba.length || rgba.length !== width * height * 4) {
      waiters.forEach((w) => w.reject(new Error('The figure could not be drawn: this browser has no room for a picture that size.')));
      return;
    }
    const canvas2d = document.createElement('canvas');
    canvas2d.width = width;
    canvas2d.height = height;
    canvas2d.getContext('2d').putImageData(new ImageData(new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.length), width, height), 0, 0);
    canvas2d.toBlob((blob) => waiters.forEach((w) => w.resolve(blob)), 'image/png');
  };
  // Font files the UI asks for, one call each, fetched in parallel from the page's own fonts/ folder:
  // chartmix-latin.ttf at start, cjk/index.bin and the cjk/NNN.otf chunks only when the text needs them.
  app.fontsLoaded = [];
  host.loadFont = async (file) => {
    let bytes = new Uint8Array(0);  // handed in empty when the fetch fails: the UI stops waiting, '?' stays
    try {
      const response = await fetch(new URL(`fonts/${file}`, app.options.baseUrl), { credentials: 'same-origin' });
      if (response.ok) bytes = new Uint8Array(await response.arrayBuffer());
    } catch { /* offline: the built-in font stays */ }
    const ptr = bytes.length ? app.core._malloc(bytes.length) : 0;
    if (ptr) app.core.HEAPU8.set(bytes, ptr);
    try { app._withStrings([file], (name) => app.core._chartmix_set_font(name, ptr, ptr ? bytes.length : 0)); } catch { /* no room */ }
    if (ptr) app.core._free(ptr);
    if (ptr) app.fontsLoaded.push(file);
  };

  // [SECTION] keyboard and touch. Tab walks the canvas's controls (src/ui/keyboard_focus.h); at the
  // last (Shift+Tab: first) one the browser gets the key, so the keyboard is never trapped.
  let lastTab = { time: -1e9, shift: false };
  document.addEventListener('keydown', (e) => { if (e.key === 'Tab') lastTab = { time: performance.now(), shift: e.shiftKey }; }, true);
  window.addEventListener('keydown', (e) => {
    if (e.key !== 'Tab' || document.activeElement !== canvas || e.ctrlKey || e.altKey || e.metaKey) return;
    if (app.core._chartmix_tab_leaves(e.shiftKey ? 1 : 0)) e.stopPropagation();  // not to SDL: the browser moves the focus on
  }, true);
  canvas.addEventListener('focus', () => {
    if (performance.now() - lastTab.time < 1000) app.core._chartmix_keyboard_focus(lastTab.shift ? -1 : 1);
  });
  canvas.addEventListener('blur', () => app.core._chartmix_keyboard_focus(0));
  // The browser took a touch for its own scrolling (an embed lets vertical swipes scroll the article).
  canvas.addEventListener('touchcancel', () => app.core._chartmix_cancel_touch());
  app._withStrings([app.options.baseUrl], (p) => app.core._chartmix_set_published_base(p));  // for the Embed dialog
  if (window.matchMedia) app.core._chartmix_set_coarse_pointer(window.matchMedia('(pointer: coarse)').matches ? 1 : 0);

  // A pointer on the canvas gives it the keyboard: without it, typing after a click went nowhere.
  canvas.addEventListener('pointerdown', () => { if (document.activeElement !== canvas) canvas.focus({ preventScroll: true }); });
  canvas.addEventListener('dragover', (e) => { e.preventDefault(); if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'; });
  canvas.addEventListener('drop', (e) => {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length) loadList(e.dataTransfer.files);
  });
  // SDL resizes the canvas on window resize events; a container that changes size alone sends one too.
  if (typeof ResizeObserver !== 'undefined') {
    let last = '';
    new ResizeObserver(() => {
      const size = `${canvas.clientWidth}x${canvas.clientHeight}x${devicePixelRatio}`;
      if (size !== last) { last = size; window.dispatchEvent(new Event('resize')); }
    }).observe(canvas);
  }

  // Exports: the open panel as a figure (PNG), the ranking as CSV, the mix as JSON; the whole
  // canvas as it is on screen (capturePng) for tests and bug reports.
  app.captureFigure = () => new Promise((resolve, reject) => {
    figureWaiters.push({ resolve, reject });
    app.core._chartmix_request_figure();
  });
  app.exportFigure = async () => {
    const blob = await app.captureFigure();
    download('chartmix-figure.png', 'image/png', blob);
    return blob;
  };
  app.capturePng = () => new Promise((resolve) => pngWaiters.push(resolve));
  app.exportPng = async () => download('chartmix-view.png', 'image/png', await app.capturePng());
  app.exportCsv = () => download('chartmix-ranking.csv', 'text/csv', app.getRankingCsv());
  app.exportMix = () => download('chartmix-mix.json', 'application/json', JSON.stringify(app.getMix(), null, 2) + '\n');
  app.copyText = async (text) => {
    try {
      await navigator.clipboard.writeText(text);
      app.notify('Copied to the clipboard.');
      return true;
    } catch {
      app.notify('The browser did not allow copying: select the text and copy it by hand.', true);
      return false;
    }
  };
  app.copyLink = () => app.copyText(app.shareLink());
}
