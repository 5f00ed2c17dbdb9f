// The widget and the demo page against the real server (started by WidgetBrowserIT on loopback, extractive
// answerer), embedded on a hostile page of another origin, with keyboard-only use, screenshots and measurements.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  ARTIFACTS, HOSTILE_CSS, WEB_DIR, hostPage, launchBrowser, median, openPage, realApi, saveArtifact, sendPage,
  startSite, widget,
} from './support.mjs';

const API = realApi();
const HOST_PORT = Number(process.env.WIDGET_HOST_PORT || 0);
const MINISTER = "Which minister echoed Carney's message in Beijing?";

let browser;
let site;

before(async () => {
  browser = await launchBrowser();
  const csp = `default-src 'none'; script-src ${API}; connect-src ${API}; style-src 'self'`;
  site = await startSite(HOST_PORT, {
    '/hostile.html': (req, res) => sendPage(res, hostPage({
      title: 'A hostile host page', widgetSrc: `${API}/widget.js`, api: API, stylesheet: '/hostile.css',
      body: '<p id="host-text">The host page\'s own text.</p><button id="host-button">Host button</button>',
    }), csp),
    '/hostile.css': (req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/css' });
      res.end(HOSTILE_CSS);
    },
  });
});

after(async () => {
  await browser?.close();
  await site?.close();
});

const lastAnswer = (page) => widget(page).locator('article.msg.assistant').last();

async function ask(page, question) {
  const input = widget(page).getByLabel('Your question about the article');
  await input.fill(question);
  await input.press('Enter');
}

/** Requests to the API, to tell a streamed answer from a fallback to POST /api/ask. */
function recordApiCalls(page) {
  const calls = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/api/ask')) {
      calls.push({ path: new URL(response.url()).pathname, status: response.status(), type: response.headers()['content-type'] });
    }
  });
  return calls;
}

async function openDemo(page) {
  const response = await page.goto(`${API}/`);
  await page.locator('#article-body p').first().waitFor();
  return response;
}

