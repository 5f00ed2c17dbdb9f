// The widget's reader of server-sent events (src/sse.js), in Node: the parser wherever its input is cut, and
// readEvents() on real responses streamed over loopback.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { EventStreamParser, readEvents } from '../src/sse.js';
import { cut, sleep, startServer, streamPieces } from './loopback.mjs';

const parse = (...pieces) => {
  const parser = new EventStreamParser();
  return pieces.flatMap((piece) => parser.push(piece));
};

/** A stream with everything in it: comments, CRLF, CR and LF line ends, multi-line data, a split-looking field. */
const AWKWARD = ': keep-alive\r\n\r\n'
  + 'event: sources\r\ndata: {"passages":[]}\r\n\r\n'
  + 'event: token\rdata: {"text":"Two\\nlines"}\r\r'
  + ': ping\n\n'
  + 'event: token\ndata: first line\ndata:second line\ndata\n\n'
  + 'data: no type\r\n\r\n'
  + 'event: answer\r\ndata: {"answer":"Done [1]."}\r\n\r\n';
const AWKWARD_EVENTS = [
  { type: 'sources', data: '{"passages":[]}' },
  { type: 'token', data: '{"text":"Two\\nlines"}' },
  { type: 'token', data: 'first line\nsecond line\n' },
  { type: 'message', data: 'no type' },
  { type: 'answer', data: '{"answer":"Done [1]."}' },
];

async function collect(body) {
  const events = [];
  for await (const event of readEvents(body)) events.push(event);
  return events;
}

/** A body stream of these byte pieces, as fetch() would give it. */
const bodyOf = (pieces) => new ReadableStream({
  start(controller) {
    for (const piece of pieces) controller.enqueue(new Uint8Array(piece));
    controller.close();
  },
});

describe('the event-stream parser', () => {
  test('reads each event with its type, and "message" when it names none', () => {
    assert.deepEqual(parse('event: token\ndata: {"text":"a"}\n\ndata: plain\n\n'), [
      { type: 'token', data: '{"text":"a"}' }, { type: 'message', data: 'plain' }]);
  });

  test('joins the data lines of one event with line feeds, and takes one space after the colon away', () => {
    assert.deepEqual(parse('data:  two spaces\ndata:none\ndata\ndata: last\n\n'), [
      { type: 'message', data: ' two spaces\nnone\n\nlast' }]);
  });

  test('skips comments, unknown fields, and blank lines that complete no event', () => {
    assert.deepEqual(parse(': keep-alive\n\n\n\nid: 7\nretry: 10\nfoo: bar\n\n:x\nevent: token\ndata: a\n\n'), [
      { type: 'token', data: 'a' }]);
  });

  test('reads CRLF, CR and LF line ends alike', () => {
    assert.deepEqual(parse(AWKWARD), AWKWARD_EVENTS);
  });

  test('gives the same events wherever the text is cut in two', () => {
    for (let at = 0; at <= AWKWARD.length; at++) {
      assert.deepEqual(parse(AWKWARD.slice(0, at), AWKWARD.slice(at)), AWKWARD_EVENTS, `cut at ${at}`);
    }
  });

  test('gives the same events when the text comes one character at a time, with empty pieces between', () => {
    assert.deepEqual(parse(...[...AWKWARD].flatMap((c) => [c, ''])), AWKWARD_EVENTS);
  });

  test('takes a CR that ends one piece and an LF that opens the next as one line end, not two', () => {
    // Were they two, the blank line between would dispatch "data: a" early, without its second line.
    assert.deepEqual(parse('data: a\r', '\ndata: b\r', '\n\r', '\n'), [{ type: 'message', data: 'a\nb' }]);
  });

  test('drops an event that the stream ends in the middle of', () => {
    assert.deepEqual(parse('event: token\ndata: {"text":"whole"}\n\nevent: answer\ndata: {"answer":'), [
      { type: 'token', data: '{"text":"whole"}' }]);
    assert.deepEqual(parse('data: complete lines but no blank line\n'), []);
  });
});

describe('readEvents', () => {
  test('keeps a UTF-8 character whole wherever the bytes are cut, and drops a leading BOM', async () => {
    const data = '{"text":"\u00e9t\u00e9 \u201cquoted\u201d \ud83c\udf0a"}';
    const bytes = Buffer.from(`\uFEFFevent: token\r\ndata: ${data}\r\n\r\n`);
    for (let at = 1; at < bytes.length; at++) {
      assert.deepEqual(await collect(bodyOf([bytes.subarray(0, at), bytes.subarray(at)])),
        [{ type: 'token', data }], `cut at byte ${at}`);
    }
  });

  describe('on a real response over loopback', () => {
    let server;
    let closedEarly = 0;
    before(async () => {
      const bytes = Buffer.from(AWKWARD.replace('first line', 'first \u00e9 line'));
      const wave = Buffer.from('\ud83c\udf0a').length; // 4 bytes, to cut in the middle
      server = await startServer({
        // Pieces that cut a CRLF, a field name, a JSON string and a four-byte character.
        '/awkward': (req, res) => streamPieces(res, cut(Buffer.concat([bytes,
          Buffer.from('data: \ud83c\udf0a\n\n')]), [1, 13, 14, 15, 40, 41, 90, bytes.length + 6 + wave / 2])),
        // A stream that goes on until its reader stops reading.
        '/endless': (req, res) => {
          res.on('close', () => closedEarly++);
          streamPieces(res, Array.from({ length: 400 }, (_, i) => `data: ${i}\n\n`), { gapMs: 25 });
        },
      });
    });
    after(() => server.close());

    test('reads events streamed in awkward chunks', async () => {
      const response = await fetch(`${server.url}/awkward`);
      assert.deepEqual(await collect(response.body), [
        ...AWKWARD_EVENTS.map((e) => ({ ...e, data: e.data.replace(/^first/, 'first \u00e9') })),
        { type: 'message', data: '\ud83c\udf0a' }]);
    });

    test('closes the connection when its reader stops early', async () => {
      const response = await fetch(`${server.url}/endless`);
      for await (const event of readEvents(response.body)) {
        if (event.data === '2') break;
      }
      for (let i = 0; i < 100 && closedEarly === 0; i++) await sleep(20);
      assert.equal(closedEarly, 1, 'the server saw the reader hang up');
    });
  });
});
