import { el } from './dom.js';

/**
 * Speaks streamed text a sentence or so at a time: screen readers cannot follow token-by-token updates. Each
 * batch is a new node in a polite live region, so batches queue instead of cutting each other off.
 */
export function speaker(announcer) {
  let pending = '';
  let timer = 0;
  const say = (text) => {
    const words = text.replace(/\s*\[\d+\]/g, '').trim();
    if (!words) return;
    announcer.append(el('p', {}, words));
    while (announcer.childElementCount > 4) announcer.firstElementChild.remove();
  };
  const flush = () => {
    clearTimeout(timer);
    timer = 0;
    say(pending);
    pending = '';
  };
  return {
    add(text) {
      pending += text;
      let end = -1;
      for (const m of pending.matchAll(/[.!?\u2026]["\u201d\u2019)\]]*(?=\s)/g)) end = m.index + m[0].length;
      if (end > 40) {
        say(pending.slice(0, end));
        pending = pending.slice(end);
      }
      if (!timer) timer = setTimeout(flush, 2500); // a long sentence is still read while it streams
    },
    /** The answer is complete: says what is left, or `final` instead when the streamed text was replaced. */
    done(final) {
      clearTimeout(timer);
      say(final === undefined ? pending : final);
      pending = '';
    },
  };
}
