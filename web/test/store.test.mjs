// The widget's conversation store (src/store.js) and settings (src/settings.js), in Node: the history sent with
// each question, trimmed to the API's 20 turns, and what survives a reload.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readSettings } from '../src/settings.js';
import { Conversation, MAX_HISTORY, historyOf, storageKey } from '../src/store.js';

/** sessionStorage's interface over a Map: the store's own code runs as in a browser. */
class MemoryStorage {
  constructor() {
    this.items = new Map();
  }

  getItem(key) {
    return this.items.has(key) ? this.items.get(key) : null;
  }

  setItem(key, value) {
    this.items.set(key, String(value));
  }
}

const answerOf = (text) => ({ answer: text, answered: true, citations: [] });

/** A conversation of `exchanges` questions and answers, kept in `storage`. */
function conversationOf(exchanges, storage = new MemoryStorage(), key = 'k') {
  const conversation = new Conversation(key, () => storage);
  for (let i = 1; i <= exchanges; i++) conversation.add(`Question ${i}?`, answerOf(`Answer ${i}.`));
  return conversation;
}

describe('the history sent with a question', () => {
  test('is every turn so far, as {role, content}', () => {
    assert.deepEqual(conversationOf(2).history(), [
      { role: 'user', content: 'Question 1?' }, { role: 'assistant', content: 'Answer 1.' },
      { role: 'user', content: 'Question 2?' }, { role: 'assistant', content: 'Answer 2.' }]);
  });

  test('is empty before the first question', () => {
    assert.deepEqual(conversationOf(0).history(), []);
  });

  test('is the newest 20 turns of a longer conversation, from a question to the latest answer', () => {
    const history = conversationOf(15).history();
    assert.equal(MAX_HISTORY, 20);
    assert.equal(history.length, 20);
    assert.deepEqual(history[0], { role: 'user', content: 'Question 6?' });
    assert.deepEqual(history.at(-1), { role: 'assistant', content: 'Answer 15.' });
  });

  test('never opens with an answer whose question was trimmed away', () => {
    const messages = conversationOf(3).messages.slice(1); // an answer, then two whole exchanges
    const lastTwo = ['Question 2?', 'Answer 2.', 'Question 3?', 'Answer 3.'];
    assert.deepEqual(historyOf(messages, 4).map((t) => t.content), lastTwo);
    assert.deepEqual(historyOf(messages, 5).map((t) => t.content), lastTwo, 'five turns would open with Answer 1.');
  });
});

describe('the stored conversation', () => {
  test('survives a reload: a new store with the same key reads it back', () => {
    const storage = new MemoryStorage();
    conversationOf(2, storage);
    const reloaded = new Conversation('k', () => storage);
    assert.deepEqual(reloaded.messages.map((m) => m.text || m.answer.answer),
      ['Question 1?', 'Answer 1.', 'Question 2?', 'Answer 2.']);
  });

  test('is one per server, and one per article when the widget is scoped to one', () => {
    assert.equal(storageKey('https://host', null), 'article-chat:https://host');
    const keys = new Set([storageKey('https://host', null), storageKey('https://host', 'a'),
      storageKey('https://host', 'b'), storageKey('https://other', 'a')]);
    assert.equal(keys.size, 4);
    const storage = new MemoryStorage();
    conversationOf(1, storage, storageKey('https://host', 'a'));
    assert.deepEqual(new Conversation(storageKey('https://host', 'b'), () => storage).messages, []);
  });

  test('is empty after New chat, and stays so after a reload', () => {
    const storage = new MemoryStorage();
    conversationOf(2, storage).clear();
    assert.deepEqual(new Conversation('k', () => storage).messages, []);
  });

  test('starts afresh from stored text that is not a conversation, keeping the turns that are', () => {
    const storage = new MemoryStorage();
    storage.setItem('corrupt', '{not json');
    storage.setItem('object', '{"role":"user"}');
    storage.setItem('mixed', JSON.stringify([{ role: 'user', text: 'Kept?' }, { role: 'user', text: 3 },
      { role: 'assistant', answer: { answer: 'Kept.' } }, { role: 'assistant' }, null, { role: 'system', text: 'x' }]));
    assert.deepEqual(new Conversation('corrupt', () => storage).messages, []);
    assert.deepEqual(new Conversation('object', () => storage).messages, []);
    assert.deepEqual(new Conversation('mixed', () => storage).history(), [
      { role: 'user', content: 'Kept?' }, { role: 'assistant', content: 'Kept.' }]);
  });

  test('works for the page\'s lifetime where storage is blocked or full', () => {
    const blocked = () => {
      throw new Error('SecurityError: access to sessionStorage is denied');
    };
    const conversation = conversationOf(1, undefined, 'k');
    conversation.storage = blocked;
    conversation.add('Question 2?', answerOf('Answer 2.'));
    assert.equal(conversation.history().length, 4);
    assert.deepEqual(new Conversation('k', blocked).messages, []);
    const full = new MemoryStorage();
    full.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    assert.equal(conversationOf(2, full).history().length, 4);
  });
});

describe('the widget\'s settings', () => {
  const read = (data) => readSettings(data, 'https://api.example/widget.js', 'https://news.example/story');

  test('default to the server the script came from, an unscoped widget, and the documented defaults', () => {
    assert.deepEqual(read({}), {
      api: 'https://api.example', article: null, title: 'Ask the article',
      greeting: 'Ask me about this article. Every answer cites the sentences it rests on.', questions: [],
      position: 'right', open: false, theme: 'auto',
    });
  });

  test('take data-article as the article every question is asked of', () => {
    assert.equal(read({ article: 'harbour-flood' }).article, 'harbour-flood');
    assert.equal(read({ article: '  ' }).article, null);
  });

  test('read the other attributes as docs/widget.md documents them', () => {
    const settings = read({ api: 'https://x.example/chat//', questions: ' One? | |Two?', position: 'left', open: '',
      theme: 'dark', title: 'T' });
    assert.equal(settings.api, 'https://x.example/chat');
    assert.deepEqual(settings.questions, ['One?', 'Two?']);
    assert.deepEqual([settings.position, settings.open, settings.theme, settings.title], ['left', true, 'dark', 'T']);
    assert.deepEqual([read({ theme: 'blue', position: 'top', open: 'no' })].map((s) => [s.theme, s.position, s.open]),
      [['auto', 'right', false]]);
  });
});
