/**
 * The conversation, kept for the tab's session (sessionStorage) so that a reload does not lose it, and the
 * history the API is sent with each question: the server keeps no state, a follow-up is understood from it.
 */

/** Turns the API accepts in `history` (docs/API.md). */
export const MAX_HISTORY = 20;

/**
 * The history of these messages as the API expects it: the newest turns, at most `max`, starting with a question
 * (a reply whose question was trimmed away would read as the conversation's opening).
 */
export function historyOf(messages, max = MAX_HISTORY) {
  const turns = messages
    .map((m) => ({ role: m.role, content: m.role === 'user' ? m.text : m.answer.answer }))
    .slice(-max);
  return turns.length && turns[0].role === 'assistant' ? turns.slice(1) : turns;
}

/** Where a widget keeps its conversation: one per server, and one per article when it is scoped to one. */
export const storageKey = (api, article) => `article-chat:${api}${article ? `#${article}` : ''}`;

const isMessage = (m) => m && (m.role === 'user' ? typeof m.text === 'string'
  : m.role === 'assistant' && m.answer && typeof m.answer.answer === 'string');

export class Conversation {
  /**
   * @param storage a function that returns the Storage to use: reading `sessionStorage` itself throws where
   *   storage is blocked (sandboxed frames, some privacy settings), and the chat must work there too
   */
  constructor(key, storage) {
    this.key = key;
    this.storage = storage;
    this.messages = this.load();
  }

  /** A question and the answer it got. Stopped and failed questions are not history. */
  add(question, answer) {
    this.messages.push({ role: 'user', text: question }, { role: 'assistant', answer });
    this.save();
  }

  history() {
    return historyOf(this.messages);
  }

  clear() {
    this.messages = [];
    this.save();
  }

  load() {
    try {
      const saved = JSON.parse(this.storage().getItem(this.key) || '[]');
      return Array.isArray(saved) ? saved.filter(isMessage) : [];
    } catch {
      return []; // storage blocked, or what it held is not ours: start afresh
    }
  }

  save() {
    try {
      this.storage().setItem(this.key, JSON.stringify(this.messages));
    } catch {
      // storage full or blocked: the chat still works, it just will not survive a reload
    }
  }
}
