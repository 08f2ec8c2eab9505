/**
 * /api/messages with botbuilder's CloudAdapter: anonymous without MicrosoftAppId (the bot's
 * reply reaches a local fake Bot Framework connector), JWT-checked with it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { call, eventually } from '../support/http.js';
import { TEST_MESSAGES, testApp } from '../support/test-app.js';

interface Received {
  url: string;
  body: { type: string; text?: string; replyToId?: string };
}

/** A stand-in for the Bot Framework connector service: records what the bot posts to it. */
async function fakeConnector(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      received.push({ url: req.url ?? '', body: JSON.parse(raw || '{}') });
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ id: `reply-${received.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, server };
}

const incoming = (serviceUrl: string, text: string) => ({
  type: 'message',
  id: 'activity-1',
  text,
  channelId: 'emulator',
  serviceUrl,
  from: { id: 'user-1', name: 'User' },
  recipient: { id: 'bot-1', name: 'Bot' },
  conversation: { id: 'conversation-1' },
});

describe('/api/messages (CloudAdapter)', () => {
  it('without MicrosoftAppId: accepts the Emulator anonymously and replies through the connector', async () => {
    const connector = await fakeConnector();
    const guichet = testApp();
    try {
      const reply = await call(guichet.app, 'POST', '/api/messages', {
        body: incoming(connector.url, 'help'),
      });
      expect(reply.status).to.be.oneOf([200, 201]);
      const posted = await eventually('the reply at the connector', async () => connector.received[0]);
      expect(posted.url).to.equal('/v3/conversations/conversation-1/activities/activity-1');
      expect(posted.body.text).to.equal(TEST_MESSAGES.help);
    } finally {
      connector.server.close();
      await guichet.close();
    }
  });

  it('with MicrosoftAppId: refuses a request without a valid token (401) and replies to nobody', async () => {
    const connector = await fakeConnector();
    const guichet = testApp({
      env: { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'x' },
    });
    try {
      const none = await call(guichet.app, 'POST', '/api/messages', {
        body: incoming(connector.url, 'help'),
      });
      expect(none.status).to.equal(401);
      const forged = await call(guichet.app, 'POST', '/api/messages', {
        body: incoming(connector.url, 'help'),
        auth: 'eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJ4In0.c2lnbmF0dXJl',
      });
      expect(forged.status).to.equal(401);
      expect(connector.received).to.deep.equal([]);
    } finally {
      connector.server.close();
      await guichet.close();
    }
  });

  it('answers malformed JSON with 400, not a crash', async () => {
    const guichet = testApp();
    try {
      const reply = await call(guichet.app, 'POST', '/api/messages', { rawBody: '{"type":' });
      expect(reply.status).to.equal(400);
    } finally {
      await guichet.close();
    }
  });
});
