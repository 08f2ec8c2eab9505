/**
 * A citizen in a real browser: headless Chromium opens the demo page, Web Chat connects through
 * our token endpoint and local Direct Line, the bot greets, the citizen types and gets an answer.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import type { Browser, ConsoleMessage } from 'playwright-core';
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