describe('the widget on the real server', () => {
  test('embedded on another origin under hostile CSS, it streams an answer with a citation', async () => {
    const page = await openPage(browser);
    const calls = recordApiCalls(page);
    await page.goto(`${site.origin}/hostile.html`);
    const w = widget(page);
    const launcher = w.getByRole('button', { name: 'Ask the article' });
    await launcher.waitFor();
    const box = await launcher.boundingBox();
    assert.deepEqual([box.width, box.height], [56, 56], 'the launcher keeps its own size');
    assert.ok(box.x > 1280 - 100 && box.y > 800 - 100, `launcher at the bottom right (${box.x}, ${box.y})`);

    await launcher.click();
    const input = w.getByLabel('Your question about the article');
    assert.equal(await input.evaluate((node) => getComputedStyle(node).fontSize), '15px');
    assert.equal(await w.getByRole('button', { name: 'Send' }).isVisible(), true, 'page CSS hides no widget button');
    await ask(page, MINISTER);
    await lastAnswer(page).locator('.sources').waitFor();

    assert.match(await lastAnswer(page).locator('.bubble').textContent(), /Anita Anand/);
    assert.equal(await lastAnswer(page).locator('.bubble .cite').count(), 1);
    assert.match(await lastAnswer(page).locator('.sources q').textContent(), /^Foreign Affairs Minister Anita Anand echoed/);
    assert.deepEqual(calls, [{ path: '/api/ask/stream', status: 200, type: 'text/event-stream;charset=utf-8' }],
      'streamed, cross-origin, no fallback');
    const host = await page.evaluate(() => ({
      sheets: document.styleSheets.length,
      adopted: document.adoptedStyleSheets.length,
      text: getComputedStyle(document.getElementById('host-text')).fontSize,
      color: getComputedStyle(document.getElementById('host-text')).color,
      button: getComputedStyle(document.getElementById('host-button')).display,
    }));
    assert.deepEqual(host, { sheets: 1, adopted: 0, text: '40px', color: 'rgb(0, 128, 0)', button: 'none' },
      'the widget added no style to the page and changed none of it');
    assert.deepEqual(await page.evaluate(() => window.__violations), [], 'works under a CSP without inline styles');
    assert.deepEqual(page.problems, []);
  });

  test('hovering or focusing a citation shows the sentence it quotes', async () => {
    const page = await openPage(browser);
    await page.goto(`${site.origin}/hostile.html`);
    const w = widget(page);
    await w.getByRole('button', { name: 'Ask the article' }).click();
    await ask(page, 'On which day did Carney\'s visit to China begin?');
    await lastAnswer(page).locator('.sources').waitFor();
    const quote = await lastAnswer(page).locator('.sources q').textContent();
    const tip = w.locator('.tip');

    await lastAnswer(page).locator('.bubble .cite').hover();
    assert.equal(await tip.isVisible(), true);
    assert.equal(await tip.textContent(), `\u201c${quote}\u201d`);
    await page.mouse.move(5, 5);
    assert.equal(await tip.isVisible(), false);

    await lastAnswer(page).locator('.bubble .cite').focus();
    assert.equal(await tip.textContent(), `\u201c${quote}\u201d`);
    assert.equal(await tip.isVisible(), true);
    assert.equal(await lastAnswer(page).locator('.bubble .cite').getAttribute('aria-label'), 'Source 1');
    const describedBy = await lastAnswer(page).locator('.bubble .cite').getAttribute('aria-describedby');
    assert.equal(await w.locator(`[id="${describedBy}"]`).textContent(), quote, 'the quote is its description');
  });

  test('on the demo page, a citation lights up exactly the quoted span of the article', async () => {
    const page = await openPage(browser);
    const calls = recordApiCalls(page);
    const response = await openDemo(page);
    assert.match(response.headers()['content-security-policy'], /script-src 'self'/);
    assert.equal(response.headers()['x-content-type-options'], 'nosniff');
    const w = widget(page);
    await w.getByRole('button', { name: 'Ask the article' }).click();

    await w.getByRole('button', { name: MINISTER }).click(); // a suggested question
    await lastAnswer(page).locator('.sources').waitFor();
    const quote = await lastAnswer(page).locator('.sources q').textContent();
    await lastAnswer(page).locator('.sources .cite').click();

    const marked = await page.locator('mark.cited').allTextContents();
    assert.equal(marked.join(''), quote);
    await page.waitForFunction(() => {
      const r = document.querySelector('mark.cited').getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    assert.equal(calls[0].path, '/api/ask/stream');
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(page.problems, []);
  });

  // The screenshot of the README and docs/widget.md: written to the artifacts on every run, and over
  // docs/demo.png when UPDATE_DOCS_SCREENSHOT is set (CONTRIBUTING.md, "The screenshot in the docs").
  test('the docs screenshot: an answer beside the sentence its citation quotes, lit up in the article', async () => {
    const page = await openPage(browser, { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, colorScheme: 'light' });
    await openDemo(page);
    const w = widget(page);
    await w.getByRole('button', { name: 'Ask the article' }).click();
    await w.getByRole('button', { name: MINISTER }).click();
    await lastAnswer(page).locator('.sources').waitFor();
    const quote = await lastAnswer(page).locator('.sources q').textContent();
    await lastAnswer(page).locator('.bubble .cite').first().click();
    await page.locator('mark.cited').first().waitFor();
    // the smooth scroll to the sentence has ended when the mark stops moving
    let top = null;
    for (let i = 0; i < 40; i++) {
      await page.waitForTimeout(100);
      const now = await page.locator('mark.cited').first().evaluate((m) => m.getBoundingClientRect().top);
      if (now === top) break;
      top = now;
    }

    assert.equal((await page.locator('mark.cited').allTextContents()).join(''), quote, 'the quote is what is lit up');
    const mark = await page.locator('mark.cited').first().boundingBox();
    const panel = await w.locator('[role="dialog"]').boundingBox();
    assert.ok(mark.y >= 0 && mark.y + mark.height <= 800, 'the cited sentence is in view');
    assert.ok(await w.locator('[role="dialog"]').isVisible(), 'the chat with its answer is in view');
    assert.ok(mark.x + mark.width <= panel.x || mark.y + mark.height <= panel.y,
      `the chat does not hide the cited sentence (mark ${JSON.stringify(mark)}, panel ${JSON.stringify(panel)})`);
    await page.mouse.move(0, 0); // no hover tooltip in the picture
    const png = await page.screenshot();
    const artifact = saveArtifact('docs-demo.png', png);
    if (process.env.UPDATE_DOCS_SCREENSHOT) {
      const docs = path.resolve(WEB_DIR, '..', 'docs', 'demo.png');
      fs.writeFileSync(docs, png);
      console.log(`wrote ${docs}`);
    }
    assert.ok(fs.existsSync(artifact));
    assert.deepEqual(page.problems, []);
  });

  test('a question the article does not answer is shown as not answered, with no sources', async () => {
    const page = await openPage(browser);
    await openDemo(page);
    await widget(page).getByRole('button', { name: 'Ask the article' }).click();
    await ask(page, 'What is the capital of Australia?');
    await lastAnswer(page).getByText('Not answered from the article').waitFor();
    assert.match(await lastAnswer(page).locator('.bubble').textContent(), /article does not say/i);
    assert.equal(await lastAnswer(page).locator('.sources, .cite').count(), 0);
  });

  test('markup in a question comes back as text, never as an element', async () => {
    const page = await openPage(browser);
    await page.goto(`${site.origin}/hostile.html`);
    const w = widget(page);
    await w.getByRole('button', { name: 'Ask the article' }).click();
    const question = '<img src=x onerror="window.__xss=1">Who did Carney meet in Beijing?';
    await ask(page, question);
    await w.getByRole('button', { name: 'Send' }).waitFor(); // the answer is complete (the server refuses it)

    assert.equal(await w.locator('article.msg.user .bubble').textContent(), question);
    assert.equal(await w.locator('img').count(), 0);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
  });

  test('works with the keyboard alone: open, ask, follow a citation, close', async () => {
    const page = await openPage(browser);
    await openDemo(page);
    const w = widget(page);
    const focused = () => page.evaluate(() => {
      let node = document.activeElement;
      while (node && node.shadowRoot && node.shadowRoot.activeElement) node = node.shadowRoot.activeElement;
      const style = getComputedStyle(node);
      return { tag: node.tagName, cls: node.className, label: node.getAttribute('aria-label') || node.textContent.trim(),
        outline: `${style.outlineStyle} ${style.outlineWidth}` };
    });

    let now;
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      now = await focused();
      if (now.label === 'Ask the article') break;
    }
    assert.equal(now.label, 'Ask the article', 'the launcher is reached with Tab');
    assert.equal(now.outline, 'solid 3px', 'focus is visible');
    await page.keyboard.press('Enter');
    assert.equal((await focused()).tag, 'TEXTAREA', 'opening the chat puts the cursor in the question box');
    await page.keyboard.type('What term does Chinese state media use for a Canadian foreign policy independent of Washington?');
    await page.keyboard.press('Enter');
    await lastAnswer(page).locator('.sources').waitFor();

    for (let i = 0; i < 5 && !(now = await focused()).cls.includes('cite'); i++) await page.keyboard.press('Shift+Tab');
    assert.ok(now.cls.includes('cite'), `a citation is reached with Shift+Tab from the question box (at ${now.label})`);
    assert.equal(await w.locator('.tip').isVisible(), true, 'focus shows the quote');
    await page.keyboard.press('Enter');
    const quote = await lastAnswer(page).locator('.sources q').textContent();
    assert.equal((await page.locator('mark.cited').allTextContents()).join(''), quote);

    await page.keyboard.press('Escape'); // hides the quote
    await page.keyboard.press('Escape'); // closes the chat
    assert.equal(await w.locator('[role="dialog"]').isVisible(), false);
    assert.equal((await focused()).label, 'Ask the article', 'focus goes back to the launcher');
  });

  for (const [name, viewport] of [['phone-360', { width: 360, height: 740 }], ['desktop-1280', { width: 1280, height: 800 }]]) {
    test(`fits a ${viewport.width} px wide screen; screenshots saved`, async () => {
      const page = await openPage(browser, { viewport, deviceScaleFactor: 1, isMobile: viewport.width < 500, hasTouch: viewport.width < 500 });
      await openDemo(page);
      await page.screenshot({ path: path.join(ARTIFACTS, `demo-${name}-article.png`) });
      const w = widget(page);
      await w.getByRole('button', { name: 'Ask the article' }).click();
      await ask(page, 'How many years had passed since a Canadian leader last went to China?');
      await lastAnswer(page).locator('.sources').waitFor();
      await page.screenshot({ path: path.join(ARTIFACTS, `demo-${name}-answer.png`) });

      const panel = await w.locator('[role="dialog"]').boundingBox();
      assert.ok(panel.x >= 0 && panel.x + panel.width <= viewport.width, 'the panel fits across');
      assert.ok(panel.y >= 0 && panel.y + panel.height <= viewport.height, 'the panel fits down');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.equal(overflow, 0, 'no sideways scrolling');

      await lastAnswer(page).locator('.bubble .cite').click();
      await page.locator('mark.cited').first().waitFor();
      await page.waitForTimeout(600); // the smooth scroll to the sentence
      await page.screenshot({ path: path.join(ARTIFACTS, `demo-${name}-cited.png`) });
      if (viewport.width < 500) {
        assert.equal(await w.locator('[role="dialog"]').isVisible(), false, 'on a phone the chat steps aside');
      }
      assert.ok(fs.existsSync(path.join(ARTIFACTS, `demo-${name}-answer.png`)));
    });
  }

  test('follows a dark colour scheme, page and widget alike', async () => {
    const page = await openPage(browser, { viewport: { width: 360, height: 740 }, colorScheme: 'dark', isMobile: true });
    await openDemo(page);
    const w = widget(page);
    await w.getByRole('button', { name: 'Ask the article' }).click();
    await ask(page, 'What tariffs did Ottawa impose on China?');
    await lastAnswer(page).locator('.sources').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'demo-phone-360-dark-answer.png') });

    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(18, 20, 23)');
    assert.equal(await w.locator('.panel').evaluate((node) => getComputedStyle(node).backgroundColor), 'rgb(22, 25, 29)');
  });

  test('measures page weight and the time from send to first streamed text', async (t) => {
    const page = await openPage(browser);
    await openDemo(page);
    await page.waitForLoadState('networkidle');
    const weight = await page.evaluate(() => {
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
      return entries.map((e) => ({ url: new URL(e.name).pathname, transferred: e.transferSize, body: e.decodedBodySize }));
    });
    const total = weight.reduce((sum, e) => sum + e.transferred, 0);
    const widgetBytes = fs.statSync(path.join(WEB_DIR, 'widget.js')).size;
    assert.ok(widgetBytes <= 30 * 1024, `widget.js with its styles is ${widgetBytes} bytes, over the 30 KB budget`);

    const w = widget(page);
    const calls = recordApiCalls(page);
    await w.getByRole('button', { name: 'Ask the article' }).click();
    const questions = [
      'Which country did Mark Carney visit?', 'What did Xi say he was encouraged by?',
      'What is Carney\'s pledge on exports to other markets?', 'Who has increased tariffs on Canada?',
      'What event happened in 2018 that strained relations?'];
    const firstText = [];
    for (const question of questions) {
      await page.evaluate(() => performance.clearMarks());
      await ask(page, question);
      await w.getByRole('button', { name: 'Send' }).waitFor(); // back from Stop: the answer is complete
      firstText.push(await page.evaluate(() => {
        const send = performance.getEntriesByName('article-chat:send')[0];
        const first = performance.getEntriesByName('article-chat:first-text')[0];
        return first.startTime - send.startTime;
      }));
    }
    assert.deepEqual(new Set(calls.map((c) => `${c.path} ${c.status}`)), new Set(['/api/ask/stream 200']), 'every answer streamed');
    const metrics = {
      demoPage: { transferredBytes: total, resources: weight },
      widgetJsBytes: widgetBytes,
      firstStreamedTextMs: { median: Number(median(firstText).toFixed(1)), each: firstText.map((v) => Number(v.toFixed(1))) },
    };
    saveArtifact('metrics.json', JSON.stringify(metrics, null, 2));
    t.diagnostic(`demo page weight: ${total} bytes transferred in ${weight.length} requests`);
    t.diagnostic(`widget.js (script and styles): ${widgetBytes} bytes`);
    t.diagnostic(`send to first streamed text: median ${metrics.firstStreamedTextMs.median} ms of ${firstText.length} questions`);
  });
});
