// Shared by the browser tests: Debian's Chromium driven by playwright-core, and a small HTTP server that plays
// the page embedding the widget (another origin than the API) and, for the widget's own tests, a fake API.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const WEB_DIR = path.resolve(here, '..');
export const ARTIFACTS = process.env.WIDGET_ARTIFACTS || path.resolve(WEB_DIR, '..', 'target', 'widget-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The real server (WidgetBrowserIT starts it); tests that need it fail loudly without it. */
export function realApi() {
  const url = process.env.ARTICLE_CHAT_URL;
  if (!url) {
    throw new Error('ARTICLE_CHAT_URL is not set: run these tests with `mvn verify` (WidgetBrowserIT), or start '
      + '`java -jar target/article-chat.jar serve --cors-origin http://localhost:PORT` and set ARTICLE_CHAT_URL and '
      + 'WIDGET_HOST_PORT=PORT');
  }
  return url.replace(/\/+$/, '');
}

export async function launchBrowser() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install Debian's (apt-get install chromium) or set CHROMIUM_PATH`);
  }
  // launch() gives every run a fresh temporary profile; nothing is downloaded.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page with the browser's console errors and CSP violations collected, for asserting there were none. */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) {
      page.problems.push(`console: ${message.text()}`);
    }
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return page;
}

export const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The embedding page: one script tag, nothing else from the widget. */
export function hostPage({ title, widgetSrc, api, attributes = '', body = '', stylesheet = '' }) {
  return `<!doctype html>
<html lang="en"><head><meta charset="windows-1252"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>${stylesheet ? `<link rel="stylesheet" href="${stylesheet}">` : ''}
<script src="${escapeHtml(widgetSrc)}" data-api="${escapeHtml(api)}" ${attributes} defer></script>
</head><body>${body}</body></html>`;
}

/** CSS that breaks every widget that does not isolate itself. */
export const HOSTILE_CSS = `
* { all: unset; }
html, body { display: block; background: rgb(255, 255, 0); }
button { display: none !important; }
div, section, article, form, textarea, p, span, ol, li { display: inline !important; color: rgb(0, 128, 0) !important;
  font: 40px/1 serif !important; }
#host-text { display: block !important; }
`;

/**
 * Starts the embedding site. `routes` maps a path to a handler (req, res, body); pages and static files are
 * added by the caller. A strict CSP (no inline script or style) is sent with every page, as careful sites do.
 */
export function startSite(port, routes) {
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url, 'http://x');
      const handler = routes[url.pathname];
      if (!handler) {
        res.writeHead(404, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: `No such route: ${url.pathname}`, status: 404 }));
        return;
      }
      handler(req, res, Buffer.concat(chunks).toString('utf8'), url);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, 'localhost', () => {
      const origin = `http://localhost:${server.address().port}`;
      resolve({ origin, close: () => new Promise((done) => { server.closeAllConnections(); server.close(done); }) });
    });
  });
}

export function sendPage(res, html, csp) {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=windows-1252', 'Content-Security-Policy': csp, 'Cache-Control': 'no-store' });
  res.end(html);
}

export function sendFile(res, file, type) {
  res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(fs.readFileSync(file));
}

/** Reaches into the widget's open shadow root, the way page scripts (and assistive technology) can. */
export const widget = (page) => page.locator('article-chat');

export function saveArtifact(name, content) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name);
  fs.writeFileSync(file, content);
  return file;
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
