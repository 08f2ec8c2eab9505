/**
 * The production logger: pino, structured JSON on stdout. Request and conversation ids are
 * bound by the callers; message texts are never passed in at info level.
 */
import { pino } from 'pino';
import type { LogLevel } from '../bot/config.js';
import type { Logger } from '../bot/logger.js';

export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { service: 'guichet' },
    // Belt and braces: should a token or a secret ever reach a log call, it is hidden.
    redact: ['token', 'secret', 'req.headers.authorization', '*.token', '*.secret', 'text', '*.text'],
  }) as unknown as Logger;
}
