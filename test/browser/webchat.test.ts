/**
 * A citizen in a real browser: headless Chromium opens the demo page, Web Chat connects through
 * our token endpoint and local Direct Line, the bot greets, the citizen types and gets an answer.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { silentLogger } from '../../bot/logger.js';
import { startServer, type RunningServer } from '../../adapters/server.js';
import { listen, type Listening } from '../support/listen.js';
import { ARTEFACTS, launchChromium } from '../support/chromium.js';
import { TEST_MESSAGES, testApp } from '../support/test-app.js';

describe('Web Chat in headless Chromium', function () {
  // Installing Chromium on a fresh machine can take a few minutes.
  this.timeout(300_000);
  let browser: Browser;
  let listening: Listening;

  before(async () => {
    browser = await launchChromium();
    listening = await listen(testApp());
    mkdirSync(ARTEFACTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await listening?.close();
  });

  it('opens /, is greeted, types "hello" and sees the answer (no CSP or script errors)', async function () {
    this.timeout(60_000);
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
    });
    await page.goto(listening.url);
    await page.getByText(TEST_MESSAGES.welcome).first().waitFor({ timeout: 30_000 });
    const input = page
      .locator('input[data-id="webchat-sendbox-input"], textarea[data-id="webchat-sendbox-input"]')
      .first();
    await input.fill('hello');
    await input.press('Enter');
    await page.waitForFunction(
      (welcome) => document.body.innerText.split(welcome).length - 1 >= 2,
      TEST_MESSAGES.welcome,
      { timeout: 20_000 },
    );
    await page.screenshot({ path: path.join(ARTEFACTS, 'webchat-hello.png'), fullPage: true });
    expect(problems).to.deep.equal([]);
    await page.close();
  });
});

/**
 * "Keep my answers" on the demo page, as in the embed widget: the test app's content has no
 * screening, so this runs the server with the default pack (as test/browser/widget.test.ts does).
 */
describe('the demo page keeps answers only when asked', function () {
  this.timeout(300_000);
  const packMessages = JSON.parse(readFileSync('knowledge/messages/en.json', 'utf8')).messages as Record<
    string,
    string
  >;
  /** The pack's own wording up to its first placeholder, so the test follows the content. */
  const msg = (key: string): string => {
    const text = packMessages[key];
    if (text === undefined) throw new Error(`The default pack has no message "${key}"`);
    return text.split('{')[0]!;
  };
  const KEPT_KEY = 'guichet-page-kept';
  let browser: Browser;
  let chat: RunningServer;

  before(async () => {
    browser = await launchChromium();
    chat = await startServer({
      env: {
        PORT: '0',
        DIRECT_LINE_SECRET: 'page-test-secret-0123456789',
        GUICHET_DATA_DIR: await mkdtemp(path.join(tmpdir(), 'guichet-page-')),
        GUICHET_TOKEN_REQUESTS_PER_MINUTE: '1000',
      },
      logger: silentLogger,
      host: '127.0.0.1',
    });
    await chat.ready;
  });

  after(async () => {
    await browser?.close();
    await chat?.stop();
  });

  const transcriptHas = (page: Page, text: string) =>
    page.locator('#webchat').getByText(text, { exact: false }).first();
  const botCount = (page: Page) =>
    page
      .locator('#webchat .webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content')
      .count();

  async function say(page: Page, text: string): Promise<void> {
    const before = await botCount(page);
    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.fill(text);
    await input.press('Enter');
    await page.waitForFunction(
      (n) =>
        document.querySelectorAll(
          '#webchat .webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content',
        ).length > n,
      before,
      { timeout: 20_000 },
    );
  }

  it('says yes to keep, then a reload (a new conversation) is welcomed back; forget me forgets', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(chat.url.replace('localhost', '127.0.0.1'));
    await transcriptHas(page, msg('welcome')).waitFor({ timeout: 30_000 });
    for (const reply of ['Can I get Pension Credit?', 'England', 'yes', 'no']) await say(page, reply);
    await transcriptHas(page, msg('keep_answers_offer')).waitFor({ timeout: 20_000 });
    await page.locator('#webchat .webchat__suggested-action').first().click(); // Yes
    await transcriptHas(page, msg('kept_answers')).waitFor({ timeout: 20_000 });
    await page.waitForFunction((key) => Boolean(localStorage.getItem(key)), KEPT_KEY);

    // A new conversation in the same browser (nothing in sessionStorage): welcomed back.
    await page.evaluate(() => sessionStorage.clear());
    await page.reload();
    await transcriptHas(page, msg('restored_answers')).waitFor({ timeout: 30_000 });

    // Forget me: the page forgets the id too, so the next chat is a stranger's.
    for (const reply of ['forget me', 'yes']) await say(page, reply);
    await page.waitForFunction((key) => localStorage.getItem(key) === null, KEPT_KEY);
    await page.reload();
    await transcriptHas(page, msg('welcome')).waitFor({ timeout: 30_000 });
    expect(await transcriptHas(page, msg('restored_answers')).count()).to.equal(0);
    await page.screenshot({ path: path.join(ARTEFACTS, 'webchat-kept.png'), fullPage: true });
    expect(problems).to.deep.equal([]);
    await page.close();
  });
});
