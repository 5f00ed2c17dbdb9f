import { el, uid } from './dom.js';

/**
 * An answer as the reader sees it: its [n] markers as buttons, then its sources; no sources when it was not
 * answered. When `titles` gives a promise of the served articles' titles by id (it does when the citations may
 * come from several articles), each source shows the title of its article once the titles are known.
 *
 * @param view {node, bubble} of the message
 * @param onCite called with (citation, the message's node) when a citation is picked
 * @param titles (citations) => a promise of Map(articleId → title), or null when there is nothing to tell apart
 */
export function renderAnswer({ node, bubble }, answer, { onCite, titles }) {
  const citations = new Map((Array.isArray(answer.citations) ? answer.citations : []).map((c) => [c.n, c]));
  const quoteIds = new Map([...citations.keys()].map((n) => [n, uid('quote')]));
  const citeButton = (citation) => el('button', {
    class: 'cite', type: 'button', 'aria-label': `Source ${citation.n}`, 'data-quote': String(citation.quote),
    'aria-describedby': quoteIds.get(citation.n), onclick: (e) => onCite(citation, e.currentTarget.closest('.msg')),
  }, String(citation.n));
  bubble.replaceChildren();
  const text = String(answer.answer);
  let last = 0;
  for (const match of text.matchAll(/\[(\d+)\]/g)) {
    const citation = citations.get(Number(match[1]));
    if (!citation) continue;
    bubble.append(text.slice(last, match.index), citeButton(citation));
    last = match.index + match[0].length;
  }
  bubble.append(text.slice(last));
  node.classList.remove('pending');
  if (answer.answered === false || citations.size === 0) {
    node.classList.add('unanswered');
    node.append(el('span', { class: 'note' }, 'Not answered from the article: no sources.'));
    return;
  }
  const sources = [...citations.values()].map((citation) => ({
    citation, source: el('div', { class: 'source' }, el('q', { id: quoteIds.get(citation.n) }, String(citation.quote))),
  }));
  const headingId = uid('sources');
  node.append(el('section', { class: 'sources', 'aria-labelledby': headingId },
    el('h3', { id: headingId }, 'Sources'),
    el('ol', {}, ...sources.map(({ citation, source }) => el('li', { 'data-n': String(citation.n) },
      citeButton(citation), source)))));
  const named = titles([...citations.values()]);
  if (!named) return;
  named.then((byId) => {
    for (const { citation, source } of sources) {
      const title = byId && byId.get(citation.articleId);
      if (title) source.append(el('cite', {}, title));
    }
  }, () => {
    // The titles only tell the articles apart; without them the sources still show every quote.
  });
}
