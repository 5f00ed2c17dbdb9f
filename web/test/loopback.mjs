// A real HTTP server on loopback for the Node tests of the widget's modules: no fetch is mocked, the bytes go
// through sockets, chunked transfer encoding and the platform's fetch() as they do in a browser.
import http from 'node:http';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts a server on 127.0.0.1 whose `routes` map a path to (req, res, body) => void; other paths are a JSON 404.
 * Every request is recorded in `requests` ({method, path, headers, body}).
 */
export async function startServer(routes) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const path = new URL(req.url, 'http://x').pathname;
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: req.method, path, headers: req.headers, body });
      const route = routes[path];
      if (route) {
        route(req, res, body);
      } else {
        res.writeHead(404, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: `No such route: ${path}`, status: 404 }));
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    }),
  };
}

/** Starts an event stream and sends `pieces` (strings or Buffers) one at a time, each flushed on its own. */
export async function streamPieces(res, pieces, { end = true, gapMs = 15 } = {}) {
  res.socket.setNoDelay(true);
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache' });
  res.flushHeaders();
  for (const piece of pieces) {
    if (res.destroyed) return;
    res.write(piece);
    await sleep(gapMs);
  }
  if (end) res.end();
}

export const sse = (type, data) => `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;

/** Cuts text into pieces at the given offsets (UTF-16 offsets, or byte offsets when given a Buffer). */
export function cut(whole, offsets) {
  const pieces = [];
  let at = 0;
  for (const offset of [...offsets, whole.length]) {
    pieces.push(whole.slice(at, offset));
    at = offset;
  }
  return pieces.filter((p) => p.length);
}
