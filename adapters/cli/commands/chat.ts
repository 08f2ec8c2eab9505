/**
 * `guichet chat [--knowledge DIR] [--locale en]`: a conversation in the terminal with the same
 * bot and dialogs as the web. Type "quit" or press Ctrl-D to leave.
 */
import path from 'node:path';
import { createInterface } from 'node:readline';
import { MemoryStorage } from 'botbuilder';
import { silentLogger } from '../../../bot/logger.js';
import { createBot } from '../../bot-factory.js';
import { ConsoleAdapter } from '../../channels/console.js';
import { LivePack, PackLoadError } from '../../live-pack.js';

const USAGE = 'Usage: guichet chat [--knowledge DIR] [--locale en]\n';

export async function run(args: string[]): Promise<number> {
  const options = parseChatArgs(args);
  if (options === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (typeof options === 'string') {
    process.stderr.write(`${options}\n${USAGE}`);
    return 2;
  }
  let live: LivePack;
  try {
    live = await LivePack.load(path.resolve(options.knowledge), silentLogger, path.resolve('data', 'models'));
  } catch (error) {
    if (error instanceof PackLoadError) {
      process.stderr.write(`${error.message}\nRun "guichet kb validate" for details.\n`);
      return 1;
    }
    throw error;
  }
  await live.trainLanguage();
  const built = createBot({
    canKeepAnswers: false,
    storage: new MemoryStorage(),
    content: live,
    understanding: () => live.understanding(),
    knowledge: () => live.knowledge(),
    logger: silentLogger,
  });
  const adapter = new ConsoleAdapter((text) => process.stdout.write(`\n${text}\n\n`), options.locale);
  adapter.onTurnError = built.onTurnError;
  await adapter.start(built.run);

  const lines = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: process.stdin.isTTY,
  });
  lines.setPrompt(process.stdin.isTTY ? '> ' : '');
  lines.prompt();
  for await (const line of lines) {
    const text = line.trim();
    if (text === 'quit' || text === 'exit') break;
    if (text) await adapter.say(text, built.run);
    lines.prompt();
  }
  lines.close();
  return 0;
}

/** The options, 'help' for --help (usage on stdout, exit 0), or a usage error to print. */
export function parseChatArgs(args: readonly string[]): { knowledge: string; locale: string } | string {
  // Like the other commands: --knowledge, else GUICHET_KNOWLEDGE, else ./knowledge.
  const options = { knowledge: process.env.GUICHET_KNOWLEDGE || 'knowledge', locale: 'en' };
  if (args.includes('--help') || args.includes('-h')) return 'help';
  for (let i = 0; i < args.length; i += 1) {
    const flag = args[i];
    const value = args[i + 1];
    if ((flag === '--knowledge' || flag === '--locale') && value) {
      options[flag === '--knowledge' ? 'knowledge' : 'locale'] = value;
      i += 1;
    } else {
      return `guichet chat: unexpected "${flag}"`;
    }
  }
  return options;
}
