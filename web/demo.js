/*
 * The demo page renders the article from GET /api/article itself, so that the citations' offsets (UTF-16 indices
 * into the article's text) map exactly onto the page, and it lights up the sentence a citation points at when the
 * widget announces a citation click with the `article-chat:cite` event.
 *
 * A server with one article: the page is that article. With several (GET /api/articles), `/` lists them, with a
 * chat that answers from all of them, and `/?article=ID` opens one, with a chat scoped to it (data-article).
 */
'use strict';

(() => {
  const chosen = new URLSearchParams(location.search).get('article');
  if (chosen) {
    // Deferred scripts run in order, so the widget reads its attributes after this: it asks of this article alone.
    const chat = document.getElementById('chat');
    chat.dataset.article = chosen;
    delete chat.dataset.questions; // the suggested questions are about the article that `/` shows
  }

  const title = document.getElementById('article-title');
  const body = document.getElementById('article-body');
  const segments = []; // {start, end, node}: one text span per passage or gap between passages, in order
  let article = null;

  /** GET a path's JSON; a refusal rejects with the server's own message (its JSON `error`). */
  async function getJson(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    if (response.ok) return response.json();
    const refusal = await response.json().catch(() => ({}));
    throw new Error(typeof refusal.error === 'string' ? refusal.error : `The server answered ${response.status}.`);
  }

  /** Each line of the text is a paragraph; inside it, passages and the text between them are spans with offsets. */
  function render(data) {
    article = data;
    document.title = `${data.title} \u2014 article-chat`;
    title.textContent = data.title;
    const passages = [...data.passages].sort((a, b) => a.start - b.start);
    let lineStart = 0;
    for (const line of data.text.split('\n')) {
      const lineEnd = lineStart + line.length;
      if (line.trim()) {
        const p = document.createElement('p');
        const inLine = passages.filter((x) => x.start >= lineStart && x.end <= lineEnd);
        if (!inLine.length) p.className = 'byline';
        let at = lineStart;
        for (const passage of inLine) {
          if (passage.start > at) p.append(segment(at, passage.start));
          p.append(segment(passage.start, passage.end, passage.id));
          at = passage.end;
        }
        if (at < lineEnd) p.append(segment(at, lineEnd));
        body.append(p);
      }
      lineStart = lineEnd + 1;
    }
    title.closest('article').setAttribute('aria-busy', 'false');
  }

  function segment(start, end, passageId) {
    const node = document.createElement('span');
    if (passageId) node.dataset.passage = passageId;
    node.textContent = article.text.slice(start, end);
    segments.push({ start, end, node });
    return node;
  }

  /** A link that opens one article, marked as the page's own when it is the one shown. */
  function linkTo(entry, current) {
    const link = document.createElement('a');
    link.href = `?article=${encodeURIComponent(entry.id)}`;
    link.textContent = entry.title;
    if (entry.id === current) link.setAttribute('aria-current', 'page');
    return link;
  }

  const item = (...children) => {
    const li = document.createElement('li');
    li.append(...children);
    return li;
  };

  /** `/` on a server with several articles: the list of them is the page. */
  function renderList(list) {
    document.title = 'Articles \u2014 article-chat';
    title.textContent = 'Articles on this server';
    document.getElementById('hint').textContent = 'Open an article to read it and ask about it alone; the chat at '
      + 'the bottom right answers from all of them, and names the article each citation comes from.';
    document.getElementById('answers-from').textContent = 'Answers come from these articles only';
    const ul = document.createElement('ul');
    ul.className = 'article-list';
    for (const entry of list) {
      const count = document.createElement('span');
      count.className = 'passages';
      count.textContent = `${entry.passages} passages`;
      ul.append(item(linkTo(entry), count));
    }
    body.replaceChildren(ul);
    title.closest('article').setAttribute('aria-busy', 'false');
  }

  /** One article of several: the others are a link away, and so is the list. */
  function renderLinks(list, current) {
    const all = document.createElement('a');
    all.href = './';
    all.textContent = 'All articles';
    const links = list.map((entry) => item(linkTo(entry, current)));
    document.getElementById('article-links').replaceChildren(item(all), ...links);
    document.getElementById('articles').hidden = false;
  }

  function failed(error) {
    title.textContent = 'The article could not be loaded';
    const p = document.createElement('p');
    p.className = 'error';
    p.textContent = `${error.message} Reload the page to try again.`;
    body.replaceChildren(p);
    title.closest('article').setAttribute('aria-busy', 'false');
  }

  function clearHighlight() {
    for (const s of segments) {
      if (s.node.childElementCount) s.node.textContent = article.text.slice(s.start, s.end);
    }
  }

  /** Marks exactly text[start, end), which may run over several spans; returns the marks. */
  function highlight(start, end) {
    clearHighlight();
    const marks = [];
    for (const s of segments) {
      const from = Math.max(start, s.start);
      const to = Math.min(end, s.end);
      if (from >= to) continue;
      const mark = document.createElement('mark');
      mark.className = 'cited';
      mark.textContent = article.text.slice(from, to);
      s.node.replaceChildren(article.text.slice(s.start, from), mark, article.text.slice(to, s.end));
      marks.push(mark);
    }
    return marks;
  }

  window.addEventListener('article-chat:cite', (event) => {
    const { start, end, quote, articleId } = event.detail || {};
    if (!article || (articleId && articleId !== article.id)) return;
    // Offsets that do not hold the quote (another version of the article) are left to the widget's own list.
    if (!Number.isInteger(start) || article.text.slice(start, end) !== quote) return;
    const marks = highlight(start, end);
    if (!marks.length) return;
    event.preventDefault(); // tells the widget the page showed the sentence
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    marks[0].scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
  });

  // Both asked at once: with one article served (the usual case) the page needs both, and waits for one round trip.
  // docs/API.md's {"articles": [...]}, or the bare list that this project's servers sent before they followed it.
  const listed = getJson('/api/articles').then((reply) => (Array.isArray(reply) ? reply : reply.articles));
  const shown = getJson(chosen ? `/api/article?id=${encodeURIComponent(chosen)}` : '/api/article');
  shown.catch(() => {}); // not needed on the list of articles; where it is, its failure is shown below

  (async () => {
    try {
      const list = await listed;
      if (list.length > 1 && !chosen) {
        renderList(list);
        return;
      }
      if (list.length > 1) renderLinks(list, chosen);
      render(await shown);
    } catch (error) {
      failed(error);
    }
  })();
})();
