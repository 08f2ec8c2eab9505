/**
 * createApp(): the whole HTTP surface of Guichet, built from its collaborators and never
 * listening, so tests drive it without a port and adapters/server.ts alone opens one.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import express, { type Express } from 'express';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type Storage,
} from 'botbuilder';
import type { Config } from '../../bot/config.js';
import type { ContentSource } from '../../bot/content.js';
import type { KnowledgePack } from '../../bot/knowledge/index.js';
import type { Logger } from '../../bot/logger.js';
import type { Readiness } from '../../bot/readiness.js';
import type { Understanding } from '../../bot/understanding.js';
import { createBot } from '../bot-factory.js';
import { DirectLineBot } from '../directline/bot-runner.js';
import { MemoryConversationHistory, type ConversationHistory } from '../directline/history.js';
import { InProcessAdapter } from '../directline/in-process-adapter.js';
import { DIRECT_LINE_BASE, directLineRouter } from '../directline/router.js';
import { DirectLineStreams } from '../directline/stream.js';
import { TokenService } from '../directline/tokens.js';
import { TurnQueue } from '../turn-queue.js';
import { cors } from './cors.js';
import { errorHandler, sendError } from './errors.js';
import { perAddressLimit } from './rate-limit.js';
import { requestLog } from './request-log.js';
import { staticPages } from './static-pages.js';
import { widgetConfigRouter } from './widget-config.js';

export interface AppDeps {
  config: Readonly<Config>;
  logger: Logger;
  storage: Storage;
  content: ContentSource;
  /** The live language understanding (it changes when the pack is reloaded). */
  understanding: () => Understanding;
  readiness: Readiness;
  /** The live knowledge pack (absent in protocol tests, which run on test messages only). */
  knowledge?: () => KnowledgePack | undefined;
  /** Today's date for eligibility "as of" (tests fix it). */
  today?: () => Date;
  history?: ConversationHistory;
  now?: () => number;
}

export interface GuichetApp {
  app: Express;
  /** Hands WebSocket upgrades (Direct Line streams) to the app; others are refused. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Finishes turns in flight and closes streams and timers. */
  close(): Promise<void>;
  turns: TurnQueue;
  tokens: TokenService;
}

export const BOT_IDENTITY = { id: 'guichet', name: 'Guichet' };

export function createApp(deps: AppDeps): GuichetApp {
  const { config, logger, readiness } = deps;
  const now = deps.now ?? Date.now;
  const history =
    deps.history ??
    new MemoryConversationHistory({ idleMilliseconds: config.conversationIdleHours * 3_600_000, now });
  const tokens = new TokenService(config.directLineSecret, 1800, now);
  const turns = new TurnQueue();

  const { run: runBot, onTurnError } = createBot(deps);

  const inProcess = new InProcessAdapter(history, `http://localhost:${config.port}${DIRECT_LINE_BASE}`);
  inProcess.onTurnError = onTurnError;
  const directLineBot = new DirectLineBot(inProcess, history, turns, runBot, BOT_IDENTITY, logger);
  const streams = new DirectLineStreams(tokens, history, logger, config.allowedOrigins);

  const cloudAdapter = createCloudAdapter(config);
  cloudAdapter.onTurnError = onTurnError;

  const app = express();
  app.disable('x-powered-by');
  app.use(requestLog(logger));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', (_req, res) => {
    const report = readiness.report();
    res.status(report.ready ? 200 : 503).json(report);
  });

  app.use(['/api', DIRECT_LINE_BASE], cors(config.allowedOrigins));
  app.use(widgetConfigRouter(deps.content));

  app.post(
    '/api/directline/token',
    perAddressLimit(config.tokenRequestsPerMinute, now),
    express.json({ limit: '1kb' }),
    (req, res) => {
      const conversationId = randomUUID().replace(/-/g, '');
      // "dl_" user ids are embedded in the token, so a page cannot speak as another user. A browser
      // whose citizen asked us to keep their answers comes back with the id it was given then (a
      // random id only that browser holds); anything else gets a new one.
      const returning = (req.body as { user?: unknown } | undefined)?.user;
      const userId =
        typeof returning === 'string' && RETURNING_USER.test(returning) ? returning : `dl_${randomUUID()}`;
      const { token, expiresIn } = tokens.issue(conversationId, userId);
      res.setHeader('Cache-Control', 'no-store');
      res.json({ conversationId, token, expires_in: expiresIn, userId });
    },
  );

  app.use(DIRECT_LINE_BASE, directLineRouter({ tokens, history, bot: directLineBot }));

  app.post('/api/messages', express.json({ limit: '256kb' }), async (req, res) => {
    await cloudAdapter.process(req, res, (context) =>
      turns.run(context.activity.conversation?.id ?? randomUUID(), () => runBot(context)),
    );
  });

  app.use(staticPages());
  app.use((_req, res) => sendError(res, 404, 'NotFound', 'There is nothing at this address.'));
  app.use(errorHandler(logger));

  return {
    app,
    turns,
    tokens,
    handleUpgrade(req, socket, head) {
      if (!streams.handleUpgrade(req, socket, head)) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      }
    },
    async close() {
      await turns.drain();
      await streams.close();
      await history.close();
    },
  };
}

function createCloudAdapter(config: Readonly<Config>): CloudAdapter {
  const { appId, appPassword, tenantId, appType } = config.microsoftApp;
  const settings = {
    MicrosoftAppId: appId,
    MicrosoftAppPassword: appPassword,
    MicrosoftAppTenantId: tenantId,
    MicrosoftAppType: appType,
  };
  const credentials = new ConfigurationServiceClientCredentialFactory(settings);
  return new CloudAdapter(new ConfigurationBotFrameworkAuthentication(settings, credentials));
}

/** The form of the user ids this server gives out (a random UUID), the only ones it takes back. */
const RETURNING_USER = /^dl_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
