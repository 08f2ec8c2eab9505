/**
 * The embed, as a council site uses it: a page on another loopback origin, under a strict
 * Content-Security-Policy, adds widget.js with one tag. Real Chromium; axe-core for WCAG 2.2 AA;
 * keyboard only; refresh; start again; quick exit. Screenshots of each state go to test-results/.
 */
import { readFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { silentLogger } from '../../bot/logger.js';
import { checkReport } from '../../bot/eligibility/check-report.js';
import { loadPack, type KnowledgePack } from '../../bot/knowledge/index.js';
import { startServer, type RunningServer } from '../../adapters/server.js';
import { ARTEFACTS, launchChromium } from '../support/chromium.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const NONCE = 'c2VjcmV0LW5vbmNl';
const EMPTY_STYLE_HASH = 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';
const packMessages = JSON.parse(readFileSync('knowledge/messages/en.json', 'utf8')).messages as Record<
  string,
  string
>;
/** The pack's own wording, so the test follows the content. */
function msg(key: string): string {
  const text = packMessages[key];
  if (text === undefined) throw new Error(`The default pack has no message "${key}"`);
  return text;
}

interface Host {
  url: string;
  server: Server;
}

/** A council's page on its own origin, with a strict CSP that allows only itself and Guichet. */
async function councilSite(chatUrl: string): Promise<Host> {
  const chat = new URL(chatUrl);
  const csp = [
    "default-src 'self'",
    `script-src 'self' ${chat.origin}`,
    `style-src 'self' ${chat.origin} 'nonce-${NONCE}' 'report-sample'`,
    `connect-src 'self' ${chat.origin} ws://${chat.host}`,
    // Web Chat draws some icons from blob: URLs; the README lists this CSP for councils.
    `img-src 'self' ${chat.origin} data: blob:`,
  ].join('; ');
  const server = createServer((req, res) => {
    if (req.url === '/neutral') {
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><html lang="en"><title>News</title><main><h1>News</h1></main></html>');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': csp });
    res.end(`<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Anytown Council</title></head>
<body><header><h1>Anytown Council</h1></header><main><p>Bins, roads and help with money.</p>
<a href="/other">Another page</a></main>
<script src="${chat.origin}/widget.js" data-title="Ask Anytown Council" data-nonce="${NONCE}" data-exit-url="/neutral" defer></script>
</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(
    (tags) =>
      (
        window as unknown as {
          axe: {
            run: (
              c: unknown,
              o: unknown,
            ) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }>;
          };
        }
      ).axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    AXE_TAGS,
  );
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A message that starts the default pack's whole-situation check (one of its topic utterances). */
const CHECK_REQUEST = 'what benefits can I get';

/** The bot's messages as the transcript shows them (Web Chat marks each activity as an article). */
async function botTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll(
        '.guichet-chat .webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content',
      ),
    ].map((node) => (node as HTMLElement).innerText),
  );
}
const botMessageCount = async (page: Page) => (await botTexts(page)).length;
const lastBotText = async (page: Page) => (await botTexts(page)).at(-1) ?? '';
async function waitForBotReply(page: Page, before: number): Promise<void> {
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll(
        '.guichet-chat .webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content',
      ).length > n,
    before,
    { timeout: 20_000 },
  );
}

/** Tabs to the launcher and presses Enter; the greeting arrives and focus is in the send box. */
const KEEP_OFFER = msg('keep_answers_offer').replace('{days}', '30');

/** The results are in the transcript (the offer to keep the answers may follow them). */
async function hasResults(page: Page, guidance: string): Promise<boolean> {
  return (await botTexts(page)).some((text) => text.includes(guidance));
}

async function openByKeyboard(page: Page) {
  const launcher = page.getByRole('button', { name: msg('widget.launcher') });
  await launcher.waitFor();
  await launcher.focus();
  await page.keyboard.press('Enter');
  await transcriptHas(page, msg('welcome')).waitFor({ timeout: 30_000 });
  await page.waitForFunction(
    () => document.activeElement?.getAttribute('data-id') === 'webchat-sendbox-input',
  );
  return launcher;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(ARTEFACTS, `widget-${name}.png`) });
const sendBox = (page: Page) => page.locator('[data-id="webchat-sendbox-input"]');
const transcriptHas = (page: Page, text: string) =>
  page.locator('.guichet-chat').getByText(text, { exact: false }).first();

describe('the embeddable widget in headless Chromium', function () {
  this.timeout(300_000);
  let browser: Browser;
  let chat: RunningServer;
  let host: Host;
  let ukPack: KnowledgePack;

  before(async () => {
    const loaded = await loadPack('knowledge');
    ukPack = loaded.pack!;
    browser = await launchChromium();
    chat = await startServer({
      env: {
        PORT: '0',
        DIRECT_LINE_SECRET: 'widget-test-secret-0123456789',
        GUICHET_DATA_DIR: await mkdtemp(path.join(tmpdir(), 'guichet-w-')),
        GUICHET_TOKEN_REQUESTS_PER_MINUTE: '1000',
      },
      logger: silentLogger,
      host: '127.0.0.1',
    });
    await chat.ready;
    host = await councilSite(chat.url.replace('localhost', '127.0.0.1'));
    mkdirSync(ARTEFACTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    host?.server.close();
    await chat?.stop();
  });

  /**
   * A fresh page on the council site. `forAxe`: axe-core copies cross-origin stylesheets into
   * inline styles, which the site's strict CSP rightly blocks, so pages that run axe bypass the
   * CSP (the first case checks the widget under it).
   */
  async function openPage(forAxe = false): Promise<{ page: Page; problems: string[]; origins: Set<string> }> {
    const page = await (await browser.newContext({ bypassCSP: forAxe })).newPage();
    const problems: string[] = [];
    const origins = new Set<string>();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // Web Chat renders one empty style attribute (the hash of ""): blocking it changes nothing.
      const text = message.text();
      const emptyStyle =
        text.includes(EMPTY_STYLE_HASH) || /^CSP style-src[-\w]* blocked inline: $/.test(text);
      if (message.type() === 'error' && !emptyStyle) problems.push(`console: ${text}`);
    });
    page.on('request', (request) => origins.add(new URL(request.url()).origin));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}: ${e.sample}`),
      ),
    );
    await page.goto(host.url);
    return { page, problems, origins };
  }

  it('opens from its launcher under a strict CSP, greets, and chats; nothing from a third party', async () => {
    const { page, problems, origins } = await openPage();
    await shot(page, '1-closed');
    await page.getByRole('button', { name: msg('widget.launcher') }).click();
    await transcriptHas(page, msg('welcome')).waitFor({ timeout: 30_000 });
    await sendBox(page).fill('help');
    await sendBox(page).press('Enter');
    await transcriptHas(page, msg('help').slice(0, 40)).waitFor({ timeout: 20_000 });
    await shot(page, '2-open');
    expect(problems).to.deep.equal([]);
    const chatOrigin = new URL(chat.url.replace('localhost', '127.0.0.1')).origin;
    expect([...origins].filter((o) => o !== host.url && o !== chatOrigin)).to.deep.equal([]);
    await page.close();
  });

  it('has no WCAG 2.2 AA violations (axe-core), closed and open', async () => {
    const { page } = await openPage(true);
    await page.getByRole('button', { name: msg('widget.launcher') }).waitFor();
    expect(await axeViolations(page), 'page with the launcher').to.deep.equal([]);
    await page.getByRole('button', { name: msg('widget.launcher') }).click();
    await transcriptHas(page, msg('welcome')).waitFor({ timeout: 30_000 });
    expect(await axeViolations(page), 'panel open with the greeting').to.deep.equal([]);
    await page.close();
  });

  it('works with the keyboard alone: focus goes into the panel, Escape returns it to the launcher', async () => {
    const { page } = await openPage();
    const launcher = await openByKeyboard(page);
    await page.keyboard.type('help');
    await page.keyboard.press('Enter');
    await transcriptHas(page, msg('help').slice(0, 40)).waitFor({ timeout: 20_000 });
    await page.keyboard.press('Escape');
    expect(await page.locator('#guichet-panel').isHidden()).to.equal(true);
    expect(await page.evaluate(() => document.activeElement?.className)).to.equal('guichet-launcher');
    expect(await launcher.getAttribute('aria-expanded')).to.equal('false');
    await page.close();
  });

  it('completes a screening by keyboard alone, shows the results, and stays free of WCAG 2.2 AA violations', async () => {
    const { page, problems } = await openPage(true);
    await openByKeyboard(page);
    // Ask for the whole-situation check, then answer every question by typing its first choice
    // (by number), or a plain amount or date when the bot asks for one.
    await page.keyboard.type(CHECK_REQUEST);
    await page.keyboard.press('Enter');
    const guidance = msg('results_guidance');
    for (let turn = 0; turn < 40; turn += 1) {
      const last = await lastBotText(page);
      if (await hasResults(page, guidance)) break;
      const reply = last.includes(msg('invalid_date').slice(0, 20))
        ? '1 January 1958'
        : last.includes(msg('invalid_money').slice(0, 20)) ||
            last.includes(msg('invalid_number').slice(0, 20))
          ? '150'
          : '1';
      const before = await botMessageCount(page);
      await page.keyboard.type(reply);
      await page.keyboard.press('Enter');
      await waitForBotReply(page, before);
    }
    expect(await hasResults(page, guidance)).to.equal(true);
    // After the results, the offer to keep the answers (the pack allows it), nothing kept yet.
    expect(await lastBotText(page)).to.contain(KEEP_OFFER);
    expect(await page.evaluate(() => JSON.stringify(localStorage))).to.not.contain('guichet-kept');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-id'))).to.equal(
      'webchat-sendbox-input',
    );
    await shot(page, '5-results');
    expect(await axeViolations(page), 'after a complete screening with results').to.deep.equal([]);
    expect(problems).to.deep.equal([]);
    await page.close();
  });

  it('completes a screening by clicking only, from the welcome button to the results', async () => {
    const { page, problems } = await openPage();
    await page.getByRole('button', { name: msg('widget.launcher') }).click();
    await transcriptHas(page, msg('welcome')).waitFor({ timeout: 30_000 });
    const guidance = msg('results_guidance');
    for (let turn = 0; turn < 40 && !(await hasResults(page, guidance)); turn += 1) {
      // The first button: the welcome's check, then each question's first answer (or "I don't know").
      const before = await botMessageCount(page);
      await page.locator('.guichet-chat .webchat__suggested-action').first().click();
      await waitForBotReply(page, before);
    }
    expect(await hasResults(page, guidance)).to.equal(true);
    expect(problems).to.deep.equal([]);
    await page.close();
  });

  it('keeps answers only when asked: the next chat in this browser welcomes the citizen back; forget me forgets', async () => {
    const { page, problems } = await openPage();
    await page.getByRole('button', { name: msg('widget.launcher') }).click();
    await transcriptHas(page, msg('welcome')).waitFor({ timeout: 30_000 });
    for (const reply of ['Can I get Pension Credit?', 'England', 'yes', 'no']) {
      const before = await botMessageCount(page);
      await sendBox(page).fill(reply);
      await sendBox(page).press('Enter');
      await waitForBotReply(page, before);
    }
    await transcriptHas(page, KEEP_OFFER.slice(0, 40)).waitFor({ timeout: 20_000 });
    await page.locator('.guichet-chat .webchat__suggested-action').first().click(); // Yes
    await transcriptHas(page, msg('kept_answers').split('{date}')[0]!).waitFor({ timeout: 20_000 });
    await page.waitForFunction(() =>
      Boolean(
        localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith('guichet-kept')) ?? ''),
      ),
    );

    // A new conversation in the same browser: welcomed back, and the answers are used again.
    await page.getByRole('button', { name: msg('widget.start_again') }).click();
    await transcriptHas(page, msg('restored_answers').split('{date}')[0]!).waitFor({ timeout: 30_000 });
    await sendBox(page).fill('Can I get Pension Credit?');
    await sendBox(page).press('Enter');
    await transcriptHas(page, msg('reused_answers').slice(0, 20)).waitFor({ timeout: 20_000 });
    await shot(page, '7-welcome-back');

    // Forget me: deleted on the server, and the browser forgets the id.
    for (const reply of ['forget me', 'yes']) {
      const before = await botMessageCount(page);
      await sendBox(page).fill(reply);
      await sendBox(page).press('Enter');
      await waitForBotReply(page, before);
    }
    await transcriptHas(page, msg('forgotten')).waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => !Object.keys(localStorage).some((k) => k.startsWith('guichet-kept')));
    await page.getByRole('button', { name: msg('widget.start_again') }).click();
    await page.locator('.guichet-status').getByText(msg('widget.new_conversation')).waitFor();
    await transcriptHas(page, msg('welcome')).waitFor({ timeout: 30_000 });
    expect(
      await page.locator('.guichet-chat').getByText(msg('restored_answers').split('{date}')[0]!).count(),
    ).to.equal(0);
    expect(problems).to.deep.equal([]);
    await page.close();
  });

  it("understands a whole situation in one sentence and reaches GOV.UK's list (guichet check on the same answers)", async () => {
    const { page, problems } = await openPage();
    await page.getByRole('button', { name: msg('widget.launcher') }).click();
    await transcriptHas(page, msg('welcome')).waitFor({ timeout: 30_000 });
    const working = ukPack.questions.are_you_working!.prompt.en;
    let before = await botMessageCount(page);
    await sendBox(page).fill("I'm 68, I live in Wales and I look after my wife");
    await sendBox(page).press('Enter');
    await waitForBotReply(page, before);
    // Where they live, their age and caring are known: the first question is about work.
    expect(await lastBotText(page)).to.contain(working);
    for (const reply of ['No, I have retired', 'no', 'no', 'no']) {
      before = await botMessageCount(page);
      await sendBox(page).fill(reply);
      await sendBox(page).press('Enter');
      await waitForBotReply(page, before);
    }
    const results = (await botTexts(page)).find((t) => t.includes(msg('results_guidance'))) ?? '';
    const answers = {
      where_do_you_live: 'wales',
      over_state_pension_age: 'yes',
      carer_disability_or_health_condition: 'yes',
      are_you_working: 'no_retired',
      disability_or_health_condition: 'no',
      children_living_with_you: 'no',
      on_benefits: 'no',
    };
    const today = new Date().toISOString().slice(0, 10);
    const report = checkReport(ukPack.model, 'check-benefits-financial-support', answers, today);
    if (report.status !== 'evaluated') throw new Error(report.message);
    const titles = report.json.eligible.map((id) => ukPack.services[id]!.title.en);
    expect(titles.length).to.be.greaterThan(2);
    // Web Chat's Markdown prints straight apostrophes as curly ones.
    const shown = results.replace(/[\u2018\u2019]/g, "'");
    const positions = titles.map((title) => shown.indexOf(title.replace(/[\u2018\u2019]/g, "'")));
    expect(
      titles.filter((_, i) => positions[i]! < 0),
      'titles missing from the results',
    ).to.deep.equal([]);
    expect(
      [...positions].sort((a, b) => a - b),
      "in GOV.UK's order",
    ).to.deep.equal(positions);
    await shot(page, '8-one-sentence-results');
    expect(problems).to.deep.equal([]);
    await page.close();
  });

  it('announces new bot messages through a live region, and fills the screen at 400 % zoom', async () => {
    const { page } = await openPage(true);
    await page.getByRole('button', { name: msg('widget.launcher') }).click();
    await transcriptHas(page, msg('welcome')).waitFor({ timeout: 30_000 });
    await sendBox(page).fill('help');
    await sendBox(page).press('Enter');
    await transcriptHas(page, msg('help').slice(0, 40)).waitFor({ timeout: 20_000 });
    // Screen readers hear what lands in a polite live region inside the panel.
    await page.waitForFunction(
      (text) =>
        [...document.querySelectorAll('#guichet-panel [aria-live]')].some((region) =>
          (region.textContent ?? '').includes(text),
        ),
      msg('help').slice(0, 40),
      { timeout: 10_000 },
    );
    // 400 % zoom of a 1280 × 720 screen is a 320 × 180 CSS-pixel viewport.
    await page.setViewportSize({ width: 320, height: 180 });
    const box = await page.locator('#guichet-panel').boundingBox();
    expect(box && [Math.round(box.width), Math.round(box.height)]).to.deep.equal([320, 180]);
    await shot(page, '6-zoom-400');
    expect(await axeViolations(page), 'at 400 % zoom').to.deep.equal([]);
    await page.close();
  });

  it('survives a refresh in the middle of a screening: the transcript and the screening continue', async () => {
    const { page, problems } = await openPage();
    await page.getByRole('button', { name: msg('widget.launcher') }).click();
    await transcriptHas(page, msg('welcome')).waitFor({ timeout: 30_000 });
    await sendBox(page).fill(CHECK_REQUEST);
    await sendBox(page).press('Enter');
    await page.waitForFunction(
      () => document.querySelectorAll('.guichet-chat .webchat__suggested-action').length > 0,
    );
    const firstQuestion = await lastBotText(page);
    let before = await botMessageCount(page);
    await sendBox(page).fill('1');
    await sendBox(page).press('Enter');
    await waitForBotReply(page, before);
    const secondQuestion = await lastBotText(page);
    expect(secondQuestion, 'the screening moved on').to.not.equal(firstQuestion);
    const stored = await page.evaluate(() => JSON.stringify(sessionStorage));
    expect(stored).to.contain('conversationId');
    expect(page.url(), 'no personal data or token in the URL').to.equal(`${host.url}/`);

    await page.reload();
    await page.locator('.guichet-status').getByText(msg('widget.resumed')).waitFor({ timeout: 30_000 });
    // The whole transcript is back: both questions asked so far.
    await page.waitForFunction(
      (n) =>
        document.querySelectorAll(
          '.guichet-chat .webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content',
        ).length >= n,
      before + 1,
    );
    const transcript = await botTexts(page);
    expect(transcript).to.include(firstQuestion);
    expect(transcript).to.include(secondQuestion);
    await shot(page, '3-after-refresh');
    // The screening carries on from the question it was at, not from the start.
    before = await botMessageCount(page);
    await sendBox(page).fill('1');
    await sendBox(page).press('Enter');
    await waitForBotReply(page, before);
    const third = await lastBotText(page);
    expect(third).to.not.equal(firstQuestion);
    expect(third).to.not.contain(msg('fallback'));
    expect(problems).to.deep.equal([]);
    await page.close();
  });

  it('"Start again" begins a new conversation; "Leave this site" clears the chat and leaves', async () => {
    const { page } = await openPage();
    await page.getByRole('button', { name: msg('widget.launcher') }).click();
    await transcriptHas(page, msg('welcome')).waitFor({ timeout: 30_000 });
    await sendBox(page).fill('help');
    await sendBox(page).press('Enter');
    await transcriptHas(page, msg('help').slice(0, 40)).waitFor({ timeout: 20_000 });
    const before = await page.evaluate(() => JSON.stringify(sessionStorage));

    await page.getByRole('button', { name: msg('widget.start_again') }).click();
    await page.locator('.guichet-status').getByText(msg('widget.new_conversation')).waitFor();
    await transcriptHas(page, msg('welcome')).waitFor({ timeout: 30_000 });
    expect(await page.locator('.guichet-chat').getByText(msg('help').slice(0, 40)).count()).to.equal(0);
    expect(await page.evaluate(() => JSON.stringify(sessionStorage))).to.not.equal(before);
    await shot(page, '4-started-again');

    await page.getByRole('button', { name: msg('widget.leave') }).click();
    await page.waitForURL(`${host.url}/neutral`);
    expect(await page.evaluate(() => sessionStorage.length)).to.equal(0);
    await page.close();
  });
});
