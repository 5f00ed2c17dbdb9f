// The widget's API client (src/api.js) in Node, against a real HTTP server on loopback that streams in awkward
// chunks, refuses with JSON errors, cuts streams off and hangs: what the widget shows comes from these outcomes.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { ApiError, ArticleChatApi, CUT_OFF, UNREACHABLE, UNREADABLE } from '../src/api.js';
import { cut, sleep, sse, startServer, streamPieces } from './loopback.mjs';

const answer = (text, extra = {}) => ({
  answer: text, answered: true, model: 'fake', timingsMs: { retrieve: 1, generate: 1, total: 2 },
  citations: [{ n: 1, passageId: 'p1', quote: 'Quoted.', start: 0, end: 7, articleId: 'a' }], ...extra,
});
const jsonError = (res, status, error) => {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ error, status }));
};
const plainAnswer = (res, text) => {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(answer(text)));
};

/** Rejects with an ApiError in the API's error shape. */
async function rejectsWith(promise, error, status) {
  await assert.rejects(promise, (e) => {
    assert.ok(e instanceof ApiError, `an ApiError, not ${e}`);
    assert.deepEqual(e.toJSON(), { error, status });
    assert.deepEqual(JSON.parse(JSON.stringify(e)), { error, status });
    return true;
  });
}

let server;
let hungUp = 0;
let articleCalls = 0;
const api = (prefix) => new ArticleChatApi(`${server.url}/${prefix}/`);
const request = { question: 'Who?', history: [{ role: 'user', content: 'Before?' }], articleId: 'a' };

before(async () => {
  const whole = sse('sources', { passages: [{ id: 'p1' }] }) + sse('token', { text: 'Caf\u00e9 ' })
    + sse('token', { text: 'talks [1].' }) + sse('answer', answer('Caf\u00e9 talks [1].'));
  server = await startServer({
    '/chunked/api/ask/stream': (req, res) => streamPieces(res,
      [Buffer.from(': hi\r\n\r'), ...cut(Buffer.from(`\n${whole.replaceAll('\n', '\r\n')}`), [3, 9, 10, 52, 53, 60])]),
    '/failing/api/ask/stream': (req, res) => streamPieces(res,
      [sse('token', { text: 'Half an ' }), sse('error', { error: 'The model failed while answering.', status: 502 })]),
    '/bare-error/api/ask/stream': (req, res) => streamPieces(res, ['event: error\ndata: {}\n\n']),
    '/refused/api/ask/stream': (req, res) => jsonError(res, 400, '"question" must be a string.'),
    '/busy/api/ask/stream': (req, res) => jsonError(res, 503, 'The server is busy; try again in a minute.'),
    '/proxy/api/ask/stream': (req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' });
      res.end('<html><body>Bad gateway</body></html>');
    },
    '/cut/api/ask/stream': (req, res) => streamPieces(res, [sse('token', { text: 'This answer ' }),
      sse('token', { text: 'stops' }), 'event: answer\ndata: {"answer":"This answer st']),
    '/reset/api/ask/stream': async (req, res) => {
      await streamPieces(res, [sse('token', { text: 'Going ' })], { end: false });
      res.socket.destroy();
    },
    '/garbled/api/ask/stream': (req, res) => streamPieces(res, ['event: answer\ndata: {"answer": nope}\n\n']),
    '/hang/api/ask/stream': (req, res) => {
      res.on('close', () => hungUp++);
      streamPieces(res, [sse('token', { text: 'Never ' }), sse('token', { text: 'ends' })], { end: false });
    },
    '/oldserver/api/ask': (req, res) => plainAnswer(res, 'Answered in one piece [1].'),
    '/nopost/api/ask/stream': (req, res) => jsonError(res, 405, 'Method not allowed.'),
    '/nopost/api/ask': (req, res) => plainAnswer(res, 'Answered after a 405 [1].'),
    '/unknown-article/api/ask/stream': (req, res) => jsonError(res, 404, 'No article with id "zzz".'),
    '/unknown-article/api/ask': (req, res) => jsonError(res, 404, 'No article with id "zzz".'),
    '/whole/api/ask/stream': (req, res) => plainAnswer(res, 'Not streamed [1].'),
    '/listed/api/articles': (req, res) => {
      articleCalls++;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ articles: [{ id: 'a', title: 'A', passages: 3 }, { id: 'b', title: 'B', passages: 4 }] }));
    },
    '/bare-list/api/articles': (req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify([{ id: 'a', title: 'A', passages: 3 }]));
    },
    '/flaky/api/articles': (req, res) => {
      articleCalls++;
      if (articleCalls === 1) return jsonError(res, 500, 'Not now.');
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end(JSON.stringify({ articles: [{ id: 'a', title: 'A', passages: 3 }] }));
    },
  });
});

after(() => server.close());

beforeEach(() => {
  server.requests.length = 0;
  articleCalls = 0;
});

