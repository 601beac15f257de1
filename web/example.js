// docs/embedding.md walks through this file: two independent widgets, one re-weighted by script,
// each reporting its #1 whenever its ranking changes.
import { create } from './chartmix.js';

const log = document.getElementById('log');
const say = (line) => { log.textContent = (log.textContent + line + '\n').split('\n').slice(-8).join('\n'); };

async function start() {
  const left = await create(document.getElementById('left'), { compact: true });
  const right = await create(document.getElementById('right'), { compact: true });
  window.widgets = [left, right];
  await Promise.all([left.ready(), right.ready()]);

  right.subscribe(() => {
    const top = right.getRanking(1).entries[0];
    say(`right widget: #1 is now ${top ? `${top.title} by ${top.artist}` : 'nothing'}`);
  });
  // Triple the weight of the first source on the right.
  const mix = right.getMix();
  const first = right.getRanking(1).sources[0];
  if (first) right.setMix({ ...mix, weights: { '*': 1, [first]: 3 } });
  say(`left widget: #1 is ${left.getRanking(1).entries[0]?.title ?? 'nothing'} (equal weights)`);
}

start().catch((err) => say('chartmix could not start: ' + err.message));
