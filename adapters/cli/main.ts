/**
 * The `guichet` command line: one table of sub-commands, each in its own module under
 * `commands/`, loaded only when called so that `guichet kb validate` does not pay for the
 * web server's start-up, and the server does not pay for the validator.
 *
 * Exit codes follow docs/interfaces: 0 success, 1 problems found, 2 usage error.
 */
export interface CommandModule {
  /** Runs the command with the arguments after its name; resolves to the exit code. */
  run(args: string[]): Promise<number>;
}

interface CommandEntry {
  words: string[];
  summary: string;
  load: () => Promise<CommandModule>;
}

const COMMANDS: CommandEntry[] = [
  {
    words: ['serve'],
    summary: 'serve the bot, web chat, Direct Line and /api/messages',
    load: () => import('./commands/serve.js'),
  },
  {
    words: ['kb', 'validate'],
    summary: 'validate a knowledge pack',
    load: () => import('./commands/kb-validate.js'),
  },
  {
    words: ['kb', 'test'],
    summary: "run a knowledge pack's own tests",
    load: () => import('./commands/kb-test.js'),
  },
  {
    words: ['nlu', 'evaluate'],
    summary: 'evaluate the classifier on a JSONL file',
    load: () => import('./commands/nlu-evaluate.js'),
  },
  {
    words: ['check'],
    summary: 'evaluate a screening or service against answers',
    load: () => import('./commands/check.js'),
  },
  { words: ['chat'], summary: 'chat with the bot in the terminal', load: () => import('./commands/chat.js') },
];

export function usage(): string {
  const lines = COMMANDS.map((c) => `  guichet ${c.words.join(' ').padEnd(14)} ${c.summary}`);
  return ['Usage: guichet <command> [options]', '', 'Commands:', ...lines, ''].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    process.stdout.write(usage());
    return argv.length === 0 ? 2 : 0;
  }
  const entry = COMMANDS.find((c) => c.words.every((w, i) => argv[i] === w));
  if (!entry) {
    process.stderr.write(`guichet: unknown command "${argv.join(' ')}"\n\n${usage()}`);
    return 2;
  }
  let command: CommandModule;
  try {
    command = await entry.load();
  } catch (error) {
    // A command listed here whose module is not written yet: say so plainly rather than crash.
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') {
      process.stderr.write(`guichet: "${entry.words.join(' ')}" is not available in this version\n`);
      return 2;
    }
    throw error;
  }
  return command.run(argv.slice(entry.words.length));
}
