// The embedded widget (embed.html inside an iframe): compact layout, the view in the iframe's own
// fragment, and its content height posted to the host page, where embed-loader.js sizes the iframe.
// Messages from the host page are accepted only in the expected shape, and only from the origin
// given as ?origin= when the embed code sets one.
import { create } from './chartmix.js';

const status = document.getElementById('status');
const params = new URLSearchParams(location.search);
const parentOrigin = params.get('origin');  // optional: the only origin allowed to talk to this widget

function postHeight() {
  if (window.parent === window) return;
  const height = Math.ceil(document.getElementById('app').getBoundingClientRect().height);
  window.parent.postMessage({ type: 'chartmix:height', height }, parentOrigin || '*');
}

async function start() {
  try {
    const app = await create(document.getElementById('canvas'), { compact: true, syncUrl: true });
    window.chartmix = app;
    await app.ready();
    status.textContent = '';
    new ResizeObserver(postHeight).observe(document.getElementById('app'));
    postHeight();
    window.addEventListener('message', (e) => {
      if (parentOrigin && e.origin !== parentOrigin) return;
      if (e.source !== window.parent) return;
      const m = e.data;
      if (!m || typeof m !== 'object' || typeof m.type !== 'string') return;
      if (m.type === 'chartmix:get-height') postHeight();
      else if (m.type === 'chartmix:set-mix' && m.mix && typeof m.mix === 'object') {
        try { app.setMix(m.mix); } catch (err) { app.notify(err.message, true); }
      }
    });
  } catch (err) {
    status.textContent = 'chartmix could not start: ' + err.message;
    throw err;
  }
}

start();
