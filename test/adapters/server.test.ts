/**
 * The real server as `npm start` runs it: the default pack, readiness, hot reload of the pack,
 * and a graceful stop on SIGTERM that finishes turns and flushes the store.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { silentLogger } from '../../bot/logger.js';
import { startServer, type RunningServer } from '../../adapters/server.js';
import { eventually } from '../support/http.js';

const SECRET = 'server-test-secret-0123456789abcdef';

async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

async function greetingOf(baseUrl: string): Promise<string> {
  const session = await (await fetch(`${baseUrl}/api/directline/token`, { method: 'POST' })).json();
  const headers = { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' };
  await fetch(`${baseUrl}/v3/directline/conversations`, { method: 'POST', headers });
  return eventually('the greeting', async () => {
    const set = await (
      await fetch(`${baseUrl}/v3/directline/conversations/${session.conversationId}/activities`, { headers })
    ).json();
    return set.activities[0]?.text as string | undefined;
  });
}

/** A server on a copy of the default pack, which the test may then edit. */
async function serveACopyOfTheDefaultPack(): Promise<{ running: RunningServer; pack: string }> {
  const pack = path.join(await tempDir('guichet-pack-'), 'knowledge');
  await cp('knowledge', pack, { recursive: true });
  const running = await startServer({
    env: {
      PORT: '0',
      DIRECT_LINE_SECRET: SECRET,
      GUICHET_KNOWLEDGE: pack,
      GUICHET_TOKEN_REQUESTS_PER_MINUTE: '10000',
      GUICHET_DATA_DIR: await tempDir('guichet-data-'),
    },
    logger: silentLogger,
    host: '127.0.0.1',
  });
  await running.ready;
  return { running, pack };
}

