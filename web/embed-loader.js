// chartmix embed loader: sizes every <iframe data-chartmix-embed> to the height its widget reports
// (like Datawrapper's and Flourish's embed scripts). Include once per page, after the iframes:
//   <iframe src="https://example.org/chartmix/embed.html#v1&d=demo…" data-chartmix-embed …></iframe>
//   <script src="https://example.org/chartmix/embed-loader.js" async></script>
// A message counts only when it comes from one of those iframes' windows, from that iframe's own
// origin (or data-chartmix-origin when set), and has the shape { type: 'chartmix:height', height }.
(function () {
  if (window.chartmixEmbedLoader) return;
  window.chartmixEmbedLoader = true;
  function frames() { return Array.prototype.slice.call(document.querySelectorAll('iframe[data-chartmix-embed]')); }
  window.addEventListener('message', function (e) {
    var m = e.data;
    if (!m || typeof m !== 'object' || m.type !== 'chartmix:height') return;
    var h = m.height;
    if (typeof h !== 'number' || !isFinite(h) || h < 50 || h > 10000) return;
    var frame = frames().filter(function (f) { return f.contentWindow === e.source; })[0];
    if (!frame) return;
    var expected = frame.getAttribute('data-chartmix-origin');
    try { expected = expected || new URL(frame.src, location.href).origin; } catch (err) { return; }
    if (e.origin !== expected) return;
    frame.style.height = Math.round(h) + 'px';
  });
  // Widgets that loaded before this script: ask them again.
  frames().forEach(function (f) {
    try { f.contentWindow.postMessage({ type: 'chartmix:get-height' }, new URL(f.src, location.href).origin); } catch (err) { /* not ready */ }
  });
})();
