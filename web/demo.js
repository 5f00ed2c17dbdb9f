/*
 * The demo page renders the article from GET /api/article itself, so that the citations' offsets (UTF-16 indices
 * into the article's text) map exactly onto the page, and it lights up the sentence a citation points at when the
 * widget announces a citation click with the `article-chat:cite` event.
 */
'use strict';

(() => {
  const title = document.getElementById('article-title');
  const body = document.getElementById('article-body');
  const segments = []; // {start, end, node}: one text span per passage or gap between passages, in order
  let article = null;

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

  fetch('/api/article')
    .then((response) => {
      if (!response.ok) throw new Error(`The server answered ${response.status}.`);
      return response.json();
    })
    .then(render)
    .catch((error) => {
      title.textContent = 'The article could not be loaded';
      const p = document.createElement('p');
      p.className = 'error';
      p.textContent = `${error.message} Reload the page to try again.`;
      body.replaceChildren(p);
    });
})();