/** Starts a conversation, says one thing, and returns the bot's reply to it. */
async function replyTo(baseUrl: string, text: string): Promise<string> {
  const session = await (await fetch(`${baseUrl}/api/directline/token`, { method: 'POST' })).json();
  const headers = { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' };
  const activities = `${baseUrl}/v3/directline/conversations/${session.conversationId}/activities`;
  await fetch(`${baseUrl}/v3/directline/conversations`, { method: 'POST', headers });
  await fetch(activities, {
    method: 'POST',
    headers,
    body: JSON.stringify({ type: 'message', text, from: { id: 'x' } }),
  });
  const set = await (await fetch(activities, { headers })).json();
  const replies = (set.activities as Array<{ text?: string; from: { role?: string } }>).filter(
    (a) => a.from.role === 'bot',
  );
  return replies.at(-1)?.text ?? '';
}

async function welcomeIn(knowledgeDir: string): Promise<string> {
  return JSON.parse(await readFile(path.join(knowledgeDir, 'messages', 'en.json'), 'utf8')).messages.welcome;
}

describe('the server (npm start)', function () {
  this.timeout(30_000);

  describe('with the default pack', () => {
    let running: RunningServer;
    before(async () => {
      running = await startServer({
        env: { PORT: '0', DIRECT_LINE_SECRET: SECRET, GUICHET_DATA_DIR: await tempDir('guichet-data-') },
        logger: silentLogger,
        host: '127.0.0.1',
      });
      await running.ready;
    });
    after(() => running.stop());

    it('is ready, says which pack version is live, and greets with the pack’s welcome', async () => {
      const ready = await fetch(`${running.url}/readyz`);
      expect(ready.status).to.equal(200);
      expect((await ready.json()).details.knowledge.version).to.match(/^[0-9a-f]{64}$/);
      expect(await greetingOf(running.url)).to.equal(await welcomeIn('knowledge'));
    });
  });

  describe('hot reload of the knowledge pack', () => {
    let running: RunningServer;
    let pack: string;
    before(async () => {
      ({ running, pack } = await serveACopyOfTheDefaultPack());
    });
    after(() => running.stop());

    it('applies a valid edit within 2 s, and refuses a broken one while the last good pack keeps answering', async () => {
      const file = path.join(pack, 'messages', 'en.json');
      const original = await readFile(file, 'utf8');
      const versionBefore = (await (await fetch(`${running.url}/readyz`)).json()).details.knowledge.version;

      const edited = JSON.parse(original);
      edited.messages.welcome = 'Hello from the edited pack.';
      await writeFile(file, JSON.stringify(edited, null, 2));
      const started = Date.now();
      await eventually(
        'the edited welcome',
        async () => ((await greetingOf(running.url)) === 'Hello from the edited pack.' ? true : undefined),
        2000,
      );
      expect(Date.now() - started).to.be.below(2000);
      const live = (await (await fetch(`${running.url}/readyz`)).json()).details.knowledge;
      expect(live.version).to.not.equal(versionBefore);

      await writeFile(file, original.replace('"messages": {', '"messages": {,'));
      const refusal = await eventually('the refusal', async () => {
        const details = (await (await fetch(`${running.url}/readyz`)).json()).details.knowledge;
        return details.lastRefusal as { problems: string[] } | undefined;
      });
      expect(refusal.problems.join('\n')).to.match(/messages[/\\]en\.json:\d+:\d+/);
      expect(await greetingOf(running.url)).to.equal('Hello from the edited pack.');
      expect((await fetch(`${running.url}/readyz`)).status).to.equal(200);
    });
  });

  describe('an editor adds a service by following knowledge/README.md', () => {
    let running: RunningServer;
    let pack: string;
    before(async () => {
      ({ running, pack } = await serveACopyOfTheDefaultPack());
    });
    after(() => running.stop());

    it('copies the README example (a service and two questions); the running bot offers it within 2 s', async () => {
      const readme = await readFile('knowledge/README.md', 'utf8');
      const block = (marker: string) => {
        const match = new RegExp(`<!-- ${marker} -->\\s*\`\`\`json\\n([\\s\\S]*?)\`\`\``).exec(readme);
        if (!match?.[1]) throw new Error(`knowledge/README.md has no example "${marker}"`);
        return match[1];
      };
      const topic = JSON.parse(block('example-topic: topics/en.json'));
      const topicsFile = path.join(pack, 'topics', 'en.json');
      const topics = JSON.parse(await readFile(topicsFile, 'utf8'));
      topics.topics.push(topic);
      const service = JSON.parse(block('example-file: services/single_person_discount.json'));
      const questions = JSON.parse(block('example-file: questions/council-tax.json'));

      await writeFile(path.join(pack, 'questions', 'council-tax.json'), JSON.stringify(questions, null, 2));
      await writeFile(
        path.join(pack, 'services', 'single_person_discount.json'),
        JSON.stringify(service, null, 2),
      );
      await writeFile(topicsFile, JSON.stringify(topics, null, 2));
      const saved = Date.now();

      const firstQuestion = await eventually(
        'the bot to offer the new service',
        async () => {
          const reply = await replyTo(running.url, topic.utterances[0]);
          return reply.includes(questions.questions[0].prompt.en) || reply.includes('Which part of the UK')
            ? reply
            : undefined;
        },
        2000,
      );
      expect(Date.now() - saved).to.be.below(2000);
      expect(firstQuestion).to.not.contain('Sorry');
    });
  });

  describe('a start-up that cannot work', () => {
    const cases: Array<[string, Record<string, string>, number, RegExp]> = [
      [
        'a PORT that is not a number',
        { PORT: 'abc' },
        2,
        /PORT must be a whole number from 0 to 65535; it is "abc"/,
      ],
      [
        'a knowledge folder that does not exist',
        { PORT: '0', GUICHET_KNOWLEDGE: '/nonexistent-guichet-pack' },
        1,
        /FILE_UNREADABLE the pack folder \/nonexistent-guichet-pack does not exist/,
      ],
    ];
    for (const [what, env, code, message] of cases) {
      it(`${what}: exits ${code} with a plain message, no stack trace`, async () => {
        const child = spawn(process.execPath, ['bin/guichet.js', 'serve'], {
          env: {
            ...process.env,
            LOG_LEVEL: 'silent',
            GUICHET_DATA_DIR: await tempDir('guichet-data-'),
            ...env,
          },
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        const exit = await new Promise<number | null>((resolve) => child.on('exit', resolve));
        expect(exit).to.equal(code);
        expect(stderr).to.match(message);
        expect(stderr).to.not.match(/^\s+at /m);
      });
    }
  });

  describe('SIGTERM', () => {
    it('finishes the turn in flight, flushes the store and exits 0', async () => {
      const data = await tempDir('guichet-data-');
      const port = await freePort();
      const child = spawn(process.execPath, ['bin/guichet.js', 'serve'], {
        env: {
          ...process.env,
          PORT: String(port),
          DIRECT_LINE_SECRET: SECRET,
          GUICHET_DATA_DIR: data,
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let log = '';
      child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const baseUrl = `http://127.0.0.1:${port}`;
      await eventually(
        'the server to be ready',
        async () => (log.includes('Guichet is ready') ? true : undefined),
        20_000,
      );

      const session = await (await fetch(`${baseUrl}/api/directline/token`, { method: 'POST' })).json();
      const headers = { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' };
      const activities = `${baseUrl}/v3/directline/conversations/${session.conversationId}/activities`;
      const message = (text: string) =>
        fetch(activities, {
          method: 'POST',
          headers,
          body: JSON.stringify({ type: 'message', text, from: { id: 'x' } }),
        });
      await fetch(`${baseUrl}/v3/directline/conversations`, { method: 'POST', headers });
      expect((await message('help')).status).to.equal(200);

      // A second message, and the signal while it may still be in flight: it is either answered
      // or refused at the door, never cut off with a server error.
      const inFlight = message('thank you').then(
        (r) => r.status,
        () => 'refused',
      );
      child.kill('SIGTERM');
      expect(await inFlight).to.be.oneOf([200, 'refused']);
      expect(await exited).to.equal(0);
      expect(log).to.contain('stopped');

      const saved = JSON.parse(await readFile(path.join(data, 'state.json'), 'utf8'));
      const conversation = Object.entries(saved.items).find(([key]) => key.includes(session.conversationId));
      expect(conversation, 'the answered turn’s state is on disk').to.not.equal(undefined);
      const messages = (conversation?.[1] as { conversationData: { messages: number } }).conversationData
        .messages;
      expect(messages).to.equal((await inFlight) === 200 ? 2 : 1);
    });
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
