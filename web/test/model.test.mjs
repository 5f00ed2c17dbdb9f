// The demo page on a real server whose answers a language model writes word by word (WidgetBrowserIT runs an
// OpenAI-compatible fake model on loopback for it): the answer arrives sentence by sentence, and Stop reaches it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, median, openPage, saveArtifact, widget } from './support.mjs';

const MODEL_API = (process.env.ARTICLE_CHAT_MODEL_URL || '').replace(/\/+$/, '');
const QUESTION = "When did Carney's visit to China begin?";

let browser;

before(async () => {
  if (!MODEL_API) {
    throw new Error('ARTICLE_CHAT_MODEL_URL is not set: run these tests with `mvn verify` (WidgetBrowserIT), or '
      + 'point it at a server answering with a language model');
  }
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

const lastAnswer = (page) => widget(page).locator('article.msg.assistant').last();

async function openChat(page) {
  await page.goto(`${MODEL_API}/`);
  await page.locator('#article-body p').first().waitFor();
  await widget(page).getByRole('button', { name: 'Ask the article' }).click();
  await page.evaluate(() => {
    const root = document.querySelector('article-chat').shadowRoot;
    window.__partials = [];
    new MutationObserver(() => {
      const bubbles = root.querySelectorAll('article.msg.assistant .bubble');
      window.__partials.push(bubbles[bubbles.length - 1].textContent);
    }).observe(root.querySelector('[role="log"]'), { subtree: true, childList: true, characterData: true });
  });
}

async function ask(page, question) {
  const input = widget(page).getByLabel('Your question about the article');
  await input.fill(question);
  await input.press('Enter');
}

describe('the widget with a language model writing the answer', () => {
  test('shows each checked sentence as soon as the model has written it', async (t) => {
    const page = await openPage(browser);
    await openChat(page);
    // Asked afresh each time (the server caches answers), each in a new conversation.
    const questions = [QUESTION, "When did Carney's trip to China begin?", "What day did Carney's visit to China begin?"];
    const times = [];
    for (const question of questions) {
      await widget(page).getByRole('button', { name: 'New chat' }).click();
      await page.evaluate(() => {
        performance.clearMarks();
        window.__partials = [];
      });
      await ask(page, question);
      await widget(page).getByRole('button', { name: 'Send' }).waitFor({ timeout: 20000 });
      times.push(await page.evaluate(() => performance.getEntriesByName('article-chat:first-text')[0].startTime
        - performance.getEntriesByName('article-chat:send')[0].startTime));

      const answer = lastAnswer(page);
      assert.equal(await answer.locator('.bubble').textContent(), "Carney's visit to China began on Wednesday 1. "
        + 'It is the first trip by a Canadian prime minister to China in eight years 1.', question);
      assert.equal(await answer.locator('.sources li').count(), 1);
      const partials = await page.evaluate(() => window.__partials);
      assert.ok(partials.some((p) => p.includes('began on Wednesday') && !p.includes('eight years')),
        'the first sentence was on screen before the second was written');
    }

    const ms = Number(median(times).toFixed(1));
    saveArtifact('metrics-language-model.json', JSON.stringify({
      note: 'fake OpenAI-compatible model on loopback writing one word every 60 ms; the first sentence has 8 words',
      firstStreamedTextMs: { median: ms, each: times.map((v) => Number(v.toFixed(1))) },
    }, null, 2));
    t.diagnostic(`send to first streamed sentence with a model writing a word per 60 ms: median ${ms} ms`);
    assert.deepEqual(page.problems, []);
  });

  test('Stop ends the answer at once and leaves the chat ready for the next question', async () => {
    const page = await openPage(browser);
    await openChat(page);
    await ask(page, `${QUESTION} Please answer slowly.`);
    const w = widget(page);
    await lastAnswer(page).locator('.bubble').getByText('began on Wednesday').waitFor({ timeout: 20000 });

    const pressed = Date.now();
    await w.getByRole('button', { name: 'Stop answering' }).click();
    await lastAnswer(page).getByText('Stopped.').waitFor({ timeout: 2000 });

    assert.ok(Date.now() - pressed < 2000, 'stopped without waiting for the model');
    assert.doesNotMatch(await lastAnswer(page).locator('.bubble').textContent(), /eight years/);
    assert.equal(await w.locator('[role="log"]').getAttribute('aria-busy'), 'false');
    assert.equal(await w.getByRole('button', { name: 'Send' }).isVisible(), true);
  });
});
