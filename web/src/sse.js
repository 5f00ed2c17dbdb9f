/**
 * Server-sent events read from a fetch() body: EventSource cannot POST, and a question is a POST. The rules are
 * the HTML standard's ("Interpreting an event stream"): a line ends in CRLF, LF or CR; a line that starts with
 * ":" is a comment (the server's keep-alives); "data" lines of one event are joined with "\n"; a blank line
 * dispatches the event; an event that the stream ends in the middle of is dropped. The network may cut the bytes
 * anywhere, through a CRLF or a UTF-8 character included.
 */

/** The parser, fed text as it arrives; each push() returns the events that its text completed. */
export class EventStreamParser {
  constructor() {
    this.rest = ''; // the start of a line whose end has not arrived
    this.afterCR = false; // the last text ended in CR: an LF that opens the next one belongs to that line end
    this.type = '';
    this.data = [];
  }

  push(text) {
    if (this.afterCR && text) {
      this.afterCR = false;
      if (text[0] === '\n') text = text.slice(1);
    }
    const input = this.rest + text;
    const events = [];
    const lineEnd = /\r\n?|\n/g;
    let start = 0;
    for (let match = lineEnd.exec(input); match; match = lineEnd.exec(input)) {
      const event = this.line(input.slice(start, match.index));
      if (event) events.push(event);
      start = lineEnd.lastIndex;
      // A CR that ends the input ends its line now; whether it is half of a CRLF is known only from the next text.
      if (match[0] === '\r' && start === input.length) this.afterCR = true;
    }
    this.rest = input.slice(start);
    return events;
  }

  /** One line; returns the event a blank line completes, if there is one. */
  line(line) {
    if (line === '') {
      const event = this.data.length ? { type: this.type || 'message', data: this.data.join('\n') } : null;
      this.type = '';
      this.data = [];
      return event;
    }
    if (line[0] === ':') return null;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value[0] === ' ') value = value.slice(1);
    if (field === 'event') this.type = value;
    else if (field === 'data') this.data.push(value);
    // "id" and "retry" serve reconnection, which an answer to a POST never does; other fields are ignored by rule.
    return null;
  }
}

/**
 * The events of a response body (a ReadableStream of bytes), as {type, data}. Ends when the stream does; leaving
 * the loop early (an answer arrived, the reader stopped) cancels the stream, which closes the connection.
 */
export async function* readEvents(body) {
  // TextDecoderStream keeps a character split between chunks whole, and drops a leading BOM as the standard says.
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = new EventStreamParser();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      yield* parser.push(value);
    }
  } finally {
    reader.cancel().catch(() => {}); // already closed or errored: there is nothing left to release
  }
}
