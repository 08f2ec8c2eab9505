/**
 * Guichet's configuration: one typed, frozen object. Only `adapters/server.ts` reads the
 * environment; it hands `process.env` to `parseConfig`, which is pure so tests can build any
 * configuration without touching the process.
 */
import { randomBytes } from 'node:crypto';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface MicrosoftAppConfig {
  appId: string;
  appPassword: string;
  tenantId: string;
  appType: string;
}

export interface Config {
  port: number;
  /** The Direct Line secret: whoever holds it may open conversations. */
  directLineSecret: string;
  /** True when no secret was configured and one was made at start-up (said in the log). */
  directLineSecretGenerated: boolean;
  microsoftApp: MicrosoftAppConfig;
  knowledgeDir: string;
  dataDir: string;
  logLevel: LogLevel;
  /** Conversations with no activity for this long are forgotten. */
  conversationIdleHours: number;
  /** How many tokens one client address may ask `/api/directline/token` for per minute. */
  tokenRequestsPerMinute: number;
  /** Web origins whose pages may embed the widget; `*` allows any. */
  allowedOrigins: readonly string[];
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

type Env = Readonly<Record<string, string | undefined>>;

export function parseConfig(env: Env): Readonly<Config> {
  const secret = nonEmpty(env.DIRECT_LINE_SECRET);
  const config: Config = {
    port: integer(env, 'PORT', 3978, 0, 65535),
    directLineSecret: secret ?? randomBytes(32).toString('base64url'),
    directLineSecretGenerated: secret === undefined,
    microsoftApp: Object.freeze({
      appId: nonEmpty(env.MicrosoftAppId) ?? '',
      appPassword: nonEmpty(env.MicrosoftAppPassword) ?? '',
      tenantId: nonEmpty(env.MicrosoftAppTenantId) ?? '',
      appType: nonEmpty(env.MicrosoftAppType) ?? 'MultiTenant',
    }),
    knowledgeDir: nonEmpty(env.GUICHET_KNOWLEDGE) ?? 'knowledge',
    dataDir: nonEmpty(env.GUICHET_DATA_DIR) ?? './data',
    logLevel: logLevel(env.LOG_LEVEL),
    conversationIdleHours: integer(env, 'GUICHET_CONVERSATION_IDLE_HOURS', 24, 1, 24 * 365),
    tokenRequestsPerMinute: integer(env, 'GUICHET_TOKEN_REQUESTS_PER_MINUTE', 30, 1, 100000),
    allowedOrigins: origins(env.GUICHET_ALLOWED_ORIGINS),
  };
  return Object.freeze(config);
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}; it is "${raw}"`);
  }
  return value;
}

function origins(raw: string | undefined): readonly string[] {
  const list = (nonEmpty(raw) ?? '*')
    .split(',')
    .map((o) => o.trim().replace(/\/$/, ''))
    .filter(Boolean);
  for (const origin of list) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new ConfigError(
        `GUICHET_ALLOWED_ORIGINS must list origins like https://www.example.gov.uk; "${origin}" is not one`,
      );
    }
  }
  return Object.freeze(list);
}

function logLevel(raw: string | undefined): LogLevel {
  const value = (nonEmpty(raw) ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(value)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; it is "${raw}"`);
  }
  return value as LogLevel;
}
