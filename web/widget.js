/*
 * article-chat widget. One tag adds a launcher and a chat panel to any page:
 *
 *   <script src="https://HOST/widget.js" data-api="https://HOST" defer></script>
 *
 * A classic script rather than a module: it reads its settings from document.currentScript, which modules lack.
 * It renders inside a Shadow DOM, so the host page's CSS cannot reach it and its CSS cannot reach the page, and
 * its styles are a constructed stylesheet, which a host page's Content-Security-Policy does not count as inline.
 * Model and user text only ever enter the page as text nodes, never as HTML.
 */
(() => {
  'use strict';

  const script = document.currentScript;
  if (!script || document.querySelector('article-chat')) return; // loaded twice: one widget is enough

  const data = script.dataset;
  const api = (data.api || new URL(script.src, location.href).origin).replace(/\/+$/, '');
  const settings = {
    title: data.title || 'Ask the article',
    greeting: data.greeting || 'Ask me about this article. Every answer cites the sentences it rests on.',
    questions: (data.questions || '').split('|').map((q) => q.trim()).filter(Boolean),
    position: data.position === 'left' ? 'left' : 'right',
    open: data.open === '' || data.open === 'true',
    theme: data.theme === 'light' || data.theme === 'dark' ? data.theme : 'auto',
  };
  const STORE = 'article-chat:' + api;
  const MAX_HISTORY = 20; // turns the API accepts (API.md)
  const CITE_EVENT = 'article-chat:cite';

  const LIGHT = '--bg:#fff;--fg:#1b1f24;--muted:#59636e;--line:#d1d9e0;--bubble:#f1f3f5;--accent:#0b57d0;' +
    '--on-accent:#fff;--user:#0b57d0;--on-user:#fff;--error:#b3261e;--tip-bg:#1b1f24;--tip-fg:#fff;--flash:#fff3bf;';
  const DARK = '--bg:#16191d;--fg:#e6e8eb;--muted:#a3adb8;--line:#3a4148;--bubble:#242a31;--accent:#8ab4f8;' +
    '--on-accent:#0b1a33;--user:#2a4d8f;--on-user:#fff;--error:#f2b8b5;--tip-bg:#e6e8eb;--tip-fg:#16191d;--flash:#4a3f12;';
  const CSS = `
.root{all:initial;${LIGHT}font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg)}
.root.dark{${DARK}}
@media (prefers-color-scheme:dark){.root.auto{${DARK}}}
.root *,.root *::before,.root *::after{box-sizing:border-box}
[hidden]{display:none!important}
button{font:inherit;color:inherit;cursor:pointer}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.launcher{position:fixed;bottom:20px;right:20px;z-index:2147483000;width:56px;height:56px;border:0;
  border-radius:50%;background:var(--accent);color:var(--on-accent);display:grid;place-items:center;
  box-shadow:0 4px 14px rgba(0,0,0,.3)}
.launcher svg{width:28px;height:28px;fill:currentColor}
.left .launcher{right:auto;left:20px}
.panel{position:fixed;bottom:88px;right:20px;z-index:2147483000;width:min(410px,calc(100vw - 40px));
  height:min(620px,calc(100vh - 108px));display:flex;flex-direction:column;background:var(--bg);color:var(--fg);
  border:1px solid var(--line);border-radius:14px;box-shadow:0 10px 40px rgba(0,0,0,.28);overflow:hidden}
.left .panel{right:auto;left:20px}
@media (max-width:480px){
  .panel,.left .panel{inset:0;width:auto;height:auto;border:0;border-radius:0}
  .open .launcher{display:none}
}
.head{display:flex;align-items:center;gap:6px;padding:10px 10px 10px 16px;border-bottom:1px solid var(--line)}
.head h2{flex:1;margin:0;font-size:16px;font-weight:650}
.plain{border:1px solid transparent;background:none;border-radius:8px;padding:6px 10px;min-height:36px;font-size:14px}
.plain:hover{border-color:var(--line)}
.log{flex:1;overflow-y:auto;padding:14px 14px 6px;display:flex;flex-direction:column;gap:14px;
  overscroll-behavior:contain}
.msg{max-width:92%;display:flex;flex-direction:column;gap:3px}
.msg.user{align-self:flex-end;align-items:flex-end}
.author{font-size:12px;color:var(--muted)}
.bubble{padding:9px 13px;border-radius:14px;background:var(--bubble);white-space:pre-wrap;overflow-wrap:anywhere}
.user .bubble{background:var(--user);color:var(--on-user)}
.unanswered .bubble{background:none;border:1px dashed var(--line)}
.error .bubble{background:none;border:1px solid var(--error)}
.note{font-size:12px;color:var(--muted)}
.error .note{color:var(--error)}
.pending .bubble:empty::after{content:"Thinking\u2026";color:var(--muted)}
.cite{display:inline-block;min-width:24px;height:24px;margin:0 1px;padding:0 6px;border:1px solid var(--accent);
  border-radius:7px;background:var(--bg);color:var(--accent);font-size:12px;font-weight:650;line-height:22px;
  vertical-align:baseline;text-align:center}
.cite:hover{background:var(--accent);color:var(--on-accent)}
.sources{margin:6px 0 0;font-size:13px}
.sources h3{margin:0 0 4px;font-size:12px;font-weight:650;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.sources ol{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:6px}
.sources li{display:flex;gap:8px;align-items:flex-start;border-radius:8px;padding:2px;transition:background .6s}
.sources li.flash{background:var(--flash)}
.sources q{color:var(--muted);quotes:"\u201c" "\u201d"}
.suggestions{display:flex;flex-wrap:wrap;gap:6px}
.suggestions button,.retry{border:1px solid var(--accent);background:none;color:var(--accent);border-radius:16px;
  padding:6px 12px;font-size:13px;text-align:left;min-height:32px}
.suggestions button:hover,.retry:hover{background:var(--accent);color:var(--on-accent)}
.ask{display:flex;gap:8px;padding:10px;border-top:1px solid var(--line);align-items:flex-end}
.ask textarea{flex:1;min-height:40px;max-height:120px;resize:none;font:inherit;color:var(--fg);background:var(--bg);
  border:1px solid var(--muted);border-radius:10px;padding:8px 10px}
.send{border:0;border-radius:10px;background:var(--accent);color:var(--on-accent);padding:0 16px;height:40px;font-weight:600}
.send.stop{background:var(--fg);color:var(--bg)}
.tip{position:fixed;z-index:2147483001;max-width:min(320px,calc(100vw - 16px));padding:8px 10px;border-radius:8px;
  background:var(--tip-bg);color:var(--tip-fg);font-size:13px;line-height:1.4;pointer-events:none;
  box-shadow:0 4px 14px rgba(0,0,0,.3)}
@media (prefers-reduced-motion:reduce){.sources li{transition:none}}
`;

  // ---- tiny DOM helpers: text goes in as text, always ----
  const el = (tag, props = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key === 'class') node.className = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else if (key in node && typeof value !== 'string') node[key] = value;
      else node.setAttribute(key, value);
    }
    node.append(...children); // strings become text nodes
    return node;
  };
  let ids = 0;
  const uid = (prefix) => `${prefix}-${++ids}`;

  function icon() {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6v2h2V9H7zm4 0v2h2V9h-2zm4 0v2h2V9h-2z');
    svg.append(path);
    return svg;
  }

  // ---- the conversation, kept for the tab's session ----
  const store = {
    load() {
      try {
        const saved = JSON.parse(sessionStorage.getItem(STORE) || '[]');
        return Array.isArray(saved) ? saved.filter((m) => m && (m.role === 'user' ? typeof m.text === 'string'
          : m.role === 'assistant' && m.answer && typeof m.answer.answer === 'string')) : [];
      } catch {
        return []; // storage blocked or corrupt: start afresh
      }
    },
    save(messages) {
      try {
        sessionStorage.setItem(STORE, JSON.stringify(messages));
      } catch {
        // storage full or blocked: the chat still works, it just will not survive a reload
      }
    },
  };

  /** The history the API expects: the turns so far, the newest 20. */
  const historyOf = (messages) => messages
    .map((m) => ({ role: m.role, content: m.role === 'user' ? m.text : m.answer.answer }))
    .slice(-MAX_HISTORY);

  // ---- talking to the server ----
  class ApiError extends Error {
    constructor(message, status) {
      super(message);
      this.status = status;
    }
  }

  async function errorOf(response) {
    let message = `The server answered ${response.status}.`;
    try {
      const body = await response.json();
      if (body && typeof body.error === 'string') message = body.error;
    } catch {
      // not JSON (a proxy's error page): keep the status line
    }
    return new ApiError(message, response.status);
  }

  async function askOnce(body, signal) {
    const response = await fetch(`${api}/api/ask`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body, signal,
    });
    if (!response.ok) throw await errorOf(response);
    return response.json();
  }

  /** Server-sent events from a fetch() body (EventSource cannot POST). Yields {type, data}. */
  async function* sseEvents(stream) {
    const reader = stream.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let type = '';
    let lines = [];
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return; // an event cut off by the end of the stream is dropped, as the SSE spec says
        buffer += value;
        // A lone CR at the end may be the first half of CRLF: wait for the next chunk before splitting there.
        const parts = buffer.split(/\r\n|\n|\r(?!$)/);
        buffer = parts.pop();
        for (const line of parts) {
          if (line === '') {
            if (lines.length) yield { type: type || 'message', data: lines.join('\n') };
            type = '';
            lines = [];
          } else if (!line.startsWith(':')) { // ":" starts a keep-alive comment
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            let value = colon < 0 ? '' : line.slice(colon + 1);
            if (value.startsWith(' ')) value = value.slice(1);
            if (field === 'event') type = value;
            else if (field === 'data') lines.push(value);
          }
        }
      }
    } finally {
      reader.cancel().catch(() => {});
    }
  }

  /**
   * Streams an answer from /api/ask/stream, calling onText with each piece of text; resolves with the final
   * answer object. Falls back to /api/ask when streaming is not there (404/405) or the network fails before the
   * first event.
   */
  async function streamAnswer(body, signal, onText) {
    let response;
    try {
      response = await fetch(`${api}/api/ask/stream`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' }, body, signal,
      });
    } catch (e) {
      if (signal.aborted) throw e;
      return askOnce(body, signal);
    }
    if (response.status === 404 || response.status === 405) return askOnce(body, signal);
    if (!response.ok) throw await errorOf(response);
    if (!(response.headers.get('Content-Type') || '').startsWith('text/event-stream')) {
      return response.json(); // something in between answered in one piece: that is an answer too
    }
    let events = 0;
    try {
      for await (const event of sseEvents(response.body)) {
        events++;
        if (!['token', 'answer', 'error'].includes(event.type)) continue; // sources, and events added later
        const payload = JSON.parse(event.data);
        if (event.type === 'token' && typeof payload.text === 'string') onText(payload.text);
        else if (event.type === 'answer') return payload;
        else if (event.type === 'error') throw new ApiError(payload.error || 'The answer failed.', payload.status || 500);
      }
    } catch (e) {
      if (events === 0 && !signal.aborted && e instanceof TypeError) return askOnce(body, signal);
      throw e;
    }
    throw new ApiError('The answer was cut off before it was complete.', 0);
  }

  // ---- the widget ----
  function mount() {
    const host = document.createElement('article-chat');
    // The host element is the one thing page CSS can still select; inline !important beats page rules.
    for (const [property, value] of [['all', 'initial'], ['display', 'block'], ['position', 'static']]) {
      host.style.setProperty(property, value, 'important');
    }
    const shadow = host.attachShadow({ mode: 'open' });
    if ('adoptedStyleSheets' in shadow && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      shadow.adoptedStyleSheets = [sheet];
    } else {
      shadow.append(el('style', {}, CSS)); // older browsers; needs style-src 'unsafe-inline' on strict pages
    }

    let messages = store.load();
    let controller = null;

    const panelId = uid('panel');
    const titleId = uid('title');
    const inputId = uid('q');
    const launcher = el('button', {
      class: 'launcher', type: 'button', 'aria-expanded': 'false', 'aria-controls': panelId, 'aria-label': settings.title,
      onclick: () => setOpen(panel.hidden),
    }, icon());
    const log = el('div', {
      class: 'log', role: 'log', 'aria-labelledby': titleId,
      // Announcements go through the announcer below, a sentence at a time; left live, the log would read each token.
      'aria-live': 'off',
    });
    const announcer = el('div', { class: 'sr', 'aria-live': 'polite', 'aria-relevant': 'additions' });
    const input = el('textarea', {
      id: inputId, rows: 1, maxLength: 2000, placeholder: 'Ask a question\u2026', autocomplete: 'off',
      onkeydown: (e) => {
        if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
          e.preventDefault();
          if (!controller) form.requestSubmit(); // Enter never stops an answer; only the Stop button does
        }
      },
      oninput: () => grow(),
    });
    const send = el('button', { class: 'send', type: 'submit' }, 'Send');
    const form = el('form', {
      class: 'ask',
      onsubmit: (e) => {
        e.preventDefault();
        if (controller) {
          if (e.submitter === send) controller.abort();
        } else if (input.value.trim()) {
          const question = input.value;
          input.value = '';
          grow();
          ask(question);
        }
      },
    }, el('label', { class: 'sr', for: inputId }, `Your question about the article`), input, send);
    const tip = el('div', { class: 'tip', hidden: true, 'aria-hidden': 'true' });
    const panel = el('section', { class: 'panel', id: panelId, role: 'dialog', 'aria-labelledby': titleId, hidden: true },
      el('div', { class: 'head' },
        el('h2', { id: titleId }, settings.title),
        el('button', { class: 'plain', type: 'button', onclick: () => clear() }, 'New chat'),
        el('button', { class: 'plain', type: 'button', 'aria-label': 'Close chat', onclick: () => setOpen(false) }, '\u2715')),
      log, form);
    const root = el('div', { class: `root ${settings.theme} ${settings.position}` }, launcher, panel, tip, announcer);
    shadow.append(root);
    document.body.append(host);

    panel.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return;
      if (!tip.hidden) tip.hidden = true;
      else setOpen(false);
    });
    for (const [type, show] of [['mouseover', true], ['focusin', true], ['mouseout', false], ['focusout', false]]) {
      panel.addEventListener(type, (e) => {
        const button = e.target.closest && e.target.closest('.cite');
        if (button) showTip(button, show);
      });
    }

    function setOpen(open, focus = true) {
      panel.hidden = !open;
      root.classList.toggle('open', open);
      launcher.setAttribute('aria-expanded', String(open));
      if (open) {
        log.scrollTop = log.scrollHeight;
        if (focus) input.focus();
      } else {
        tip.hidden = true;
        launcher.focus();
      }
    }

    function grow() {
      input.style.height = 'auto';
      input.style.height = `${Math.min(input.scrollHeight + 2, 120)}px`;
    }

    function showTip(button, show) {
      if (!show || !button.dataset.quote) {
        tip.hidden = true;
        return;
      }
      tip.textContent = `\u201c${button.dataset.quote}\u201d`;
      tip.hidden = false;
      const spot = button.getBoundingClientRect();
      const left = Math.max(8, Math.min(spot.left, innerWidth - tip.offsetWidth - 8));
      const above = spot.top - tip.offsetHeight - 6;
      tip.style.left = `${left}px`;
      tip.style.top = `${above >= 8 ? above : spot.bottom + 6}px`;
    }

    function scrollDown() {
      log.scrollTop = log.scrollHeight;
    }

    function message(role, label) {
      const authorId = uid('author');
      const bubble = el('div', { class: 'bubble' });
      const node = el('article', { class: `msg ${role}`, 'aria-labelledby': authorId },
        el('span', { class: 'author', id: authorId }, label), bubble);
      log.append(node);
      return { node, bubble };
    }

    function greet() {
      const { node, bubble } = message('assistant', settings.title);
      bubble.append(settings.greeting);
      if (settings.questions.length) {
        node.append(el('div', { class: 'suggestions', role: 'group', 'aria-label': 'Suggested questions' },
          ...settings.questions.map((q) => el('button', { type: 'button', onclick: () => ask(q) }, q))));
      }
    }

    /** An answer as the reader sees it: [n] markers as buttons, then its sources; no sources when not answered. */
    function renderAnswer({ node, bubble }, answer) {
      const citations = new Map((Array.isArray(answer.citations) ? answer.citations : []).map((c) => [c.n, c]));
      const quoteIds = new Map([...citations.keys()].map((n) => [n, uid('quote')]));
      const citeButton = (citation) => el('button', {
        class: 'cite', type: 'button', 'aria-label': `Source ${citation.n}`, 'data-quote': String(citation.quote),
        'aria-describedby': quoteIds.get(citation.n), onclick: (e) => cite(citation, e.currentTarget.closest('.msg')),
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
      const items = [...citations.values()].map((citation) => el('li', { 'data-n': String(citation.n) },
        citeButton(citation), el('q', { id: quoteIds.get(citation.n) }, String(citation.quote))));
      const headingId = uid('sources');
      node.append(el('section', { class: 'sources', 'aria-labelledby': headingId },
        el('h3', { id: headingId }, 'Sources'), el('ol', {}, ...items)));
    }

    /**
     * Tells the page which sentence a citation points at. A page that shows the article (the demo page) marks it
     * and calls preventDefault(); on any other page the widget points at the source in its own list.
     */
    function cite(citation, messageNode) {
      const { n, passageId, quote, start, end, articleId } = citation;
      const handled = !window.dispatchEvent(new CustomEvent(CITE_EVENT, {
        cancelable: true, detail: { n, passageId, quote, start, end, articleId },
      }));
      if (handled) {
        if (matchMedia('(max-width: 480px)').matches) setOpen(false); // the panel covers the article on a phone
        return;
      }
      const item = messageNode && messageNode.querySelector(`.sources li[data-n="${n}"]`);
      if (item) {
        item.scrollIntoView({ block: 'nearest' });
        item.classList.add('flash');
        setTimeout(() => item.classList.remove('flash'), 1200);
      }
    }

    /**
     * Speaks streamed text a sentence or so at a time: screen readers cannot follow token-by-token updates. Each
     * batch is a new node in a polite live region, so batches queue instead of cutting each other off.
     */
    function speaker() {
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
        done(final) {
          clearTimeout(timer);
          say(final === undefined ? pending : final);
          pending = '';
        },
      };
    }

    function setBusy(busy) {
      log.setAttribute('aria-busy', String(busy));
      send.textContent = busy ? 'Stop' : 'Send';
      send.classList.toggle('stop', busy);
      if (busy) send.setAttribute('aria-label', 'Stop answering');
      else send.removeAttribute('aria-label');
    }

    async function ask(rawQuestion) {
      const question = rawQuestion.trim();
      if (!question || controller) return;
      for (const group of log.querySelectorAll('.suggestions')) group.remove();
      const history = historyOf(messages);
      const userTurn = { role: 'user', text: question };
      const userView = message('user', 'You');
      userView.bubble.append(question);
      const view = message('assistant pending', settings.title);
      scrollDown();
      setBusy(true);
      controller = new AbortController();
      const voice = speaker();
      let streamed = '';
      let firstText = true;
      const showText = (text) => {
        if (firstText) performance.mark('article-chat:first-text');
        firstText = false;
        streamed += text;
        view.bubble.append(text);
        voice.add(text);
        if (log.scrollHeight - log.scrollTop - log.clientHeight < 80) scrollDown();
      };
      performance.mark('article-chat:send');
      try {
        const answer = await streamAnswer(JSON.stringify({ question, history }), controller.signal, showText);
        if (firstText) performance.mark('article-chat:first-text');
        renderAnswer(view, answer);
        // The streamed text was replaced (a fallback), or never streamed: read out the answer that stands.
        const replaced = answer.fallback || !streamed;
        voice.done(replaced ? answer.answer : undefined);
        messages.push(userTurn, { role: 'assistant', answer });
        store.save(messages);
      } catch (e) {
        voice.done('');
        if (controller.signal.aborted) {
          view.node.classList.remove('pending');
          view.node.append(el('span', { class: 'note' }, 'Stopped.'));
          announcer.append(el('p', {}, 'Stopped.'));
        } else {
          failed(view, e, question, userView.node);
        }
      } finally {
        controller = null;
        setBusy(false);
        scrollDown();
      }
    }

    function failed(view, error, question, questionNode) {
      const unreachable = error instanceof TypeError; // fetch() rejects with a TypeError when the network fails
      const text = unreachable ? 'Cannot reach the server. Check the connection and try again.'
        : error instanceof ApiError ? error.message : 'Something went wrong reading the answer.';
      view.node.classList.remove('pending');
      view.node.classList.add('error');
      view.bubble.replaceChildren(text);
      const retry = el('button', {
        class: 'retry', type: 'button',
        onclick: () => {
          questionNode.remove();
          view.node.remove();
          ask(question);
        },
      }, 'Retry');
      view.node.append(el('span', { class: 'note', role: 'alert' }, 'The question was not answered.'), retry);
      retry.focus();
    }

    function clear() {
      if (controller) controller.abort();
      messages = [];
      store.save(messages);
      log.replaceChildren();
      greet();
      input.focus();
    }

    greet();
    for (let i = 0; i < messages.length; i++) {
      const m = messages[i];
      if (m.role === 'user') message('user', 'You').bubble.append(m.text);
      else renderAnswer(message('assistant', settings.title), m.answer);
    }
    if (messages.length) for (const group of log.querySelectorAll('.suggestions')) group.remove();
    if (settings.open) setOpen(true, false); // opening on load must not steal the page's focus
  }

  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });
})();
