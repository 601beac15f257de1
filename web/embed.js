// The embedded widget (embed.html inside an iframe): compact layout, the view in the iframe's own
// fragment, and its content height posted to the host page, where embed-loader.js sizes the iframe.
// Messages from the host page are accepted only in the expected shape, and only from the origin
// given as ?origin= when the embed code sets one.
import { create } from './chartmix.js';

const status = document.getElementById('status');
// A set-mix message holds one mix: a mix for a thousand sources is a few tens of KB and a few
// thousand keys; anything far larger is refused before the engine reads it.
const kMaxMixMessageBytes = 256 * 1024;
const kMaxMixMessageKeys = 5000;
const params = new URLSearchParams(location.search);
const parentOrigin = params.get('origin');  // optional: the only origin allowed to talk to this widget

// Number of keys and array elements in a structured-clone value; counting stops past limit (no recursion).
function keyCount(value, limit) {
  let count = 0;
  const stack = [value];
  while (stack.length && count <= limit) {
    const v = stack.pop();
    if (!v || typeof v !== 'object') continue;
    const keys = Object.keys(v);
    count += keys.length;  // array elements too: they cost the same to read
    for (const k of keys) if (v[k] && typeof v[k] === 'object') stack.push(v[k]);
  }
  return count;
}

// The mix of a set-mix message as JSON, or a sentence saying why it is refused.
function mixFromMessage(mix) {
  if (keyCount(mix, kMaxMixMessageKeys) > kMaxMixMessageKeys) return { error: `The page sent a mix with more than ${kMaxMixMessageKeys} keys; the widget keeps its mix.` };
  let text;
  try { text = JSON.stringify(mix); } catch { return { error: 'The page sent a mix that is not JSON; the widget keeps its mix.' }; }
  if (text.length > kMaxMixMessageBytes) return { error: `The page sent a mix of more than ${kMaxMixMessageBytes / 1024} KB; the widget keeps its mix.` };
  return { text };
}

function postHeight() {
  if (window.parent === window) return;
  const height = Math.ceil(document.getElementById('app').getBoundingClientRect().height);
  window.parent.postMessage({ type: 'chartmix:height', height }, parentOrigin || '*');
}

async function start() {
  try {
    const app = await create(document.getElementById('canvas'), { compact: true, syncUrl: true, fitContent: true });
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
        const { text, error } = mixFromMessage(m.mix);
        if (error) { app.notify(error, true); return; }
        try { app.setMix(text); } catch (err) { app.notify(err.message, true); }
      }
    });
  } catch (err) {
    status.textContent = 'chartmix could not start: ' + err.message;
    throw err;
  }
}

start();
