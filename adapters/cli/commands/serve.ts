/**
 * `guichet serve` (= `npm start`): serves the bot until SIGTERM or SIGINT. A configuration or
 * knowledge pack that cannot be used stops it with a plain message, never a stack trace.
 */
import { ConfigError } from '../../../bot/config.js';
import { PackLoadError } from '../../live-pack.js';
import { startServer } from '../../server.js';

// No options: settings come from the environment, the usual way for a container.
const USAGE = [
  'Usage: guichet serve',
  '',
  'Serves the bot, the web chat page, Direct Line and /api/messages until SIGTERM or SIGINT.',
  'Settings are environment variables (PORT, GUICHET_KNOWLEDGE, DIRECT_LINE_SECRET, ...): see README.md.',
  '',
].join('\n');

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  // An option it does not take is a mistake to say, not to ignore while a server starts.
  if (args.length > 0) {
    process.stderr.write(`guichet serve: unexpected "${args[0]}" (it takes no options)\n${USAGE}`);
    return 2;
  }
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
