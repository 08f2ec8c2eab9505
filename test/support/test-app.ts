/**
 * A Guichet app built for tests: its own small content (so protocol tests do not depend on the
 * default pack's wording), in-memory state, and a fixed Direct Line secret.
 */
import { MemoryStorage, type Storage } from 'botbuilder';
import { parseConfig, type Config } from '../../bot/config.js';
import { messagesContent, type ContentSource } from '../../bot/content.js';
import { silentLogger } from '../../bot/logger.js';
import { Readiness } from '../../bot/readiness.js';
import { exactUtterances } from '../../bot/understanding.js';
import { createApp, type AppDeps, type GuichetApp } from '../../adapters/http/app.js';

export const TEST_SECRET = 'test-secret-for-direct-line-0123456789';

export const TEST_MESSAGES = {
  welcome: 'Welcome to the test bot.',
  help: 'Test help.',
  not_yet: 'I cannot do that yet.',
  too_long: 'That message is too long.',
  error: 'Sorry, something went wrong.',
  thanks: 'You are welcome.',
  goodbye: 'Bye.',
} as const;

export const testContent: ContentSource = {
  current: () => messagesContent('test-version', { en: TEST_MESSAGES, fr: { welcome: 'Bienvenue.' } }, 5000),
};

export const testUnderstanding = exactUtterances([
  { intent: 'greeting', text: 'hello' },
  { intent: 'help', text: 'help' },
  { intent: 'thanks', text: 'thank you' },
]);

export interface TestAppOptions extends Partial<AppDeps> {
  env?: Record<string, string>;
}

export function testConfig(env: Record<string, string> = {}): Readonly<Config> {
  return parseConfig({ DIRECT_LINE_SECRET: TEST_SECRET, ...env });
}

export function testApp(options: TestAppOptions = {}): GuichetApp & { storage: Storage } {
  const storage = options.storage ?? new MemoryStorage();
  const readiness = options.readiness ?? new Readiness([]);
  const app = createApp({
    config: options.config ?? testConfig(options.env),
    logger: silentLogger,
    storage,
    content: options.content ?? testContent,
    understanding: options.understanding ?? (() => testUnderstanding),
    readiness,
    ...(options.now ? { now: options.now } : {}),
    ...(options.history ? { history: options.history } : {}),
  });
  return { ...app, storage };
}
