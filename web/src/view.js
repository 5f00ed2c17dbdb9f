/**
 * The widget on the page: a launcher and a chat panel inside a Shadow DOM, so the host page's CSS cannot reach
 * it. Model and user text only ever enter it as text nodes, never as HTML.
 */
import { ApiError } from './api.js';
import { renderAnswer } from './answer.js';
import { chatIcon, el, uid } from './dom.js';
import { speaker } from './speaker.js';
import { CSS } from './styles.js';

const CITE_EVENT = 'article-chat:cite';

/**
 * @param settings from readSettings()
 * @param api an ArticleChatApi
 * @param conversation a Conversation
 */
export function mountWidget(settings, api, conversation) {
  const host = document.createElement('article-chat');
  // The host element is the one thing page CSS can still select; inline !important beats page rules.
  for (const [property, value] of [['all', 'initial'], ['display', 'block'], ['position', 'static']]) {
    host.style.setProperty(property, value, 'important');
  }
  const shadow = host.attachShadow({ mode: 'open' });
  const constructable = typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype;
  if ('adoptedStyleSheets' in shadow && constructable) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    shadow.adoptedStyleSheets = [sheet];
  } else {
    shadow.append(el('style', {}, CSS)); // older browsers; needs style-src 'unsafe-inline' on strict pages
  }

  let controller = null;

  const panelId = uid('panel');
  const titleId = uid('title');
  const inputId = uid('q');
  const launcher = el('button', {
    class: 'launcher', type: 'button', 'aria-expanded': 'false', 'aria-controls': panelId, 'aria-label': settings.title,
    onclick: () => setOpen(panel.hidden),
  }, chatIcon());
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
  }, el('label', { class: 'sr', for: inputId }, 'Your question about the article'), input, send);
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
      scrollDown();
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

  /**
   * The served articles' titles, when the citations may come from more than one: not for a widget scoped to the
   * article they all name, nor when the server serves a single article. GET /api/articles is asked once.
   */
  function titles(citations) {
    const ids = new Set(citations.map((c) => c.articleId).filter(Boolean));
    if (!ids.size || (ids.size === 1 && ids.has(settings.article))) return null;
    return api.articles().then((list) => (list.length > 1 ? new Map(list.map((a) => [a.id, a.title])) : null));
  }

  const showAnswer = (view, answer) => renderAnswer(view, answer, { onCite: cite, titles });

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
    const request = { question, history: conversation.history() };
    if (settings.article) request.articleId = settings.article;
    const userView = message('user', 'You');
    userView.bubble.append(question);
    const view = message('assistant pending', settings.title);
    scrollDown();
    setBusy(true);
    controller = new AbortController();
    const voice = speaker(announcer);
    let streamed = '';
    let firstText = true;
    const onText = (text) => {
      if (firstText) performance.mark('article-chat:first-text');
      firstText = false;
      streamed += text;
      view.bubble.append(text);
      voice.add(text);
      if (log.scrollHeight - log.scrollTop - log.clientHeight < 80) scrollDown();
    };
    performance.mark('article-chat:send');
    try {
      const answer = await api.askStream(request, { signal: controller.signal, onText });
      if (firstText) performance.mark('article-chat:first-text');
      showAnswer(view, answer);
      // The streamed text was replaced (a fallback), or never streamed: read out the answer that stands.
      voice.done(answer.fallback || !streamed ? answer.answer : undefined);
      conversation.add(question, answer);
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
    if (!(error instanceof ApiError)) console.error(error); // the widget's own fault: worth a look in the console
    view.node.classList.remove('pending');
    view.node.classList.add('error');
    view.bubble.replaceChildren(error instanceof ApiError ? error.error : 'Something went wrong reading the answer.');
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
    conversation.clear();
    log.replaceChildren();
    greet();
    input.focus();
  }

  greet();
  for (const m of conversation.messages) {
    if (m.role === 'user') message('user', 'You').bubble.append(m.text);
    else showAnswer(message('assistant', settings.title), m.answer);
  }
  if (conversation.messages.length) for (const group of log.querySelectorAll('.suggestions')) group.remove();
  if (settings.open) setOpen(true, false); // opening on load must not steal the page's focus
}
