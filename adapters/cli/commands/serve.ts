/**
 * `guichet serve` (= `npm start`): serves the bot until SIGTERM or SIGINT. A configuration or
 * knowledge pack that cannot be used stops it with a plain message, never a stack trace.
 */
import { ConfigError } from '../../../bot/config.js';
import { PackLoadError } from '../../live-pack.js';
import { startServer } from '../../server.js';

export async function run(_args: string[]): Promise<number> {
  try {
    await startServer({ handleSignals: true });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`guichet: ${error.message}\n`);
      return 2;
    }
    if (error instanceof PackLoadError) {
      process.stderr.write(
        `guichet: ${error.message}\nRun "guichet kb validate --knowledge ${error.dir}" for details.\n`,
      );
      return 1;
    }
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      process.stderr.write(
        'guichet: the port is already in use: stop the other server or set PORT to another number.\n',
      );
      return 1;
    }
    throw error;
  }
  // The server keeps the process alive; its signal handlers exit.
  return new Promise<number>(() => {});
}
