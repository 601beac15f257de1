// The full-page app: starts chartmix on the page's canvas and exposes it as window.chartmix for
// tests and the browser console.
import { create } from './chartmix.js';

const status = document.getElementById('status');

async function start() {
  try {
    const app = await create(document.getElementById('canvas'));
    window.chartmix = app;
    await app.ready();
    status.textContent = '';
  } catch (err) {
    status.textContent = 'chartmix could not start: ' + err.message;
    throw err;
  }
}

start();
