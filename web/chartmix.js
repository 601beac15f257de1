// chartmix JS API: a small wrapper over the wasm core's C exports.
//   import { create } from './chartmix.js';
//   const app = await create(document.querySelector('canvas'));
// Every instance owns its own wasm module, so a page can hold several widgets.
import createChartmixCore from './chartmix-core.js';

export class ChartmixError extends Error {}

class Chartmix {
  constructor(core, canvas) {
    this.core = core;
    this.canvas = canvas;
  }

  // Version string of the ranking core.
  get version() { return this.core.UTF8ToString(this.core._chartmix_version()); }

  // Number of frames drawn so far (0 until the first frame is on screen).
  get framesDrawn() { return this.core.framesDrawn || 0; }

  // Resolves once the first frame is on screen.
  ready() {
    if (this.framesDrawn > 0) return Promise.resolve(this);
    return new Promise((resolve) => this.canvas.addEventListener('chartmix:ready', () => resolve(this), { once: true }));
  }
}

// Starts chartmix on a canvas. Resolves when the core is running (call ready() for the first frame).
export async function create(canvas, options = {}) {
  if (!(canvas instanceof HTMLCanvasElement)) throw new ChartmixError('create() needs a <canvas> element');
  const base = options.baseUrl || new URL('.', import.meta.url).href;
  const core = await createChartmixCore({
    canvas,
    locateFile: (path) => new URL(path, base).href,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
  });
  return new Chartmix(core, canvas);
}
