// guichet check: the report (pure) and the command's arguments and exit codes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { checkReport } from '../../../bot/eligibility/check-report.js';
import { parseCheckArgs, run } from '../../../adapters/cli/commands/check.js';
import { choice, makeModel } from './fixtures.js';

const model = makeModel({
  questions: [
    choice('nation', ['england', 'scotland']),
    choice('over_spa', ['yes', 'no']),
    { id: 'income', type: 'money' },
  ],
  parameters: [{ id: 'limit', values: [{ from: '2025-04-01', value: 227.1, source: 'regs' }] }],
  services: [
    {
      id: 'winter',
      name: { en: 'Winter Fuel Payment' },
      rule: { eq: [{ question: 'over_spa' }, 'yes'], because: { en: 'you are over State Pension age' } },
    },
    {
      id: 'credit',
      name: { en: 'Pension Credit' },
      rule: {
        all: [
          { eq: [{ question: 'over_spa' }, 'yes'], becauseNot: { en: 'you are under State Pension age' } },
          { lte: [{ question: 'income' }, { param: 'limit' }] },
        ],
      },
      nations: ['england'],
    },
  ],
  screenings: [
    { id: 'benefits', questions: ['nation', 'over_spa', 'income'], services: ['credit', 'winter'] },
  ],
  nationQuestion: 'nation',
  reasonTemplates: {
    eligible: { en: 'You may get {service} because {reasons}.' },
    ineligible: { en: 'You cannot get {service} because {reasons}.' },
    and: { en: ' and ' },
  },
});

describe('checkReport', () => {
  it('gives the interfaces.md JSON for a screening, services in the order shown', () => {
    const report = checkReport(model, 'benefits', { over_spa: 'yes' }, '2025-06-01');
    expect(report).to.deep.equal({
      status: 'evaluated',
      kind: 'screening',
      ignored: [],
      json: {
        id: 'benefits',
        asOf: '2025-06-01',
        eligible: ['winter'],
        ineligible: [],
        unknown: ['credit'],
        nextQuestion: 'nation',
        reasons: {
          credit: [],
          winter: ['You may get Winter Fuel Payment because you are over State Pension age.'],
        },
      },
    });
  });

  it('names answers that the other answers make irrelevant', () => {
    const gated = makeModel({
      questions: [
        choice('carer', ['yes', 'no']),
        { id: 'hours', type: 'number', askIf: { eq: [{ question: 'carer' }, 'yes'] } },
      ],
      services: [{ id: 's', name: { en: 'S' }, rule: { gte: [{ question: 'hours' }, 35] } }],
    });
    const report = checkReport(gated, 's', { carer: 'no', hours: 40 }, '2025-06-01');
    expect(report.status === 'evaluated' && [report.json.ineligible, report.ignored]).to.deep.equal([
      ['s'],
      ['hours'],
    ]);
  });

  it('evaluates one service', () => {
    const report = checkReport(model, 'credit', { over_spa: 'no' }, '2025-06-01');
    expect(report.status === 'evaluated' && report.json).to.deep.include({
      ineligible: ['credit'],
      nextQuestion: null,
      reasons: { credit: ['You cannot get Pension Credit because you are under State Pension age.'] },
    });
  });

  const failures: [string, string, unknown, object][] = [
    [
      'unknown id',
      'nope',
      {},
      {
        status: 'unknown-id',
        message: '"nope" is neither a screening nor a service; known: benefits, winter, credit',
      },
    ],
    ['answers not an object', 'benefits', [], { status: 'invalid-answers', question: '' }],
    [
      'a choice the question lacks',
      'benefits',
      { nation: 'wales' },
      {
        status: 'invalid-answers',
        question: 'nation',
        message: '"wales" is not a choice of question "nation"; allowed: england, scotland',
      },
    ],
    ['a question the pack lacks', 'benefits', { age: 3 }, { status: 'invalid-answers', question: 'age' }],
  ];
  for (const [name, id, answers, expected] of failures) {
    it(`reports ${name}`, () =>
      expect(checkReport(model, id, answers, '2025-06-01')).to.deep.include(expected));
  }
});

describe('guichet check arguments', () => {
  const defaults = { knowledge: 'knowledge', today: '2026-01-01' };
  const cases: [string[], unknown][] = [
    [
      ['s', '--answers', 'a.json'],
      { id: 's', answers: 'a.json', asOf: '2026-01-01', knowledge: 'knowledge', json: false },
    ],
    [
      ['--json', 's', '--answers=a.json', '--as-of', '2025-04-01', '--knowledge', 'k'],
      { id: 's', answers: 'a.json', asOf: '2025-04-01', knowledge: 'k', json: true },
    ],
    [['--answers', 'a.json'], 'which screening or service? (ID is missing)'],
    [['s'], '--answers FILE.json is required'],
    [['s', '--answers'], '--answers needs a value'],
    [['s', '--answers', 'a.json', '--as-of', '2025-02-30'], '--as-of "2025-02-30" is not a date YYYY-MM-DD'],
    [['s', 't', '--answers', 'a.json'], 'unexpected argument "t"'],
    [['s', '--answers', 'a.json', '--locale', 'fr'], 'unknown option "--locale"'],
  ];
  for (const [argv, expected] of cases) {
    it(argv.join(' '), () => expect(parseCheckArgs(argv, defaults)).to.deep.equal(expected));
  }
});

describe('guichet check exit codes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-check-'));
  const capture = () => {
    const out = { stdout: '', stderr: '' };
    return {
      out,
      io: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t) },
    };
  };

  it('2 on a usage error', async () => {
    const { out, io } = capture();
    expect(await run(['x'], io)).to.equal(2);
    expect(out.stderr).to.contain('--answers FILE.json is required');
  });

  it('2 when the answers file is not JSON', async () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ nope');
    const { out, io } = capture();
    expect(await run(['x', '--answers', file], io)).to.equal(2);
    expect(out.stderr).to.contain('is not JSON');
  });

  it('2 on an unknown id in the default pack', async () => {
    const file = join(dir, 'empty.json');
    writeFileSync(file, '{}');
    const { out, io } = capture();
    expect(
      await run(['no_such_service_or_screening', '--answers', file, '--knowledge', 'knowledge'], io),
    ).to.equal(2);
    expect(out.stderr).to.contain('"no_such_service_or_screening" is neither a screening nor a service');
  });
});
