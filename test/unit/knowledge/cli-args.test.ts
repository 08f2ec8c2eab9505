import { expect } from 'chai';
import { parsePackArgs } from '../../../bot/knowledge/cli-args.js';

describe('kb commands: arguments', () => {
  const cases: Array<[string[], ReturnType<typeof parsePackArgs>]> = [
    [[], { ok: true, args: { knowledge: 'knowledge', help: false } }],
    [['--knowledge', 'packs/x'], { ok: true, args: { knowledge: 'packs/x', help: false } }],
    [['--knowledge=packs/y'], { ok: true, args: { knowledge: 'packs/y', help: false } }],
    [['--help'], { ok: true, args: { knowledge: 'knowledge', help: true } }],
    [['--knowledge'], { ok: false, error: '--knowledge needs a folder' }],
    [['--knowledge', '--help'], { ok: false, error: '--knowledge needs a folder' }],
    [['--knowledge='], { ok: false, error: '--knowledge needs a folder' }],
    [['--verbose'], { ok: false, error: 'unknown option "--verbose"' }],
  ];
  for (const [argv, expected] of cases) {
    it(argv.join(' ') || '(none)', () => expect(parsePackArgs(argv, 'knowledge')).to.deep.equal(expected));
  }
});
