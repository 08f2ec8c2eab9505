/**
 * The one entry point that reads the environment and listens. Everything it starts is built by
 * createApp() and friends; this file only wires them, opens the port and handles signals.
 */
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { MemoryStorage, type Storage } from 'botbuilder';
import { parseConfig, type Config } from '../bot/config.js';
import type { Logger } from '../bot/logger.js';
import { Readiness } from '../bot/readiness.js';
import { createApp, type GuichetApp } from './http/app.js';
import { LivePack } from './live-pack.js';
import { createLogger } from './logging.js';
import { LowdbStorage } from './storage/lowdb-storage.js';

export interface RunningServer {
  server: Server;
  app: GuichetApp;
  config: Readonly<Config>;
  url: string;
  /** Resolves once language understanding is trained (when /readyz turns 200). */
  ready: Promise<void>;
  /** Finishes turns in flight, flushes the store and closes the port. */
  stop(): Promise<void>;
}

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  /** Install SIGTERM/SIGINT handlers that stop and exit (the CLI does; tests do not). */
  handleSignals?: boolean;
  /** Keep state in memory instead of the data folder (tests). */
  memoryStorage?: boolean;
  host?: string;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const config = parseConfig(options.env ?? process.env);
  const logger = options.logger ?? createLogger(config.logLevel);
  const readiness = new Readiness(['knowledge', 'language']);

  if (config.directLineSecretGenerated) {
    logger.warn(
      'DIRECT_LINE_SECRET is not set: a random secret was made for this run. The web page still works.',
    );
  }
  if (!config.microsoftApp.appId) {
    logger.warn(
      'MicrosoftAppId is not set: /api/messages accepts ANY caller without authentication. ' +
        'That is fine for the Bot Framework Emulator on your own machine; set MicrosoftAppId and MicrosoftAppPassword before exposing it.',
    );
  }

  const { storage, flush, sweep } = await openStorage(config, logger, options.memoryStorage ?? false);
  // Conversation state idle for longer than the limit, and kept answers past their date, go.
  const sweeper = setInterval(() => {
    sweep(config.conversationIdleHours * 3_600_000).then(
      (forgotten) => forgotten > 0 && logger.info({ forgotten }, 'forgot idle or expired state'),
      (error: unknown) => logger.error({ err: error }, 'could not forget idle state'),
    );
  }, SWEEP_EVERY_MS);
  sweeper.unref();
  const knowledgeDir = path.resolve(config.knowledgeDir);
  const live = await LivePack.load(knowledgeDir, logger, path.resolve(config.dataDir, 'models'));
  readiness.markReady('knowledge', live.describe());
  live.watch(knowledgeDir, (status) => readiness.describe('knowledge', status));
  // Training runs off the request path; /readyz says 503 until it is done.
  const ready = live.trainLanguage().then(
    () => readiness.markReady('language'),
    (error: unknown) => logger.error({ err: error }, 'language understanding could not be trained'),
  );

  const app = createApp({
    config,
    logger,
    storage,
    content: live,
    understanding: () => live.understanding(),
    knowledge: () => live.knowledge(),
    readiness,
  });

  const server = createServer(app.app);
  server.on('upgrade', (req, socket, head) => app.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  logger.info(
    { port, knowledge: knowledgeDir, version: live.describe().version },
    `Guichet is listening at ${url}; language understanding is still getting ready (/readyz says when)`,
  );
  // "Ready" only once it can understand people: the same moment /readyz turns 200.
  void ready.then(() => {
    if (readiness.report().ready) logger.info({ url }, `Guichet is ready at ${url}`);
  });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      live.stop();
      clearInterval(sweeper);
      // Stop taking requests, let the turns in flight finish, then make sure state is on disk.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close();
      await flush();
      server.closeAllConnections();
      await closed;
    })();
    return stopping;
  };

  if (options.handleSignals) {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        logger.info({ signal }, 'stopping: finishing turns in flight');
        stop().then(
          () => {
            logger.info('stopped');
            process.exit(0);
          },
          (error: unknown) => {
            logger.error({ err: error }, 'could not stop cleanly');
            process.exit(1);
          },
        );
      });
    }
  }

  return { server, app, config, url, ready, stop };
}

async function openStorage(
  config: Readonly<Config>,
  logger: Logger,
  inMemory: boolean,
): Promise<{ storage: Storage; flush: () => Promise<void>; sweep: (idleMs: number) => Promise<number> }> {
  if (inMemory) return { storage: new MemoryStorage(), flush: async () => {}, sweep: async () => 0 };
  const file = path.resolve(config.dataDir, 'state.json');
  const { storage, movedAside } = await LowdbStorage.open(file);
  if (movedAside)
    logger.warn(
      { file, movedAside },
      'the state file could not be read; it was kept aside and a new one started',
    );
  return { storage, flush: () => storage.flush(), sweep: (idleMs) => storage.expireIdle(idleMs) };
}

/** How often idle conversation state and expired kept answers are looked for. */
const SWEEP_EVERY_MS = 10 * 60_000;
