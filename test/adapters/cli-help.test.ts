// Every sub-command answers --help (and -h) with its usage on stdout and exit 0, before it loads
// a pack or starts a server; the review found `guichet chat --help` saying "unexpected --help".
import { expect } from 'chai';
import { capture } from '../support/capture.js';
import type { CommandModule } from '../../adapters/cli/main.js';

// [command, its module, the first line of its usage]
const commands: [string, () => Promise<CommandModule>, string][] = [
  ['serve', () => import('../../adapters/cli/commands/serve.js'), 'Usage: guichet serve'],
  [
    'kb validate',
    () => import('../../adapters/cli/commands/kb-validate.js'),
    'Usage: guichet kb validate [--knowledge DIR] [--report]',
  ],
  [
    'kb test',
    () => import('../../adapters/cli/commands/kb-test.js'),
    'Usage: guichet kb test [--knowledge DIR] [--verbose]',
  ],
  [
    'nlu evaluate',
    () => import('../../adapters/cli/commands/nlu-evaluate.js'),
    'Usage: guichet nlu evaluate --data FILE.jsonl [--knowledge DIR] [--json]',
  ],
  [
    'check',
    () => import('../../adapters/cli/commands/check.js'),
    'Usage: guichet check ID --answers FILE.json [--as-of YYYY-MM-DD] [--knowledge DIR] [--json]',
  ],
  [
    'chat',
    () => import('../../adapters/cli/commands/chat.js'),
    'Usage: guichet chat [--knowledge DIR] [--locale en]',
  ],
];

describe('guichet <command> --help', () => {
  for (const [name, load, usage] of commands) {
    for (const flag of ['--help', '-h']) {
      it(`guichet ${name} ${flag}: usage on stdout, exit 0`, async () => {
        const command = await load();
        const { code, out, err } = await capture(() => command.run([flag]));
        expect([code, out.split('\n')[0], err]).to.deep.equal([0, usage, '']);
      });
    }
  }

  it('guichet serve with an option it does not take: exit 2, no server', async () => {
    const command = await import('../../adapters/cli/commands/serve.js');
    const { code, err } = await capture(() => command.run(['--port', '4000']));
    expect([code, err.split('\n')[0]]).to.deep.equal([
      2,
      'guichet serve: unexpected "--port" (it takes no options)',
    ]);
  });
});
