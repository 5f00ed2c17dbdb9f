/*
 * article-chat widget. One tag adds a launcher and a chat panel to any page:
 *
 *   <script src="https://HOST/widget.js" data-api="https://HOST" defer></script>
 *
 * Bundled into one classic script (web/widget.js) rather than served as modules: it reads its settings from
 * document.currentScript, which modules lack, and a host page adds it with one tag.
 */
import { ArticleChatApi } from './api.js';
import { readSettings } from './settings.js';
import { Conversation, storageKey } from './store.js';
import { mountWidget } from './view.js';

const script = document.currentScript;
if (script && !document.querySelector('article-chat')) { // loaded twice: one widget is enough
  const settings = readSettings(script.dataset, script.src, location.href);
  const mount = () => mountWidget(settings, new ArticleChatApi(settings.api),
    new Conversation(storageKey(settings.api, settings.article), () => window.sessionStorage));
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });
}
