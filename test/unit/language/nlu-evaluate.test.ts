import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../adapters/cli/commands/nlu-evaluate.js';

/** Runs the command with stdout and stderr captured. */
async function capture(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const write = {
    out: process.stdout.write.bind(process.stdout),
    err: process.stderr.write.bind(process.stderr),
  };
  process.stdout.write = ((s: string) => ((out += s), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => ((err += s), true)) as typeof process.stderr.write;
  try {
    return { code: await run(args), out, err };
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
  }
}

describe('guichet nlu evaluate (the contract in docs/interfaces)', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'guichet-nlu-eval-'));
    const lines = [
      { text: 'who won the football last night', intent: 'none', locale: 'en' },
      { text: 'can I get help', intent: 'help', locale: 'en' },
    ];
    await writeFile(join(dir, 'data.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n'));
    await writeFile(join(dir, 'bad.jsonl'), '{"text": "no intent"}\n');
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('with --json, the last line of stdout is one object with the contract keys', async () => {
    const { code, out } = await capture(['--data', join(dir, 'data.jsonl'), '--json']);
    expect(code).to.equal(0);
    const last = JSON.parse(out.trim().split('\n').pop() as string) as Record<string, unknown>;
    expect(Object.keys(last).sort()).to.deep.equal(
      [
        'accuracy',
        'confirmRate',
        'falseRejectRate',
        'inScopeAccuracy',
        'n',
        'oosPrecision',
        'oosRecall',
        'perLocale',
      ].sort(),
    );
    expect(last.n).to.equal(2);
  });

  const usage: [string, string[]][] = [
    ['no --data', []],
    ['--data without a value', ['--data']],
    ['an unknown argument', ['--data', 'x.jsonl', '--frobnicate']],
  ];
  for (const [what, args] of usage) {
    it(`exits 2 on ${what}`, async () => {
      const { code, err } = await capture(args);
      expect(code).to.equal(2);
      expect(err).to.contain('Usage: guichet nlu evaluate');
    });
  }

  it('exits 1 naming the line when the data is malformed', async () => {
    const { code, err } = await capture(['--data', join(dir, 'bad.jsonl')]);
    expect(code).to.equal(1);
    expect(err).to.contain('bad.jsonl:1');
  });
});
