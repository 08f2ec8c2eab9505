// guichet check: the report (pure) and the command's arguments and exit codes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { checkReport } from '../../../bot/eligibility/check-report.js';
import { parseCheckArgs, run, terminalValue } from '../../../adapters/cli/commands/check.js';
import { choice, makeModel } from './fixtures.js';

/** The keys of `check --json`, exactly as docs/interfaces.md fixes them. */
const CHECK_JSON_KEYS = ['id', 'asOf', 'eligible', 'ineligible', 'unknown', 'nextQuestion', 'reasons'];

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
      values: {},
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

  it("works out the screening's values apart from the JSON (whose keys interfaces.md fixes)", () => {
    const dated = makeModel({
      questions: [{ id: 'born', type: 'date' }, choice('abroad', ['yes', 'no'])],
      values: [
        { id: 'sixty', value: { addPeriod: { date: { question: 'born' }, years: 60 } } },
        { id: 'claim_from', value: { addPeriod: { date: { value: 'sixty' }, months: -2 } } },
      ],
      services: [{ id: 's', name: { en: 'S' }, rule: { eq: [{ question: 'abroad' }, 'no'] } }],
      screenings: [
        { id: 'age', questions: ['born', 'abroad'], services: ['s'], values: ['sixty', 'claim_from'] },
      ],
    });
    const cases: [Record<string, string>, Record<string, unknown>][] = [
      [{}, { sixty: undefined, claim_from: undefined }],
      [{ born: '1966-03-31' }, { sixty: '2026-03-31', claim_from: '2026-01-31' }],
    ];
    for (const [answers, values] of cases) {
      const report = checkReport(dated, 'age', answers, '2026-06-01');
      expect(report.status === 'evaluated' && report.values, JSON.stringify(answers)).to.deep.equal(values);
      expect(report.status === 'evaluated' && Object.keys(report.json)).to.deep.equal(CHECK_JSON_KEYS);
    }
  });

  const failures: [string, string, unknown, object][] = [
    [
      'an unknown id, with the nearest id',
      'winterr',
      {},
      {
        status: 'unknown-id',
        message: '"winterr" is neither a screening nor a service; did you mean winter?',
      },
    ],
    [
      'an unknown id near nothing, with a few ids',
      'nope',
      {},
      {
        status: 'unknown-id',
        message: '"nope" is neither a screening nor a service; known: benefits, credit, winter',
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
    [
      'a question the pack lacks, with the nearest question',
      'benefits',
      { incme: 3 },
      {
        status: 'invalid-answers',
        question: 'incme',
        message: 'there is no question "incme"; did you mean income?',
      },
    ],
    [
      'a question the pack lacks, near none',
      'benefits',
      { age: 3 },
      {
        status: 'invalid-answers',
        question: 'age',
        message: 'there is no question "age"; known: income, nation, over_spa',
      },
    ],
  ];
  for (const [name, id, answers, expected] of failures) {
    it(`reports ${name}`, () =>
      expect(checkReport(model, id, answers, '2025-06-01')).to.deep.include(expected));
  }
});

describe('guichet check: values in the terminal', () => {
  const cases: [Parameters<typeof terminalValue>[0], string][] = [
    ['2029-03-12', '2029-03-12'],
    [187.46, '187.46'],
    [true, 'yes'],
    [false, 'no'],
    [{ years: 66, months: 1, days: 0 }, '66 years, 1 month, 0 days'],
    [{ years: 1, months: 0, days: 1 }, '1 year, 0 months, 1 day'],
    [['a', 'b'], '["a","b"]'],
    [null, 'does not apply'],
    [undefined, 'not known yet'],
  ];
  for (const [value, expected] of cases) {
    it(`${JSON.stringify(value)} → ${expected}`, () => expect(terminalValue(value)).to.equal(expected));
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

  // The default pack is large: a hint, not every id (the review found ~250 of them on stderr).
  it('2 with "did you mean" on a near miss in the default pack, on stderr', async () => {
    const file = join(dir, 'empty.json');
    writeFileSync(file, '{}');
    const { out, io } = capture();
    expect(await run(['pension_credt', '--answers', file, '--knowledge', 'knowledge'], io)).to.equal(2);
    expect([out.stdout, out.stderr]).to.deep.equal([
      '',
      'guichet check: "pension_credt" is neither a screening nor a service; did you mean pension_credit?\n',
    ]);
  });

  it('1 with "did you mean" on an answer to a question the default pack lacks', async () => {
    const file = join(dir, 'misspelt.json');
    writeFileSync(file, JSON.stringify({ dob_agee: '1962-02-12' }));
    const { out, io } = capture();
    expect(await run(['state-pension-age', '--answers', file, '--knowledge', 'knowledge'], io)).to.equal(1);
    expect(out.stderr).to.equal(
      'guichet check: invalid answers: there is no question "dob_agee"; did you mean dob_age?\n',
    );
  });

  it("0 and the screening's values in the text, but not in --json", async () => {
    const file = join(dir, 'born.json');
    writeFileSync(file, JSON.stringify({ dob_age: '1962-02-12', gender: 'male' }));
    const argv = [
      'state-pension-age',
      '--answers',
      file,
      '--as-of',
      '2025-06-01',
      '--knowledge',
      'knowledge',
    ];
    const text = capture();
    expect(await run(argv, text.io)).to.equal(0);
    expect(text.out.stdout).to.contain('\nValues:\n  state_pension_date: 2029-02-12\n');
    expect(text.out.stdout).to.match(/\n {2}state_pension_age: \d+ years?, \d+ months?, \d+ days?\n/);
    const json = capture();
    expect(await run([...argv, '--json'], json.io)).to.equal(0);
    expect(Object.keys(JSON.parse(json.out.stdout) as object)).to.deep.equal(CHECK_JSON_KEYS);
  });
});
