/**
 * The logging interface the bot and dialogs use. It is pino-shaped so the server can pass a
 * pino logger straight in, but nothing in `bot/` depends on pino itself.
 *
 * Rule: what a citizen types is never logged at info level or above.
 */
export interface LogFn {
  (fields: Record<string, unknown>, message?: string): void;
  (message: string): void;
}

export interface Logger {
  error: LogFn;
  warn: LogFn;
  info: LogFn;
  debug: LogFn;
  child(bindings: Record<string, unknown>): Logger;
}

const noop: LogFn = () => {};

/** A logger that drops everything: for tests and commands that do not want logs. */
export const silentLogger: Logger = {
  error: noop,
  warn: noop,
  info: noop,
  debug: noop,
  child: () => silentLogger,
};
