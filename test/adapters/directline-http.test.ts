/**
 * Direct Line 3.0 over HTTP, driven on createApp() without opening a port: every route,
 * watermarks, and every error the issue names (with the spec's { error: { code, message } }).
 */
import { expect } from 'chai';
import { call, eventually, type Reply } from '../support/http.js';
import { TEST_MESSAGES, TEST_SECRET, testApp } from '../support/test-app.js';

const DL = '/v3/directline';

interface Started {
  conversationId: string;
  token: string;
}

async function start(app: ReturnType<typeof testApp>['app']): Promise<Started> {
  const reply = await call(app, 'POST', `${DL}/conversations`, { auth: TEST_SECRET });
  expect(reply.status).to.equal(201);
  return reply.json();
}

async function activities(app: ReturnType<typeof testApp>['app'], started: Started, watermark = '') {
  const reply = await call(
    app,
    'GET',
    `${DL}/conversations/${started.conversationId}/activities?watermark=${watermark}`,
    {
      auth: started.token,
    },
  );
  expect(reply.status, reply.body).to.equal(200);
  return reply.json() as {
    activities: Array<{ type: string; text?: string; from: { id: string; role?: string }; id: string }>;
    watermark: string;
  };
}

async function say(app: ReturnType<typeof testApp>['app'], started: Started, text: string): Promise<Reply> {
  return call(app, 'POST', `${DL}/conversations/${started.conversationId}/activities`, {
    auth: started.token,
    body: { type: 'message', text, from: { id: 'user1' } },
  });
}

function expectError(reply: Reply, status: number, code: string): void {
  expect(reply.status, reply.body).to.equal(status);
  const body = reply.json();
  expect(body.error.code).to.equal(code);
  expect(body.error.message).to.be.a('string').and.not.empty;
}

