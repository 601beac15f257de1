// The full-page app: starts chartmix on the page's canvas with the view in the URL fragment, and
// exposes it as window.chartmix for tests and the browser console.
//   index.html?mirror=/datasets/   reads the catalogue's datasets from a local mirror (offline classrooms)
import { create } from './chartmix.js';

const status = document.getElementById('status');

async function start() {
  try {
    const params = new URLSearchParams(location.search);
    // A link could carry ?mirror= or ?catalogue=: only this server's own copies are accepted.
    const local = (name) => {
      const value = params.get(name);
      if (!value) return undefined;
      try { return new URL(value, location.href).origin === location.origin ? value : undefined; } catch { return undefined; }
    };
    // Preferences the reader set (theme, the welcome dismissed), where the browser allows storage.
    const stored = (key) => { try { return localStorage.getItem('chartmix.' + key); } catch { return null; } };
    const app = await create(document.getElementById('canvas'), {
      syncUrl: true,
      mirror: local('mirror'),
      catalogueUrl: local('catalogue'),
      theme: stored('theme') === 'light' ? 'light' : undefined,
      // A shared link opens its view directly; the welcome is for a first visit to the app itself.
      welcome: !stored('welcome') && location.hash.length <= 1,
      remember: (key, value) => { try { localStorage.setItem('chartmix.' + key, value); } catch { /* storage blocked: forget quietly */ } },
    });
    window.chartmix = app;
    await app.ready();
    status.textContent = '';
  } catch (err) {
    status.textContent = 'chartmix could not start: ' + err.message;
    throw err;
  }
}

start();
