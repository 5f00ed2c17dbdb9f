// The demo page and the widget on a real server with two articles (WidgetBrowserIT serves harbour-flood.txt and
// vaccine-trial.txt from src/test/resources/articles): `/` lists them, each opens with a chat scoped to it, and
// an answer names the article each citation comes from when the chat answers from both.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ARTIFACTS, launchBrowser, openPage, widget } from './support.mjs';

const API = (process.env.ARTICLE_CHAT_TWO_ARTICLES_URL || '').replace(/\/+$/, '');
const ABOUT_THE_HARBOUR = 'How many votes did the motion pass by?';
const ABOUT_THE_TRIAL = 'Who led the trial?'; // the vaccine article answers it; the harbour article does not

let browser;
let harbour;
let trial;

before(async () => {
  if (!API) {
    throw new Error('ARTICLE_CHAT_TWO_ARTICLES_URL is not set: run these tests with `mvn verify` (WidgetBrowserIT), '
      + 'or point it at `serve --article harbour-flood.txt --article vaccine-trial.txt`');
  }
  const reply = await (await fetch(`${API}/api/articles`)).json();
  const articles = Array.isArray(reply) ? reply : reply.articles;
  assert.equal(articles.length, 2, 'the server serves two articles');
  [harbour, trial] = articles;
  assert.match(harbour.title, /Saltmouth/);
  assert.match(trial.title, /Norovirus/);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

const lastAnswer = (page) => widget(page).locator('article.msg.assistant').last();

/** Asks in the widget and waits for the whole answer; returns the body of the request the widget sent. */
async function ask(page, question) {
  const requested = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/ask/stream');
  const input = widget(page).getByLabel('Your question about the article');
  await input.fill(question);
  await input.press('Enter');
  const sent = (await requested).postDataJSON();
  await widget(page).getByRole('button', { name: 'Send' }).waitFor(); // back from Stop: the answer is complete
  return sent;
}

/**
 * The citations of the last answer as the widget tells the page of them: picking each source dispatches the
 * documented `article-chat:cite` event, whose detail names the citation's article.
 */
async function citationsOf(page) {
  await page.evaluate(() => {
    window.__cited = [];
    window.addEventListener('article-chat:cite', (event) => window.__cited.push(event.detail));
  });
  const sources = lastAnswer(page).locator('.sources .cite');
  for (let i = 0; i < await sources.count(); i++) await sources.nth(i).click();
  return page.evaluate(() => window.__cited);
}

async function openArticle(page, article) {
  await page.goto(`${API}/?article=${encodeURIComponent(article.id)}`);
  await page.locator('#article-body p').first().waitFor();
  await widget(page).getByRole('button', { name: 'Ask the article' }).click();
}

describe('the demo page with two articles served', () => {
  test('lists both articles, and opens each with its own text', async () => {
    const page = await openPage(browser);
    await page.goto(`${API}/`);
    const links = page.locator('.article-list a');
    await links.nth(1).waitFor();
    assert.deepEqual(await links.allTextContents(), [harbour.title, trial.title]);
    assert.equal(await page.locator('h1').textContent(), 'Articles on this server');
    await page.screenshot({ path: path.join(ARTIFACTS, 'demo-two-articles-list.png') });

    await links.nth(1).click();
    await page.waitForURL(`${API}/?article=${encodeURIComponent(trial.id)}`);
    await page.locator('#article-body p').first().waitFor();
    assert.equal(await page.locator('h1').textContent(), trial.title);
    const { text } = await (await fetch(`${API}/api/article?id=${encodeURIComponent(trial.id)}`)).json();
    assert.equal(await page.locator('#article-body').textContent(), text.replaceAll('\n', ''), 'that article\'s text');
    const nav = page.getByRole('navigation', { name: 'Articles on this server' });
    assert.equal(await nav.locator('[aria-current="page"]').textContent(), trial.title);
    await nav.getByRole('link', { name: harbour.title }).click();
    await page.locator('#article-body p').first().waitFor();
    assert.equal(await page.locator('h1').textContent(), harbour.title);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(page.problems, []);
  });

  test('an article\'s chat asks of that article, cites only it, and lights the cited sentence up', async () => {
    const page = await openPage(browser);
    await openArticle(page, harbour);
    assert.equal(await widget(page).locator('.suggestions').count(), 0, 'no questions written for another article');

    const sent = await ask(page, ABOUT_THE_HARBOUR);
    const citations = await citationsOf(page);

    assert.equal(sent.articleId, harbour.id);
    assert.ok(citations.length > 0, 'answered with citations');
    assert.deepEqual(citations.map((c) => c.articleId), citations.map(() => harbour.id));
    assert.equal((await page.locator('mark.cited').allTextContents()).join(''), citations.at(-1).quote,
      'the last citation picked is lit up in the article');
    assert.equal(await lastAnswer(page).locator('.sources cite').count(), 0, 'no article named: there is one');
    await page.screenshot({ path: path.join(ARTIFACTS, 'demo-two-articles-scoped.png') });
    assert.deepEqual(page.problems, []);
  });

  test('a question only the other article answers, asked in an article\'s chat, cites that article alone', async () => {
    const page = await openPage(browser);
    await openArticle(page, harbour);

    const sent = await ask(page, ABOUT_THE_TRIAL);
    const citations = await citationsOf(page);

    assert.equal(sent.articleId, harbour.id);
    assert.deepEqual(citations.filter((c) => c.articleId !== harbour.id), [],
      'no citation from another article (the server answers an articleId from that article alone)');
    assert.doesNotMatch(await lastAnswer(page).textContent(), /Achterberg/);
  });

  test('the list\'s chat answers from both articles and names the article of each citation', async () => {
    const page = await openPage(browser);
    await page.goto(`${API}/`);
    await page.locator('.article-list a').first().waitFor();
    await widget(page).getByRole('button', { name: 'Ask the article' }).click();

    const sent = await ask(page, ABOUT_THE_TRIAL);
    const named = lastAnswer(page).locator('.sources cite');
    await named.first().waitFor();
    const citations = await citationsOf(page);

    assert.equal('articleId' in sent, false, 'an unscoped question');
    assert.deepEqual([...new Set(citations.map((c) => c.articleId))], [trial.id]);
    assert.deepEqual(new Set(await named.allTextContents()), new Set([trial.title]));
    await lastAnswer(page).locator('.sources li.flash').waitFor(); // no article on the page: the widget's own list
    assert.deepEqual(page.problems, []);
  });
});