describe('Direct Line 3.0 over HTTP (createApp on a loopback port)', () => {
  let guichet: ReturnType<typeof testApp>;
  beforeEach(() => {
    guichet = testApp();
  });
  afterEach(() => guichet.close());

  describe('tokens', () => {
    it('generates a token bound to a new conversation, with expires_in', async () => {
      const reply = await call(guichet.app, 'POST', `${DL}/tokens/generate`, { auth: TEST_SECRET });
      expect(reply.status).to.equal(200);
      const body = reply.json();
      expect(body.conversationId).to.be.a('string').with.length.above(8);
      expect(body.token).to.be.a('string');
      expect(body.expires_in).to.equal(1800);
    });

    it('embeds the requested user in the token (readable as a JWT claim)', async () => {
      const reply = await call(guichet.app, 'POST', `${DL}/tokens/generate`, {
        auth: TEST_SECRET,
        body: { user: { id: 'dl_alice', name: 'Alice' } },
      });
      const payload = JSON.parse(Buffer.from(reply.json().token.split('.')[1], 'base64url').toString());
      expect(payload.user).to.equal('dl_alice');
    });

    it('refreshes a token for the same conversation', async () => {
      const generated = (
        await call(guichet.app, 'POST', `${DL}/tokens/generate`, { auth: TEST_SECRET })
      ).json();
      const reply = await call(guichet.app, 'POST', `${DL}/tokens/refresh`, { auth: generated.token });
      expect(reply.status).to.equal(200);
      expect(reply.json().conversationId).to.equal(generated.conversationId);
      expect(reply.json().expires_in).to.equal(1800);
    });

    it('a generated token starts its own conversation, and the bot greets first', async () => {
      const generated = (
        await call(guichet.app, 'POST', `${DL}/tokens/generate`, { auth: TEST_SECRET })
      ).json();
      const first = await call(guichet.app, 'POST', `${DL}/conversations`, { auth: generated.token });
      expect(first.status).to.equal(201);
      expect(first.json().conversationId).to.equal(generated.conversationId);
      expect(first.json().streamUrl).to.match(/^ws:\/\/.+\/v3\/directline\/conversations\/.+\/stream\?t=/);
      const again = await call(guichet.app, 'POST', `${DL}/conversations`, { auth: generated.token });
      expect(again.status, 'starting it again returns the same conversation').to.equal(200);
      const started = { conversationId: generated.conversationId, token: generated.token };
      const greeting = await eventually('the greeting', async () => {
        const set = await activities(guichet.app, started);
        return set.activities.length > 0 ? set : undefined;
      });
      expect(greeting.activities.map((a) => a.text)).to.deep.equal([TEST_MESSAGES.welcome]);
    });
  });

  describe('conversations and activities', () => {
    it('greets, then answers messages in order with increasing watermarks', async () => {
      const started = await start(guichet.app);
      await eventually('the greeting', async () =>
        (await activities(guichet.app, started)).activities.length ? true : undefined,
      );
      expect((await say(guichet.app, started, 'hello')).json().id).to.be.a('string');
      expect((await say(guichet.app, started, 'help')).status).to.equal(200);
      const all = await activities(guichet.app, started);
      expect(all.activities.map((a) => [a.from.role, a.text])).to.deep.equal([
        ['bot', TEST_MESSAGES.welcome],
        ['user', 'hello'],
        ['bot', TEST_MESSAGES.welcome],
        ['user', 'help'],
        ['bot', TEST_MESSAGES.help],
      ]);
      expect(all.watermark).to.equal('5');
      const after = await activities(guichet.app, started, '3');
      expect(after.activities.map((a) => a.text)).to.deep.equal(['help', TEST_MESSAGES.help]);
      expect(after.watermark).to.equal('5');
      const none = await activities(guichet.app, started, '5');
      expect(none.activities).to.deep.equal([]);
    });

    it('resumes a conversation by id with a fresh streamUrl carrying the watermark', async () => {
      const started = await start(guichet.app);
      const reply = await call(
        guichet.app,
        'GET',
        `${DL}/conversations/${started.conversationId}?watermark=2`,
        {
          auth: started.token,
        },
      );
      expect(reply.status).to.equal(200);
      expect(reply.json().conversationId).to.equal(started.conversationId);
      expect(reply.json().streamUrl).to.contain('watermark=2');
    });

    it('a user id embedded in the token wins over the one the client sends', async () => {
      const generated = (
        await call(guichet.app, 'POST', `${DL}/tokens/generate`, {
          auth: TEST_SECRET,
          body: { user: { id: 'dl_real' } },
        })
      ).json();
      await call(guichet.app, 'POST', `${DL}/conversations`, { auth: generated.token });
      await say(guichet.app, generated, 'hello');
      const set = await activities(guichet.app, generated);
      expect(set.activities.find((a) => a.text === 'hello')?.from.id).to.equal('dl_real');
    });

    it('answers a message over 5,000 characters politely', async () => {
      const started = await start(guichet.app);
      await say(guichet.app, started, 'a'.repeat(5001));
      const set = await activities(guichet.app, started);
      expect(set.activities.at(-1)?.text).to.equal(TEST_MESSAGES.too_long);
    });
  });

  describe('errors (never a 5xx for bad input)', () => {
    const cases: Array<[string, (s: Started) => Promise<Reply>, number, string]> = [
      [
        'no credentials',
        (s) => call(guichet.app, 'GET', `${DL}/conversations/${s.conversationId}/activities`),
        401,
        'Unauthorized',
      ],
      [
        'a wrong secret',
        () => call(guichet.app, 'POST', `${DL}/conversations`, { auth: 'wrong' }),
        403,
        'Forbidden',
      ],
      [
        'a forged token',
        (s) =>
          call(guichet.app, 'GET', `${DL}/conversations/${s.conversationId}/activities`, {
            auth: s.token.slice(0, -4) + 'abcd',
          }),
        403,
        'Forbidden',
      ],
      [
        'a token used on another conversation',
        async (s) => {
          const other = await start(guichet.app);
          return call(guichet.app, 'GET', `${DL}/conversations/${s.conversationId}/activities`, {
            auth: other.token,
          });
        },
        403,
        'Forbidden',
      ],
      [
        'malformed JSON',
        (s) =>
          call(guichet.app, 'POST', `${DL}/conversations/${s.conversationId}/activities`, {
            auth: s.token,
            rawBody: '{"type": "message",',
          }),
        400,
        'BadSyntax',
      ],
      [
        'an activity without a type',
        (s) =>
          call(guichet.app, 'POST', `${DL}/conversations/${s.conversationId}/activities`, {
            auth: s.token,
            body: { text: 'hi' },
          }),
        400,
        'MissingProperty',
      ],
      [
        'an activity that is not an object',
        (s) =>
          call(guichet.app, 'POST', `${DL}/conversations/${s.conversationId}/activities`, {
            auth: s.token,
            body: [1, 2],
          }),
        400,
        'BadArgument',
      ],
      [
        'a body over 256 kB',
        (s) =>
          call(guichet.app, 'POST', `${DL}/conversations/${s.conversationId}/activities`, {
            auth: s.token,
            body: { type: 'message', text: 'x'.repeat(300 * 1024) },
          }),
        413,
        'MessageSizeTooBig',
      ],
      [
        'an unknown conversation (with the secret)',
        () => call(guichet.app, 'GET', `${DL}/conversations/nope/activities`, { auth: TEST_SECRET }),
        404,
        'NotFound',
      ],
      [
        'a bad watermark',
        (s) =>
          call(guichet.app, 'GET', `${DL}/conversations/${s.conversationId}/activities?watermark=abc`, {
            auth: s.token,
          }),
        400,
        'BadArgument',
      ],
      [
        'refreshing with the secret',
        () => call(guichet.app, 'POST', `${DL}/tokens/refresh`, { auth: TEST_SECRET }),
        403,
        'Forbidden',
      ],
      [
        'generating with a token',
        (s) => call(guichet.app, 'POST', `${DL}/tokens/generate`, { auth: s.token }),
        403,
        'Forbidden',
      ],
      [
        'an upload',
        (s) =>
          call(guichet.app, 'POST', `${DL}/conversations/${s.conversationId}/upload`, {
            auth: s.token,
            body: {},
          }),
        400,
        'BadArgument',
      ],
      [
        'an unknown route',
        () => call(guichet.app, 'GET', '/v3/directline/nothing-here', { auth: TEST_SECRET }),
        404,
        'NotFound',
      ],
    ];
    for (const [what, request, status, code] of cases) {
      it(`${what} → ${status} ${code}`, async () => {
        const started = await start(guichet.app);
        expectError(await request(started), status, code);
      });
    }

    it('an expired token → 403', async () => {
      let now = Date.now();
      const timed = testApp({ now: () => now });
      try {
        const started = (await call(timed.app, 'POST', `${DL}/conversations`, { auth: TEST_SECRET })).json();
        now += 1801 * 1000;
        expectError(
          await call(timed.app, 'GET', `${DL}/conversations/${started.conversationId}/activities`, {
            auth: started.token,
          }),
          403,
          'Forbidden',
        );
      } finally {
        await timed.close();
      }
    });
  });
});

