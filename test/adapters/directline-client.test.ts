/**
 * The real client: Microsoft's botframework-directlinejs against our server on a loopback port,
 * in polling and WebSocket modes.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type { Storage } from 'botbuilder';
import WebSocket from 'ws';
import { LowdbStorage } from '../../adapters/storage/lowdb-storage.js';
import { CONVERSATION_DATA_PROPERTY } from '../../bot/guichet-bot.js';
import { eventually } from '../support/http.js';
import { listen, type Listening } from '../support/listen.js';
import { TEST_MESSAGES, testApp } from '../support/test-app.js';

// directlinejs expects a browser: give it the XMLHttpRequest and WebSocket its README names.
const require = createRequire(import.meta.url);
Object.assign(globalThis, { XMLHttpRequest: require('xhr2'), WebSocket });
const { DirectLine } = await import('botframework-directlinejs');

function withLatency(inner: Storage, ms: number): Storage {
  const later = <T>(work: () => Promise<T>) => new Promise((r) => setTimeout(r, ms)).then(work);
  return {
    read: (keys) => later(() => inner.read(keys)),
    write: (changes) => later(() => inner.write(changes)),
    delete: (keys) => later(() => inner.delete(keys)),
  };
}

interface SeenActivity {
  type: string;
  text?: string;
  from: { id: string; role?: string };
}

for (const mode of ['polling', 'websocket'] as const) {
  describe(`botframework-directlinejs over ${mode}`, () => {
    let listening: Listening;
    let guichet: ReturnType<typeof testApp>;
    let storage: LowdbStorage;
    let client: InstanceType<typeof DirectLine>;
    let seen: SeenActivity[];

    beforeEach(async () => {
      storage = (
        await LowdbStorage.open(path.join(await mkdtemp(path.join(tmpdir(), 'guichet-dl-')), 'state.json'))
      ).storage;
      // The real embedded store behind 15 ms of latency, as a networked store (Redis) has: two
      // overlapping turns would then both read the state before either wrote it.
      guichet = testApp({ storage: withLatency(storage, 15) });
      listening = await listen(guichet);
      const session = await (await fetch(`${listening.url}/api/directline/token`, { method: 'POST' })).json();
      client = new DirectLine({
        token: session.token,
        domain: `${listening.url}/v3/directline`,
        webSocket: mode === 'websocket',
        pollingInterval: 200,
      });
      seen = [];
      client.activity$.subscribe({
        next: (activity) => seen.push(activity as SeenActivity),
        // end() below finishes the stream with "conversation ended": expected, not a failure.
        error: () => {},
      });
    });

    afterEach(async () => {
      client.end();
      await listening.close();
    });

    const botTexts = () => seen.filter((a) => a.from.role === 'bot').map((a) => a.text);
    const post = (text: string) =>
      new Promise<string>((resolve, reject) =>
        client
          .postActivity({ type: 'message', text, from: { id: 'ignored' } } as never)
          .subscribe({ next: resolve, error: reject }),
      );

    it('receives the greeting first', async () => {
      await eventually('the greeting', async () => (botTexts().length > 0 ? true : undefined));
      expect(botTexts()).to.deep.equal([TEST_MESSAGES.welcome]);
    });

    it('sends two messages and gets the replies in order', async () => {
      await eventually('the greeting', async () => (botTexts().length > 0 ? true : undefined));
      await post('help');
      await post('thank you');
      await eventually('both replies', async () => (botTexts().length >= 3 ? true : undefined));
      expect(botTexts()).to.deep.equal([TEST_MESSAGES.welcome, TEST_MESSAGES.help, TEST_MESSAGES.thanks]);
      expect(seen.filter((a) => a.from.role === 'user').map((a) => a.text)).to.deep.equal([
        'help',
        'thank you',
      ]);
    });

    it('answers two messages sent back to back, in order, losing neither turn’s state', async () => {
      await eventually('the greeting', async () => (botTexts().length > 0 ? true : undefined));
      await Promise.all([post('help'), post('thank you')]);
      await eventually('both replies', async () => (botTexts().length >= 3 ? true : undefined));
      expect(botTexts()).to.deep.equal([TEST_MESSAGES.welcome, TEST_MESSAGES.help, TEST_MESSAGES.thanks]);
      await storage.flush();
      const saved = JSON.parse(await readFile(storage.file, 'utf8')) as {
        items: Record<string, Record<string, unknown>>;
      };
      const state = Object.entries(saved.items).find(([key]) => key.includes('/conversations/'))?.[1];
      expect(state, 'the conversation state was saved').to.be.an('object');
      expect(
        (state?.[CONVERSATION_DATA_PROPERTY] as { messages?: number } | undefined)?.messages,
        'both turns counted',
      ).to.equal(2);
    });
  });
}
