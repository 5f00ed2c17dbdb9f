// The widget against a fake API that the test controls: streaming, stop, errors and retry, fallbacks, history,
// and hostile answers. The real server is exercised by e2e.test.mjs.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import {
  WEB_DIR, hostPage, launchBrowser, openPage, sendFile, sendPage, startSite, widget,
} from './support.mjs';

const citation = (n, quote = `Quoted sentence ${n}.`, articleId = 'fake') => ({
  n, passageId: `p${n}`, quote, start: 10 * n, end: 10 * n + quote.length, articleId,
});
const answerObject = (answer, extra = {}) => ({
  answer, answered: true, citations: [citation(1)], model: 'fake', query: 'q', timingsMs: { retrieve: 1, generate: 1, total: 2 }, ...extra,
});
const sse = (type, data) => `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** What the fake API was asked, and whether the browser hung up on it. */
const seen = { bodies: [], hungUp: 0, attempts: new Map(), articleLists: 0 };

async function stream(req, res, body) {
  const { question, history, articleId } = JSON.parse(body);
  seen.bodies.push({ question, history, articleId });
  const attempt = (seen.attempts.get(question) || 0) + 1;
  seen.attempts.set(question, attempt);
  if (/busy/.test(question)) {
    res.writeHead(503, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error: 'The server is busy; try again in a minute.', status: 503 }));
    return;
  }
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
  res.write(sse('sources', { query: question, passages: [] }));
  if (/markup/.test(question)) {
    const hostile = 'Look: <img src=x onerror="window.__xss=1"> and <b>bold</b> [1]';
    res.write(sse('token', { text: 'Look: <img src=x onerror="window.__xss=1"> ' }));
    res.end(sse('answer', answerObject(hostile, { citations: [citation(1, '<script>window.__xss=2</script><img src=y onerror="window.__xss=3">')] })));
  } else if (/slow/.test(question)) {
    for (const text of ['Anita ', 'Anand, the foreign minister, ', 'echoed the message. ', 'She spoke ', 'in Beijing. ', '[1]']) {
      res.write(sse('token', { text }));
      await sleep(250);
    }
    res.end(sse('answer', answerObject('Anita Anand, the foreign minister, echoed the message. She spoke in Beijing. [1]')));
  } else if (/hang/.test(question)) {
    res.write(sse('token', { text: 'This answer never ' }));
    res.write(sse('token', { text: 'ends' }));
    req.socket.on('close', () => { seen.hungUp++; });
  } else if (/error/.test(question) && attempt === 1) {
    res.write(sse('token', { text: 'Half an ' }));
    res.end(sse('error', { error: 'The model failed while answering.', status: 500 }));
  } else if (/fallback/.test(question)) {
    res.write(sse('token', { text: 'An invented claim that was not supported. ' }));
    res.end(sse('answer', answerObject('What the article says [1].', { fallback: 'unsupported' })));
  } else if (/chunked/.test(question)) {
    // CRLF line ends, keep-alive comments, an event split across writes, a multi-line data field.
    const raw = ': keep-alive\r\n\r\nevent: token\r\ndata: {"text":"Split "}\r\n\r\nevent: tok'
      + 'en\r\ndata: {"text":"across\\nlines "}\r\n\r\n: ping\r\n\r\nevent: answer\r\ndata: '
      + JSON.stringify(answerObject('Split across\nlines [1]')) + '\r\n\r\n';
    for (const piece of [raw.slice(0, 20), raw.slice(20, 71), raw.slice(71, 72), raw.slice(72)]) {
      res.write(piece);
      await sleep(30);
    }
    res.end();
  } else if (/two articles/.test(question)) {
    res.end(sse('answer', answerObject('One article says [1], another says [2].', {
      citations: [citation(1, 'From the first.', 'fake-a'), citation(2, 'From the second.', 'fake-b')] })));
  } else if (/unsure/.test(question)) {
    res.end(sse('answer', answerObject('The article does not say.', { answered: false, citations: [] })));
  } else {
    res.write(sse('token', { text: `Answer ${seen.bodies.length} ` }));
    res.end(sse('answer', answerObject(`Answer ${seen.bodies.length} with ${history.length} turns before it [1].`)));
  }
}

function once(req, res, body) {
  const { question, history } = JSON.parse(body);
  seen.bodies.push({ question, history, once: true });
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(answerObject(`Answered without streaming [1].`)));
}

/** GET /api/articles of the fake API: the articles it serves. */
const articleList = (articles) => (req, res) => {
  seen.articleLists++;
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ articles }));
};

let browser;
let site;
const CSP = "default-src 'none'; script-src 'self'; connect-src 'self' http://127.0.0.1:1; style-src 'self'";

before(async () => {
  browser = await launchBrowser();
  const widgetFile = path.join(WEB_DIR, 'widget.js');
  const page = (api, attributes = '') => (req, res) => sendPage(res,
    hostPage({ title: 'Fake API host', widgetSrc: '/widget.js', api, attributes }), CSP);
  site = await startSite(0, {
    '/widget.js': (req, res) => sendFile(res, widgetFile, 'text/javascript'),
    '/fake.html': page('/fake', 'data-open data-questions="First slow question?|Second?"'),
    '/nostream.html': page('/nostream', 'data-open'),
    '/unreachable.html': page('http://127.0.0.1:1', 'data-open'),
    '/dark-left.html': page('/fake', 'data-theme="dark" data-position="left" data-title="Ask Us"'),
    '/scoped.html': page('/fake', 'data-open data-article="fake-a"'),
    '/scoped-fake.html': page('/fake', 'data-open data-article="fake"'),
    '/single.html': page('/single', 'data-open'),
    '/fake/api/ask/stream': stream,
    '/fake/api/ask': once,
    '/fake/api/articles': articleList([{ id: 'fake-a', title: 'The first article', passages: 3 },
      { id: 'fake-b', title: 'The second article', passages: 4 }, { id: 'fake', title: 'The fake article', passages: 5 }]),
    '/single/api/ask/stream': stream,
    '/single/api/articles': articleList([{ id: 'fake', title: 'The only article', passages: 5 }]),
    '/nostream/api/ask': once,
  });
});

after(async () => {
  await browser?.close();
  await site?.close();
});

beforeEach(() => {
  seen.bodies = [];
  seen.attempts.clear();
  seen.articleLists = 0;
});

async function ask(page, question) {
  const w = widget(page);
  await w.locator('textarea').fill(question);
  await w.locator('textarea').press('Enter');
}

const lastAnswer = (page) => widget(page).locator('article.msg.assistant').last();

describe('the widget', () => {
  test('streams an answer in as it is written, busy until it is done, and speaks it in sentences', async () => {
    const page = await openPage(browser);
    await page.goto(`${site.origin}/fake.html`);
    const w = widget(page);
    await page.evaluate(() => {
      // Count what the live region is given, and what the answer bubble shows, as it happens.
      const root = document.querySelector('article-chat').shadowRoot;
      window.__announced = [];
      window.__partials = [];
      new MutationObserver(() => {
        const live = root.querySelector('[aria-live="polite"]');
        window.__announced = [...live.children].map((p) => p.textContent);
        const bubbles = root.querySelectorAll('article.msg.assistant .bubble');
        window.__partials.push(bubbles[bubbles.length - 1].textContent);
      }).observe(root, { subtree: true, childList: true, characterData: true });
    });

    await w.getByRole('button', { name: 'First slow question?' }).click();

    await assert.doesNotReject(lastAnswer(page).locator('.bubble').getByText('Anita Anand', { exact: false }).waitFor());
    assert.equal(await w.locator('[role="log"]').getAttribute('aria-busy'), 'true');
    assert.equal(await w.locator('button.send').textContent(), 'Stop');
    assert.equal(await lastAnswer(page).locator('.sources').count(), 0, 'sources come with the final answer');
    await lastAnswer(page).locator('.sources').waitFor();
    assert.equal(await w.locator('[role="log"]').getAttribute('aria-busy'), 'false');
    assert.equal(await lastAnswer(page).locator('.bubble').textContent(),
      'Anita Anand, the foreign minister, echoed the message. She spoke in Beijing. 1');
    const partials = await page.evaluate(() => window.__partials);
    assert.ok(partials.some((p) => p.startsWith('Anita') && !p.includes('Beijing')), 'a partial answer was shown');
    const announced = await page.evaluate(() => window.__announced);
    assert.deepEqual(announced, ['Anita Anand, the foreign minister, echoed the message.', 'She spoke in Beijing.'],
      'announced in two sentences, not six tokens, and without the [1] marker');
    assert.deepEqual(page.problems, []);
  });

  test('sends the conversation so far with each question, and keeps it for the tab across a reload', async () => {
    const page = await openPage(browser);
    await page.goto(`${site.origin}/fake.html`);
    await ask(page, 'One?');
    await lastAnswer(page).locator('.sources').waitFor();
    await ask(page, 'Two?');
    await widget(page).getByText('Answer 2 with 2 turns before it').waitFor();

    assert.deepEqual(seen.bodies[1].history, [
      { role: 'user', content: 'One?' },
      { role: 'assistant', content: 'Answer 1 with 0 turns before it [1].' }]);
    await page.reload();
    const w = widget(page);
    await w.getByText('Answer 2 with 2 turns before it').waitFor();
    assert.equal(await w.locator('article.msg.user').count(), 2);
    assert.equal(await w.locator('.suggestions').count(), 0, 'starter questions are for an empty conversation');

    await w.getByRole('button', { name: 'New chat' }).click();
    assert.equal(await w.locator('article.msg.user').count(), 0);
    await page.reload();
    assert.equal(await widget(page).locator('article.msg.user').count(), 0);
  });

  test('stops answering when Stop is pressed, and the server sees the request end', async () => {
    const page = await openPage(browser);
    await page.goto(`${site.origin}/fake.html`);
    const hungUpBefore = seen.hungUp;
    await ask(page, 'Please hang?');
    const w = widget(page);
    await lastAnswer(page).getByText('This answer never ends').waitFor();

    await w.getByRole('button', { name: 'Stop answering' }).click();

    await lastAnswer(page).getByText('Stopped.').waitFor();
    assert.equal(await w.locator('[role="log"]').getAttribute('aria-busy'), 'false');
    assert.equal(await w.locator('button.send').textContent(), 'Send');
    for (let i = 0; i < 50 && seen.hungUp === hungUpBefore; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(seen.hungUp, hungUpBefore + 1, 'the fetch was aborted');
    await ask(page, 'After stopping?');
    await widget(page).getByText('with 0 turns before it').waitFor(); // a stopped answer is not history
  });

  test('shows the error a stream ends with, and answers on retry', async () => {
    const page = await openPage(browser);
    await page.goto(`${site.origin}/fake.html`);
    await ask(page, 'An error please?');
    const w = widget(page);
    await w.getByText('The model failed while answering.').waitFor();
    assert.equal(await w.getByRole('alert').textContent(), 'The question was not answered.');

    await w.getByRole('button', { name: 'Retry' }).click();

    await lastAnswer(page).locator('.sources').waitFor();
    assert.equal(await w.locator('article.msg.error').count(), 0);
    assert.equal(await w.locator('article.msg.user').count(), 1, 'the retried question is asked once');
  });

  test('shows the JSON error of a refused request as it was written', async () => {
    const page = await openPage(browser);
    await page.goto(`${site.origin}/fake.html`);
    await ask(page, 'Are you busy?');
    await widget(page).getByText('The server is busy; try again in a minute.').waitFor();
    assert.equal(await widget(page).getByRole('button', { name: 'Retry' }).count(), 1);
  });

  test('says so plainly when the server cannot be reached, and offers a retry', async () => {
    const page = await openPage(browser);
    await page.goto(`${site.origin}/unreachable.html`);
    await ask(page, 'Anyone there?');
    const w = widget(page);
    await w.getByText('Cannot reach the server, or it does not take questions from this site. '
      + 'Check the connection and try again.').waitFor();
    await assert.doesNotReject(w.getByRole('button', { name: 'Retry' }).waitFor());
  });

  test('falls back to POST /api/ask when the server has no streaming route', async () => {
    const page = await openPage(browser);
    await page.goto(`${site.origin}/nostream.html`);
    await ask(page, 'Old server?');
    await lastAnswer(page).getByText('Answered without streaming').waitFor();
    assert.equal(seen.bodies.at(-1).once, true);
    assert.equal(await lastAnswer(page).locator('.sources li').count(), 1);
  });

  test('shows the final answer when the server replaced the streamed text', async () => {
    const page = await openPage(browser);
    await page.goto(`${site.origin}/fake.html`);
    await ask(page, 'A fallback?');
    await lastAnswer(page).locator('.sources').waitFor();
    assert.equal(await lastAnswer(page).locator('.bubble').textContent(), 'What the article says 1.');
  });

  test('reads events split across chunks, with CRLF line ends and keep-alive comments', async () => {
    const page = await openPage(browser);
    await page.goto(`${site.origin}/fake.html`);
    await ask(page, 'chunked?');
    await lastAnswer(page).locator('.sources').waitFor();
    assert.equal(await lastAnswer(page).locator('.bubble').textContent(), 'Split across\nlines 1');
  });

  test('shows an answer the article does not hold as unanswered, with no sources', async () => {
    const page = await openPage(browser);
    await page.goto(`${site.origin}/fake.html`);
    await ask(page, 'unsure?');
    await lastAnswer(page).getByText('Not answered from the article').waitFor();
    assert.equal(await lastAnswer(page).locator('.sources, .cite').count(), 0);
  });

  test('inserts markup in questions, answers and quotes as text', async () => {
    const page = await openPage(browser);
    await page.goto(`${site.origin}/fake.html`);
    const question = 'markup <img src=x onerror="window.__xss=4"><script>window.__xss=5</script>?';
    await ask(page, question);
    const w = widget(page);
    await lastAnswer(page).locator('.sources').waitFor();
    await lastAnswer(page).locator('.cite').first().hover();

    assert.equal(await w.locator('article.msg.user .bubble').textContent(), question);
    assert.equal(await lastAnswer(page).locator('.bubble').textContent(),
      'Look: <img src=x onerror="window.__xss=1"> and <b>bold</b> 1');
    assert.equal(await lastAnswer(page).locator('.sources q').textContent(),
      '<script>window.__xss=2</script><img src=y onerror="window.__xss=3">');
    assert.equal(await w.locator('img, script, b').count(), 0, 'no element was made from the text');
    await page.waitForTimeout(300); // an onerror would have fired by now
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
  });

  test('asks every question of its data-article, and keeps that article\'s conversation apart', async () => {
    const page = await openPage(browser);
    await page.goto(`${site.origin}/scoped.html`);
    await ask(page, 'One?');
    await lastAnswer(page).locator('.sources').waitFor();
    await ask(page, 'Two?');
    await widget(page).getByText('Answer 2 with 2 turns before it').waitFor();
    assert.deepEqual(seen.bodies.map((b) => b.articleId), ['fake-a', 'fake-a']);

    await page.goto(`${site.origin}/fake.html`); // the same tab, an unscoped widget
    await ask(page, 'Unscoped?');
    await widget(page).getByText('Answer 3 with 0 turns before it').waitFor();
    assert.equal(seen.bodies[2].articleId, undefined, 'no articleId without data-article');
    await page.goto(`${site.origin}/scoped.html`);
    assert.equal(await widget(page).locator('article.msg.user').count(), 2, 'the scoped conversation is its own');
  });

  test('names the article of each citation when the answer draws on several, asking for the list once', async () => {
    const page = await openPage(browser);
    await page.goto(`${site.origin}/fake.html`);
    assert.equal(seen.articleLists, 0, 'not asked for before an answer needs it');
    await ask(page, 'From two articles?');
    const titles = lastAnswer(page).locator('.sources cite');
    await titles.nth(1).waitFor();
    assert.deepEqual(await titles.allTextContents(), ['The first article', 'The second article']);
    assert.deepEqual(await lastAnswer(page).locator('.sources q').allTextContents(),
      ['From the first.', 'From the second.']);

    await ask(page, 'Again from two articles?');
    await lastAnswer(page).locator('.sources cite').nth(1).waitFor();
    await page.reload(); // the restored answers are named too
    await widget(page).locator('article.msg.assistant .sources cite').nth(3).waitFor();
    assert.equal(seen.articleLists, 2, 'once for the page, and once after the reload');
    assert.deepEqual(page.problems, []);
  });

  test('names no article, and asks for no list, when every citation is from the article it is scoped to', async () => {
    const page = await openPage(browser);
    await page.goto(`${site.origin}/scoped-fake.html`);
    await ask(page, 'Scoped?');
    await lastAnswer(page).locator('.sources').waitFor();
    await page.waitForTimeout(300);
    assert.equal(await lastAnswer(page).locator('.sources cite').count(), 0);
    assert.equal(seen.articleLists, 0);
  });

  test('names no article when the server serves only one', async () => {
    const page = await openPage(browser);
    await page.goto(`${site.origin}/single.html`);
    await ask(page, 'Single?');
    await lastAnswer(page).locator('.sources').waitFor();
    for (let i = 0; i < 50 && seen.articleLists === 0; i++) await page.waitForTimeout(20);
    await page.waitForTimeout(100);
    assert.equal(seen.articleLists, 1);
    assert.equal(await lastAnswer(page).locator('.sources cite').count(), 0);
  });

  test('follows its data attributes: theme, position and title', async () => {
    const page = await openPage(browser, { colorScheme: 'light' });
    await page.goto(`${site.origin}/dark-left.html`);
    const w = widget(page);
    const launcher = w.getByRole('button', { name: 'Ask Us' });
    const box = await launcher.boundingBox();
    assert.ok(box.x < 100, `launcher on the left (x=${box.x})`);
    assert.equal(await w.locator('[role="dialog"]').isVisible(), false, 'closed unless data-open');
    await launcher.click();
    assert.equal(await w.getByRole('heading', { name: 'Ask Us' }).isVisible(), true);
    const background = await w.locator('.panel').evaluate((node) => getComputedStyle(node).backgroundColor);
    assert.equal(background, 'rgb(22, 25, 29)', 'dark although the system is light');
  });
});
