/**
 * The options `guichet kb validate` and `guichet kb test` share: [--knowledge DIR]. Pure, so the
 * commands' usage errors are tested without a process.
 */
export interface PackArgs {
  knowledge: string;
  help: boolean;
}

export type ParsedArgs = { ok: true; args: PackArgs } | { ok: false; error: string };

export function parsePackArgs(argv: readonly string[], defaultDir: string): ParsedArgs {
  const args: PackArgs = { knowledge: defaultDir, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--knowledge' || arg === '-k') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('-')) return { ok: false, error: `${arg} needs a folder` };
      args.knowledge = value;
      i++;
    } else if (arg.startsWith('--knowledge=')) args.knowledge = arg.slice('--knowledge='.length);
    else return { ok: false, error: `unknown option "${arg}"` };
  }
  if (args.knowledge === '') return { ok: false, error: '--knowledge needs a folder' };
  return { ok: true, args };
}