describe('askStream', () => {
  test('streams the text as it is written and resolves with the answer, from awkward chunks', async () => {
    const texts = [];
    const sources = [];
    const result = await api('chunked').askStream(request, {
      onText: (t) => texts.push(t), onSources: (s) => sources.push(s),
    });
    assert.deepEqual(result, answer('Caf\u00e9 talks [1].'));
    assert.deepEqual(texts, ['Caf\u00e9 ', 'talks [1].']);
    assert.deepEqual(sources, [{ passages: [{ id: 'p1' }] }]);
  });

  test('posts the question, its history and its article as JSON, asking for an event stream', async () => {
    await api('chunked').askStream(request);
    const [sent] = server.requests;
    assert.equal(sent.method, 'POST');
    assert.equal(sent.path, '/chunked/api/ask/stream');
    assert.equal(sent.headers['content-type'], 'application/json');
    assert.equal(sent.headers.accept, 'text/event-stream');
    assert.deepEqual(JSON.parse(sent.body), request);
  });

  test('rejects with the error event a stream ends with, after the text before it', async () => {
    const texts = [];
    await rejectsWith(api('failing').askStream(request, { onText: (t) => texts.push(t) }),
      'The model failed while answering.', 502);
    assert.deepEqual(texts, ['Half an ']);
    await rejectsWith(api('bare-error').askStream(request), 'The answer failed.', 500);
  });

  test('rejects with the JSON error of a refused request, as the server wrote it', async () => {
    await rejectsWith(api('refused').askStream(request), '"question" must be a string.', 400);
    await rejectsWith(api('busy').askStream(request), 'The server is busy; try again in a minute.', 503);
    assert.equal(server.requests.length, 2, 'a refusal is not asked again without streaming');
  });

  test('rejects with the status when the error is not the API\'s JSON (a proxy\'s page)', async () => {
    await rejectsWith(api('proxy').askStream(request), 'The server answered 502.', 502);
  });

  test('rejects a stream that ends without its final event as cut off, never as half an answer', async () => {
    const texts = [];
    await rejectsWith(api('cut').askStream(request, { onText: (t) => texts.push(t) }), CUT_OFF, 0);
    assert.deepEqual(texts, ['This answer ', 'stops']);
  });

  test('rejects a stream whose connection breaks after it began as cut off', async () => {
    await rejectsWith(api('reset').askStream(request), CUT_OFF, 0);
  });

  test('rejects an answer event it cannot read', async () => {
    await rejectsWith(api('garbled').askStream(request), UNREADABLE, 0);
  });

  test('asks POST /api/ask instead when the server has no stream route (404 or 405)', async () => {
    assert.equal((await api('oldserver').askStream(request)).answer, 'Answered in one piece [1].');
    assert.deepEqual(server.requests.map((r) => r.path), ['/oldserver/api/ask/stream', '/oldserver/api/ask']);
    assert.deepEqual(JSON.parse(server.requests[1].body), request);
    assert.equal((await api('nopost').askStream(request)).answer, 'Answered after a 405 [1].');
  });

  test('rejects with the server\'s 404 for an unknown article, asked once more without streaming', async () => {
    await rejectsWith(api('unknown-article').askStream(request), 'No article with id "zzz".', 404);
    assert.equal(server.requests.length, 2);
  });

  test('takes an answer sent in one piece in place of a stream', async () => {
    assert.equal((await api('whole').askStream(request)).answer, 'Not streamed [1].');
  });

  test('says the server cannot be reached when nothing answers', async () => {
    const closed = await startServer({});
    const url = closed.url;
    await closed.close();
    await rejectsWith(new ArticleChatApi(url).askStream(request), UNREACHABLE, 0);
  });

  test('stops when aborted: rejects with an AbortError and hangs up on the server', async () => {
    const controller = new AbortController();
    const before = hungUp;
    const pending = api('hang').askStream(request, {
      signal: controller.signal,
      onText: (text) => {
        if (text === 'ends') controller.abort();
      },
    });
    await assert.rejects(pending, { name: 'AbortError' });
    for (let i = 0; i < 100 && hungUp === before; i++) await sleep(20);
    assert.equal(hungUp, before + 1, 'the server saw the request end');
  });
});

describe('ask', () => {
  test('resolves with the answer of POST /api/ask', async () => {
    assert.equal((await api('oldserver').ask(request)).answer, 'Answered in one piece [1].');
    assert.equal(server.requests[0].headers.accept, 'application/json');
  });

  test('rejects with the JSON error of a refused request', async () => {
    await rejectsWith(api('unknown-article').ask(request), 'No article with id "zzz".', 404);
  });
});

describe('articles', () => {
  test('lists the articles served, asking the server once however often it is asked', async () => {
    const client = api('listed');
    const lists = await Promise.all([client.articles(), client.articles()]);
    assert.deepEqual(await client.articles(),
      [{ id: 'a', title: 'A', passages: 3 }, { id: 'b', title: 'B', passages: 4 }]);
    assert.deepEqual(lists[0], lists[1]);
    assert.equal(articleCalls, 1);
  });

  test('reads a bare list too', async () => {
    assert.deepEqual(await api('bare-list').articles(), [{ id: 'a', title: 'A', passages: 3 }]);
  });

  test('asks again after a failure, which it does not keep', async () => {
    const client = api('flaky');
    await rejectsWith(client.articles(), 'Not now.', 500);
    assert.deepEqual(await client.articles(), [{ id: 'a', title: 'A', passages: 3 }]);
    assert.equal(articleCalls, 2);
  });
});
