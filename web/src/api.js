/**
 * The widget's client of the article-chat API (docs/API.md): POST /api/ask, POST /api/ask/stream and GET /api/articles.
 * Every failure but a cancellation is an ApiError in the API's own error shape, {"error", "status"}, so that the
 * view has one thing to show; a cancelled request rejects with the browser's AbortError.
 */
import { readEvents } from './sse.js';

export class ApiError extends Error {
  /** @param status the HTTP status, or 0 when none explains the failure (no answer, a cut-off or unreadable one) */
  constructor(error, status) {
    super(error);
    this.name = 'ApiError';
    this.error = error;
    this.status = status;
  }

  toJSON() {
    return { error: this.error, status: this.status };
  }
}

// A browser shows a page no more when the server refuses its origin (CORS) than when the server is down: the
// message names both, and the server's log says which origin it refused.
export const UNREACHABLE = 'Cannot reach the server, or it does not take questions from this site. '
  + 'Check the connection and try again.';
export const CUT_OFF = 'The answer was cut off before it was complete.';
export const UNREADABLE = 'The server sent an answer that could not be read.';

export class ArticleChatApi {
  /** @param base the server's origin (and path prefix, if any), e.g. "https://host"; "" for this page's own */
  constructor(base) {
    this.base = base.replace(/\/+$/, '');
    this.articleList = null;
  }

  /** POST /api/ask: the whole answer in one piece. */
  async ask(request, { signal } = {}) {
    const response = await this.post('/api/ask', request, signal, 'application/json');
    if (!response.ok) throw await errorOf(response);
    return answerOf(await jsonOf(response, signal));
  }

  /**
   * POST /api/ask/stream: calls onText with each piece of the answer as it is written, and resolves with the
   * final answer object. Asks POST /api/ask instead when streaming is not there (a 404 or 405) or the network
   * fails before the first event; a stream that ends without its answer is an error, never half an answer.
   */
  async askStream(request, { signal, onText = () => {}, onSources = () => {} } = {}) {
    let response;
    try {
      response = await this.post('/api/ask/stream', request, signal, 'text/event-stream');
    } catch (e) {
      if (e instanceof ApiError) return this.ask(request, { signal });
      throw e;
    }
    if (response.status === 404 || response.status === 405) {
      // An older server, or a proxy that passes no streams. (An unknown articleId is a 404 too: /api/ask says so.)
      response.body?.cancel().catch(() => {});
      return this.ask(request, { signal });
    }
    if (!response.ok) throw await errorOf(response);
    if (!/^text\/event-stream/i.test(response.headers.get('Content-Type') || '')) {
      return answerOf(await jsonOf(response, signal)); // something in between answered in one piece: an answer too
    }
    let events = 0;
    try {
      for await (const event of readEvents(response.body)) {
        events++;
        if (event.type === 'token') {
          const { text } = parse(event);
          if (typeof text === 'string') onText(text);
        } else if (event.type === 'answer') {
          return answerOf(parse(event));
        } else if (event.type === 'error') {
          const { error, status } = parse(event);
          throw new ApiError(typeof error === 'string' && error ? error : 'The answer failed.',
            Number.isInteger(status) ? status : 500);
        } else if (event.type === 'sources') {
          onSources(parse(event));
        } // any other event is one added to the API later
      }
    } catch (e) {
      if (signal?.aborted || e instanceof ApiError) throw e;
      if (events === 0) return this.ask(request, { signal }); // the stream broke before it began
      throw new ApiError(CUT_OFF, 0);
    }
    throw new ApiError(CUT_OFF, 0);
  }

  /**
   * GET /api/articles, asked at most once while it succeeds: {id, title, passages} for every article served. A
   * failure is not kept, so the next caller asks again.
   */
  articles() {
    if (!this.articleList) {
      this.articleList = this.get('/api/articles').then(articlesOf);
      this.articleList.catch(() => {
        this.articleList = null;
      });
    }
    return this.articleList;
  }

  async get(path) {
    let response;
    try {
      response = await fetch(this.base + path, { headers: { Accept: 'application/json' } });
    } catch {
      throw new ApiError(UNREACHABLE, 0);
    }
    if (!response.ok) throw await errorOf(response);
    return jsonOf(response);
  }

  /** fetch() rejects only when no answer came at all: that is an ApiError, unless the caller cancelled. */
  async post(path, request, signal, accept) {
    try {
      return await fetch(this.base + path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: accept },
        body: JSON.stringify(request),
        signal,
      });
    } catch (e) {
      if (signal?.aborted) throw e;
      throw new ApiError(UNREACHABLE, 0);
    }
  }
}

/** The server's own message for a refused request, or its status when the body is not the API's (a proxy's page). */
async function errorOf(response) {
  try {
    const body = await response.json();
    if (body && typeof body.error === 'string' && body.error) return new ApiError(body.error, response.status);
  } catch {
    // not JSON: the status line below says what there is to say
  }
  return new ApiError(`The server answered ${response.status}.`, response.status);
}

async function jsonOf(response, signal) {
  try {
    return await response.json();
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError(UNREADABLE, 0);
  }
}

function parse(event) {
  try {
    const payload = JSON.parse(event.data);
    if (payload && typeof payload === 'object') return payload;
  } catch {
    // reported below, as any payload that is not an object
  }
  throw new ApiError(UNREADABLE, 0);
}

function answerOf(payload) {
  if (!payload || typeof payload.answer !== 'string') throw new ApiError(UNREADABLE, 0);
  return payload;
}

/** docs/API.md's {"articles": [...]}; a bare list is read too, as this project's servers sent before they followed it. */
function articlesOf(body) {
  const list = Array.isArray(body) ? body : body && body.articles;
  if (!Array.isArray(list)) throw new ApiError(UNREADABLE, 0);
  return list.filter((a) => a && typeof a.id === 'string' && typeof a.title === 'string');
}
