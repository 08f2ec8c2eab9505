/** guichet kb validate / kb test: output and exit codes (0 ok, 1 problems or failures, 2 usage). */
import { expect } from 'chai';
import { capture } from '../../support/capture.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run as validate } from '../../../adapters/cli/commands/kb-validate.js';
import { run as kbTest } from '../../../adapters/cli/commands/kb-test.js';
import { copyMinimal, MINIMAL, packWith, removeDir } from './fixture-pack.js';

const SCENARIO = (expectOutcome: string) =>
  JSON.stringify({
    $schema: '../schema/scenario.schema.json',
    cases: [
      {
        name: 'pensioner in England on a low income',
        service: 'fuel_help',
        asOf: '2025-06-01',
        answers: { where_do_you_live: 'england', over_state_pension_age: 'yes', household_income: 150 },
        expect: { outcome: expectOutcome },
      },
    ],
  });

describe('guichet kb validate', () => {
  it('exits 0 on a valid pack and says so', async () => {
    const { code, out } = await capture(() => validate(['--knowledge', MINIMAL]));
    expect(code).to.equal(0);
    expect(out).to.match(
      /^0 errors, 0 warnings\ntranslations fr: 3\/98 \(3%\)\n.*minimal: valid \(version [0-9a-f]{12}\)\n$/,
    );
  });

  it('exits 1 with file:line:col CODE message lines on a broken pack', async () => {
    const dir = packWith('unknown-question');
    try {
      const { code, out } = await capture(() => validate(['--knowledge', dir]));
      expect(code).to.equal(1);
      expect(out.split('\n').slice(0, 2)).to.deep.equal([
        'services/fuel_help.json:33:25 UNKNOWN_QUESTION the rule of fuel_help uses the question "household_incme", which does not exist',
        '    hint: did you mean household_income?',
      ]);
    } finally {
      removeDir(dir);
    }
  });

  it('exits 0 when there are only warnings', async () => {
    const dir = packWith('unused');
    try {
      expect((await capture(() => validate(['--knowledge', dir]))).code).to.equal(0);
    } finally {
      removeDir(dir);
    }
  });

  it('adds the readability report after the usual output with --report, and still exits 0', async () => {
    const plain = await capture(() => validate(['--knowledge', MINIMAL]));
    const { code, out } = await capture(() => validate(['--knowledge', MINIMAL, '--report']));
    expect(code).to.equal(0);
    expect(out.startsWith(plain.out)).to.equal(true);
    const report = out.slice(plain.out.length).split('\n');
    expect(report.slice(0, 3)).to.deep.equal([
      'readability (English; reading age = Flesch-Kincaid grade + 5; official names count as one short word):',
      '  26 texts, 25 (96%) at reading age 9 or under, median 5.7; all texts read together: reading age 6.7',
      '  the 20 hardest:',
    ]);
    expect(report[3]).to.match(/^ +9\.3 {2}messages\/en\.json answer_trouble$/);
    expect(report[4]).to.match(/^ {9}"Sorry, I still cannot understand your answer\./);
  });

  it('exits 2 on a usage error', async () => {
    const { code, err } = await capture(() => validate(['--nope']));
    expect(code).to.equal(2);
    expect(err).to.equal(
      'guichet kb validate: unknown option "--nope"\nUsage: guichet kb validate [--knowledge DIR] [--report]\n',
    );
  });
});

describe('guichet kb test', () => {
  /** A copy of the minimal pack with one scenario (expecting `outcome`) and one conversation. */
  const packWithTests = (outcome: string): string => {
    const dir = copyMinimal();
    mkdirSync(join(dir, 'scenarios'));
    writeFileSync(join(dir, 'scenarios', 'fuel.json'), SCENARIO(outcome));
    mkdirSync(join(dir, 'conversations'));
    writeFileSync(
      join(dir, 'conversations', 'hello.json'),
      JSON.stringify({
        $schema: '../schema/conversation.schema.json',
        conversations: [{ name: 'hi', turns: [{ user: 'hello', expect: { message: 'welcome' } }] }],
      }),
    );
    return dir;
  };

  // Failures and the counts by default (a passing case is one line among ~2,000 in the real
  // pack); --verbose (or -v) lists every passing case too. [expected outcome, options, exit, stdout]
  const outputs: [string, string[], number, string[]][] = [
    ['eligible', [], 0, ['scenarios: 1 passed, 0 failed', 'conversations: 1 passed, 0 failed']],
    [
      'eligible',
      ['--verbose'],
      0,
      [
        'pass scenarios/fuel.json:1 pensioner in England on a low income',
        'pass conversations/hello.json:1 hi',
        'scenarios: 1 passed, 0 failed',
        'conversations: 1 passed, 0 failed',
      ],
    ],
    [
      'ineligible',
      [],
      1,
      [
        'FAIL scenarios/fuel.json:1 pensioner in England on a low income',
        '    outcome: expected "ineligible", got "eligible"',
        'scenarios: 0 passed, 1 failed',
        'conversations: 1 passed, 0 failed',
      ],
    ],
    [
      'ineligible',
      ['-v'],
      1,
      [
        'FAIL scenarios/fuel.json:1 pensioner in England on a low income',
        '    outcome: expected "ineligible", got "eligible"',
        'pass conversations/hello.json:1 hi',
        'scenarios: 0 passed, 1 failed',
        'conversations: 1 passed, 0 failed',
      ],
    ],
  ];
  for (const [outcome, options, exit, lines] of outputs) {
    it(`expecting ${outcome}${options.length ? ` with ${options.join(' ')}` : ''}: exit ${exit}`, async () => {
      const dir = packWithTests(outcome);
      try {
        const { code, out } = await capture(() => kbTest(['--knowledge', dir, ...options]));
        expect({ code, lines: out.split('\n') }).to.deep.equal({ code: exit, lines: [...lines, ''] });
      } finally {
        removeDir(dir);
      }
    });
  }

  it('exits 2 on an unknown option, naming --verbose in the usage', async () => {
    const { code, err } = await capture(() => kbTest(['--verbos']));
    expect([code, err]).to.deep.equal([
      2,
      'guichet kb test: unknown option "--verbos"\nUsage: guichet kb test [--knowledge DIR] [--verbose]\n',
    ]);
  });

  it('exits 1 and shows the conversation, the turn and what the bot said when a conversation fails', async () => {
    const dir = copyMinimal();
    try {
      mkdirSync(join(dir, 'conversations'));
      writeFileSync(
        join(dir, 'conversations', 'hello.json'),
        JSON.stringify({
          $schema: '../schema/conversation.schema.json',
          conversations: [{ name: 'hi', turns: [{ user: 'hello', expect: { message: 'goodbye' } }] }],
        }),
      );
      const { code, out } = await capture(() => kbTest(['--knowledge', dir]));
      expect(code).to.equal(1);
      expect(out).to.match(
        /FAIL conversations\/hello\.json:1 hi\n {4}turn 1 \("hello"\): expected the message goodbye/,
      );
      expect(out).to.contain('conversations: 0 passed, 1 failed');
    } finally {
      removeDir(dir);
    }
  });

  it('exits 1 and shows the case and the differing field on a failure', async () => {
    const dir = copyMinimal();
    try {
      mkdirSync(join(dir, 'scenarios'));
      writeFileSync(join(dir, 'scenarios', 'fuel.json'), SCENARIO('ineligible'));
      const { code, out } = await capture(() => kbTest(['--knowledge', dir]));
      expect(code).to.equal(1);
      expect(out).to.equal(
        [
          'FAIL scenarios/fuel.json:1 pensioner in England on a low income',
          '    outcome: expected "ineligible", got "eligible"',
          'scenarios: 0 passed, 1 failed',
          '',
        ].join('\n'),
      );
    } finally {
      removeDir(dir);
    }
  });

  it('exits 1 when the pack does not load', async () => {
    const dir = packWith('schema');
    try {
      const { code, out } = await capture(() => kbTest(['--knowledge', dir]));
      expect(code).to.equal(1);
      expect(out).to.match(/the pack does not load, so its tests cannot run\n$/);
    } finally {
      removeDir(dir);
    }
  });
});