describe('the page-facing endpoints', () => {
  let guichet: ReturnType<typeof testApp>;
  beforeEach(() => {
    guichet = testApp({ env: { GUICHET_TOKEN_REQUESTS_PER_MINUTE: '3' } });
  });
  afterEach(() => guichet.close());

  it('POST /api/directline/token gives a token for a new conversation, and never the secret', async () => {
    const reply = await call(guichet.app, 'POST', '/api/directline/token');
    expect(reply.status).to.equal(200);
    expect(reply.body).not.to.contain(TEST_SECRET);
    const body = reply.json();
    expect(body.userId).to.match(/^dl_/);
    const started = await call(guichet.app, 'POST', `${DL}/conversations`, { auth: body.token });
    expect(started.json().conversationId).to.equal(body.conversationId);
  });

  it('gives a returning browser its own user id back (answers kept with consent), and nothing else', async () => {
    const first = (await call(guichet.app, 'POST', '/api/directline/token')).json();
    const again = await call(guichet.app, 'POST', '/api/directline/token', { body: { user: first.userId } });
    expect(again.json().userId).to.equal(first.userId);
    expect(again.json().conversationId, 'a new conversation').to.not.equal(first.conversationId);
    const forged = await call(guichet.app, 'POST', '/api/directline/token', {
      body: { user: 'someone@example.org' },
      from: '127.0.0.2',
    });
    expect(forged.status).to.equal(200);
    expect(forged.json().userId).to.match(/^dl_/).and.not.equal('someone@example.org');
  });

  it('rate-limits the token endpoint per client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1)
      statuses.push((await call(guichet.app, 'POST', '/api/directline/token')).status);
    expect(statuses).to.deep.equal([200, 200, 200, 429]);
    const other = await call(guichet.app, 'POST', '/api/directline/token', { from: '127.0.0.2' });
    expect(other.status, 'another address is not limited').to.equal(200);
  });

  it('/healthz is 200; /readyz is 503 until every part is ready', async () => {
    const { Readiness } = await import('../../bot/readiness.js');
    const readiness = new Readiness(['knowledge', 'language']);
    const waiting = testApp({ readiness });
    try {
      expect((await call(waiting.app, 'GET', '/healthz')).status).to.equal(200);
      const before = await call(waiting.app, 'GET', '/readyz');
      expect(before.status).to.equal(503);
      expect(before.json().waitingFor).to.deep.equal(['knowledge', 'language']);
      readiness.markReady('knowledge');
      readiness.markReady('language');
      expect((await call(waiting.app, 'GET', '/readyz')).status).to.equal(200);
    } finally {
      await waiting.close();
    }
  });

  it('serves the demo page, the embed script and Web Chat from the installed package', async () => {
    const page = await call(guichet.app, 'GET', '/');
    expect(page.status).to.equal(200);
    expect(page.body).to.contain('/webchat/webchat.js');
    expect(String(page.headers['content-security-policy'])).to.contain("script-src 'self'");
    const widget = await call(guichet.app, 'GET', '/widget.js');
    expect(widget.status).to.equal(200);
    expect(widget.body).to.contain('/api/directline/token');
    const bundle = await call(guichet.app, 'GET', '/webchat/webchat.js');
    expect(bundle.status).to.equal(200);
    expect(bundle.body.length).to.be.above(1_000_000);
  });
});
