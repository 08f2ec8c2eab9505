// Three-valued evaluation: truth tables for the combinators and every operator, with answers
// present, not yet given (unknown) and skipped because their askIf is false (absent).
import { expect } from 'chai';
import {
  EvaluationContext,
  evaluateRule,
  evaluateService,
  type Truth,
} from '../../../bot/eligibility/evaluate.js';
import type { Answers } from '../../../bot/eligibility/model.js';
import type { Rule } from '../../../bot/eligibility/rules.js';
import type { NamedCheck } from '../../../bot/eligibility/checks/index.js';
import { choice, makeModel } from './fixtures.js';

const model = makeModel({
  questions: [
    choice('q', ['a', 'b', 'c']),
    choice('gate', ['open', 'closed']),
    choice('gated', ['x', 'y'], { eq: [{ question: 'gate' }, 'open'] }),
    { id: 'n', type: 'number' },
    { id: 'gated_n', type: 'number', askIf: { eq: [{ question: 'gate' }, 'open'] } },
    { id: 'm', type: 'multi-choice', choices: ['p', 'r', 's'] },
    {
      id: 'gated_m',
      type: 'multi-choice',
      choices: ['p', 'r'],
      askIf: { eq: [{ question: 'gate' }, 'open'] },
    },
    { id: 'dob', type: 'date' },
    { id: 'gated_dob', type: 'date', askIf: { eq: [{ question: 'gate' }, 'open'] } },
    { id: 'country', type: 'country' },
  ],
  parameters: [
    {
      id: 'pension_age',
      values: [
        { from: '2020-01-01', to: '2026-05-05', value: 66, source: 'act' },
        { from: '2026-05-06', value: 67, source: 'act' },
      ],
    },
    { id: 'nations', values: [{ from: '2000-01-01', value: ['england', 'wales'], source: 'x' }] },
  ],
  lists: [{ id: 'eea', members: ['france', 'ireland'] }],
});

const AS_OF = '2026-06-01';
const closed: Answers = { gate: 'closed' };

function truth(
  rule: Rule,
  answers: Answers = {},
  asOf = AS_OF,
  checks?: ReadonlyMap<string, NamedCheck>,
): Truth {
  return evaluateRule(new EvaluationContext({ model, answers, asOf, ...(checks ? { checks } : {}) }), rule)
    .truth;
}

const Y: Rule = { eq: [1, 1] };
const N: Rule = { eq: [1, 2] };
const U: Rule = { eq: [{ question: 'q' }, 'a'] };
const leaf: Record<Truth, Rule> = { yes: Y, no: N, unknown: U };

describe('evaluate: three-valued combinators', () => {
  const values: Truth[] = ['yes', 'no', 'unknown'];
  const expectedAll = (a: Truth, b: Truth): Truth =>
    a === 'no' || b === 'no' ? 'no' : a === 'unknown' || b === 'unknown' ? 'unknown' : 'yes';
  const expectedAny = (a: Truth, b: Truth): Truth =>
    a === 'yes' || b === 'yes' ? 'yes' : a === 'unknown' || b === 'unknown' ? 'unknown' : 'no';
  // The tables are written out rather than computed, so a wrong helper cannot hide a wrong engine.
  const allTable: [Truth, Truth, Truth][] = [
    ['yes', 'yes', 'yes'],
    ['yes', 'no', 'no'],
    ['yes', 'unknown', 'unknown'],
    ['no', 'yes', 'no'],
    ['no', 'no', 'no'],
    ['no', 'unknown', 'no'],
    ['unknown', 'yes', 'unknown'],
    ['unknown', 'no', 'no'],
    ['unknown', 'unknown', 'unknown'],
  ];
  const anyTable: [Truth, Truth, Truth][] = [
    ['yes', 'yes', 'yes'],
    ['yes', 'no', 'yes'],
    ['yes', 'unknown', 'yes'],
    ['no', 'yes', 'yes'],
    ['no', 'no', 'no'],
    ['no', 'unknown', 'unknown'],
    ['unknown', 'yes', 'yes'],
    ['unknown', 'no', 'unknown'],
    ['unknown', 'unknown', 'unknown'],
  ];
  for (const [a, b, result] of allTable) {
    it(`all(${a}, ${b}) = ${result}`, () => {
      expect(truth({ all: [leaf[a], leaf[b]] })).to.equal(result);
      expect(expectedAll(a, b)).to.equal(result);
    });
  }
  for (const [a, b, result] of anyTable) {
    it(`any(${a}, ${b}) = ${result}`, () => {
      expect(truth({ any: [leaf[a], leaf[b]] })).to.equal(result);
      expect(expectedAny(a, b)).to.equal(result);
    });
  }
  const notTable: [Truth, Truth][] = [
    ['yes', 'no'],
    ['no', 'yes'],
    ['unknown', 'unknown'],
  ];
  for (const [a, result] of notTable) {
    it(`not(${a}) = ${result}`, () => expect(truth({ not: leaf[a] })).to.equal(result));
  }
  it('an empty all is true: a service with no condition besides its nations', () => {
    expect(truth({ all: [] })).to.equal('yes');
  });
  it('a single child gives its own truth', () => {
    for (const value of values) expect(truth({ all: [leaf[value]] })).to.equal(value);
  });
});

describe('evaluate: operators', () => {
  // [description, rule, answers, expected]
  const cases: [string, Rule, Answers, Truth][] = [
    // eq / ne, including the skipped reading: eq false, ne true.
    ['eq answered equal', { eq: [{ question: 'q' }, 'a'] }, { q: 'a' }, 'yes'],
    ['eq answered different', { eq: [{ question: 'q' }, 'a'] }, { q: 'b' }, 'no'],
    ['eq not answered yet', { eq: [{ question: 'q' }, 'a'] }, {}, 'unknown'],
    ['eq skipped', { eq: [{ question: 'gated' }, 'x'] }, closed, 'no'],
    ['eq gate unknown', { eq: [{ question: 'gated' }, 'x'] }, {}, 'unknown'],
    ['eq gated and answered', { eq: [{ question: 'gated' }, 'x'] }, { gate: 'open', gated: 'x' }, 'yes'],
    [
      'eq ignores an answer whose askIf is false',
      { eq: [{ question: 'gated' }, 'x'] },
      { gate: 'closed', gated: 'x' },
      'no',
    ],
    ['eq question on the right', { eq: ['a', { question: 'q' }] }, { q: 'a' }, 'yes'],
    ['eq numbers', { eq: [{ question: 'n' }, 3] }, { n: 3 }, 'yes'],
    ['eq does not coerce', { eq: [{ question: 'n' }, '3'] }, { n: 3 }, 'no'],
    ['ne answered equal', { ne: [{ question: 'q' }, 'a'] }, { q: 'a' }, 'no'],
    ['ne answered different', { ne: [{ question: 'q' }, 'a'] }, { q: 'b' }, 'yes'],
    ['ne not answered yet', { ne: [{ question: 'q' }, 'a'] }, {}, 'unknown'],
    ['ne skipped', { ne: [{ question: 'gated' }, 'x'] }, closed, 'yes'],
    // lt / lte / gt / gte on numbers, dates, and skipped answers.
    ['lt below', { lt: [{ question: 'n' }, 10] }, { n: 9 }, 'yes'],
    ['lt equal', { lt: [{ question: 'n' }, 10] }, { n: 10 }, 'no'],
    ['lt unknown', { lt: [{ question: 'n' }, 10] }, {}, 'unknown'],
    ['lt skipped', { lt: [{ question: 'gated_n' }, 10] }, closed, 'no'],
    ['lte equal', { lte: [{ question: 'n' }, 10] }, { n: 10 }, 'yes'],
    ['lte above', { lte: [{ question: 'n' }, 10] }, { n: 10.01 }, 'no'],
    ['lte unknown', { lte: [{ question: 'n' }, 10] }, {}, 'unknown'],
    ['lte skipped', { lte: [{ question: 'gated_n' }, 10] }, closed, 'no'],
    ['gt above', { gt: [{ question: 'n' }, 10] }, { n: 11 }, 'yes'],
    ['gt equal', { gt: [{ question: 'n' }, 10] }, { n: 10 }, 'no'],
    ['gt unknown', { gt: [{ question: 'n' }, 10] }, {}, 'unknown'],
    ['gt skipped', { gt: [{ question: 'gated_n' }, 10] }, closed, 'no'],
    ['gte equal', { gte: [{ question: 'n' }, 10] }, { n: 10 }, 'yes'],
    ['gte below', { gte: [{ question: 'n' }, 10] }, { n: 9.99 }, 'no'],
    ['gte unknown', { gte: [{ question: 'n' }, 10] }, {}, 'unknown'],
    ['gte skipped', { gte: [{ question: 'gated_n' }, 10] }, closed, 'no'],
    ['lt on dates', { lt: [{ question: 'dob' }, '1953-12-06'] }, { dob: '1953-12-05' }, 'yes'],
    ['gte on dates', { gte: [{ question: 'dob' }, '1953-12-06'] }, { dob: '1953-12-05' }, 'no'],
    ['ordering text is a problem, not an answer', { lt: [{ question: 'q' }, 'b'] }, { q: 'a' }, 'unknown'],
    // between, both ends included.
    ['between low end', { between: [{ question: 'n' }, 16, 35] }, { n: 16 }, 'yes'],
    ['between high end', { between: [{ question: 'n' }, 16, 35] }, { n: 35 }, 'yes'],
    ['between below', { between: [{ question: 'n' }, 16, 35] }, { n: 15 }, 'no'],
    ['between above', { between: [{ question: 'n' }, 16, 35] }, { n: 36 }, 'no'],
    ['between unknown', { between: [{ question: 'n' }, 16, 35] }, {}, 'unknown'],
    ['between skipped', { between: [{ question: 'gated_n' }, 16, 35] }, closed, 'no'],
    [
      'between dates',
      { between: [{ question: 'dob' }, '1950-04-06', '1950-05-05'] },
      { dob: '1950-05-05' },
      'yes',
    ],
    // in / notIn with literal lists, named lists and list parameters.
    ['in literal list', { in: [{ question: 'q' }, ['a', 'b']] }, { q: 'b' }, 'yes'],
    ['in literal list, not there', { in: [{ question: 'q' }, ['a', 'b']] }, { q: 'c' }, 'no'],
    ['in unknown', { in: [{ question: 'q' }, ['a', 'b']] }, {}, 'unknown'],
    ['in skipped', { in: [{ question: 'gated' }, ['x']] }, closed, 'no'],
    ['in named list', { in: [{ question: 'country' }, { list: 'eea' }] }, { country: 'ireland' }, 'yes'],
    [
      'in named list, not there',
      { in: [{ question: 'country' }, { list: 'eea' }] },
      { country: 'usa' },
      'no',
    ],
    ['in list parameter', { in: ['wales', { param: 'nations' }] }, {}, 'yes'],
    ['notIn there', { notIn: [{ question: 'q' }, ['a', 'b']] }, { q: 'a' }, 'no'],
    ['notIn not there', { notIn: [{ question: 'q' }, ['a', 'b']] }, { q: 'c' }, 'yes'],
    ['notIn unknown', { notIn: [{ question: 'q' }, ['a', 'b']] }, {}, 'unknown'],
    ['notIn skipped', { notIn: [{ question: 'gated' }, ['x']] }, closed, 'yes'],
    ['notIn named list', { notIn: [{ question: 'country' }, { list: 'eea' }] }, { country: 'usa' }, 'yes'],
    // includes: a multiple choice contains a choice, or at least one of several.
    ['includes one', { includes: [{ question: 'm' }, 'r'] }, { m: ['p', 'r'] }, 'yes'],
    ['includes one, absent', { includes: [{ question: 'm' }, 's'] }, { m: ['p', 'r'] }, 'no'],
    ['includes any of', { includes: [{ question: 'm' }, ['s', 'r']] }, { m: ['r'] }, 'yes'],
    ['includes any of, none', { includes: [{ question: 'm' }, ['s']] }, { m: ['p'] }, 'no'],
    ['includes, nothing chosen', { includes: [{ question: 'm' }, ['p']] }, { m: [] }, 'no'],
    ['includes unknown', { includes: [{ question: 'm' }, 'p'] }, {}, 'unknown'],
    ['includes skipped', { includes: [{ question: 'gated_m' }, 'p'] }, closed, 'no'],
    ['not includes skipped (none of)', { not: { includes: [{ question: 'gated_m' }, 'p'] } }, closed, 'yes'],
    // answered
    ['answered', { answered: 'q' }, { q: 'a' }, 'yes'],
    ['answered, not yet', { answered: 'q' }, {}, 'unknown'],
    ['answered, skipped', { answered: 'gated' }, closed, 'no'],
    ['answered, gate open but not answered', { answered: 'gated' }, { gate: 'open' }, 'unknown'],
  ];
  for (const [name, rule, answers, expected] of cases) {
    it(`${name}: ${expected}`, () => expect(truth(rule, answers)).to.equal(expected));
  }
});

describe('evaluate: operands', () => {
  const agePensionAge: Rule = { gte: [{ age: { question: 'dob' } }, { param: 'pension_age' }] };
  const cases: [string, Rule, Answers, string, Truth][] = [
    // Ages on birthdays and 29 February, against a parameter whose value changes on 2026-05-06.
    [
      '66th birthday, parameter 66 (last day of its period)',
      agePensionAge,
      { dob: '1960-05-05' },
      '2026-05-05',
      'yes',
    ],
    ['day before the 66th birthday', agePensionAge, { dob: '1960-05-06' }, '2026-05-05', 'no'],
    ['66 on the first day the parameter is 67', agePensionAge, { dob: '1960-05-05' }, '2026-05-06', 'no'],
    ['age unknown without a date of birth', agePensionAge, {}, '2026-05-05', 'unknown'],
    [
      'age of a skipped date of birth is absent',
      { gte: [{ age: { question: 'gated_dob' } }, 0] },
      closed,
      AS_OF,
      'no',
    ],
    [
      '29 February birthday, 28 February of a common year',
      { gte: [{ age: { question: 'dob' } }, 18] },
      { dob: '2008-02-29' },
      '2026-02-28',
      'no',
    ],
    [
      '29 February birthday, 1 March of a common year',
      { gte: [{ age: { question: 'dob' } }, 18] },
      { dob: '2008-02-29' },
      '2026-03-01',
      'yes',
    ],
    [
      '29 February birthday in a leap year',
      { gte: [{ age: { question: 'dob' } }, 16] },
      { dob: '2008-02-29' },
      '2024-02-29',
      'yes',
    ],
    [
      'age on a given date',
      { eq: [{ age: { question: 'dob' }, on: '2030-01-01' }, 20] },
      { dob: '2009-12-31' },
      AS_OF,
      'yes',
    ],
    [
      'parameter as at a given date',
      { eq: [{ param: 'pension_age', on: '2021-01-01' }, 66] },
      {},
      AS_OF,
      'yes',
    ],
    [
      'parameter with no value on the date',
      { eq: [{ param: 'pension_age' }, 66] },
      {},
      '2019-12-31',
      'unknown',
    ],
    ['as-of date', { eq: [{ asOf: true }, '2026-06-01'] }, {}, AS_OF, 'yes'],
    [
      'time between a date and the as-of date',
      { gte: [{ timeBetween: { from: { question: 'dob' }, unit: 'months' } }, 3] },
      { dob: '2026-03-01' },
      AS_OF,
      'yes',
    ],
    [
      'time between two dates',
      { eq: [{ timeBetween: { from: '2026-01-01', to: { question: 'dob' }, unit: 'days' } }, 31] },
      { dob: '2026-02-01' },
      AS_OF,
      'yes',
    ],
    [
      'time between, unknown end',
      { eq: [{ timeBetween: { from: '2026-01-01', to: { question: 'dob' }, unit: 'days' } }, 31] },
      {},
      AS_OF,
      'unknown',
    ],
    ['unknown named list is a problem', { in: ['x', { list: 'nope' }] }, {}, AS_OF, 'unknown'],
    ['unknown parameter is a problem', { eq: [{ param: 'nope' }, 1] }, {}, AS_OF, 'unknown'],
  ];
  for (const [name, rule, answers, asOf, expected] of cases) {
    it(`${name}: ${expected}`, () => expect(truth(rule, answers, asOf)).to.equal(expected));
  }
});

describe('evaluate: named checks', () => {
  const seen: Record<string, unknown>[] = [];
  const checks = new Map<string, NamedCheck>([
    [
      'over',
      {
        id: 'over',
        kind: 'predicate',
        description: 'n over limit',
        args: [],
        evaluate(args) {
          seen.push({ ...args });
          if (args.n === null) return null;
          return typeof args.n === 'number' && typeof args.limit === 'number'
            ? args.n > args.limit
            : undefined;
        },
      },
    ],
    [
      'double',
      {
        id: 'double',
        kind: 'calculation',
        description: '2n',
        args: [],
        evaluate: (a) => (typeof a.n === 'number' ? a.n * 2 : null),
      },
    ],
  ]);
  const over: Rule = { check: 'over', args: { n: { question: 'n' }, limit: { param: 'pension_age' } } };
  const cases: [string, Rule, Answers, Truth][] = [
    ['predicate true', over, { n: 70 }, 'yes'],
    ['predicate false', over, { n: 60 }, 'no'],
    ['predicate not run while an argument is unknown', over, {}, 'unknown'],
    [
      'predicate on a skipped argument that does not apply',
      { check: 'over', args: { n: { question: 'gated_n' } } },
      closed,
      'no',
    ],
    ['predicate that cannot tell', { check: 'over', args: { n: 'text', limit: 1 } }, {}, 'unknown'],
    [
      'calculation as an operand',
      { eq: [{ calc: 'double', args: { n: { question: 'n' } } }, 8] },
      { n: 4 },
      'yes',
    ],
    [
      'calculation on a skipped argument is absent',
      { eq: [{ calc: 'double', args: { n: { question: 'gated_n' } } }, 0] },
      closed,
      'no',
    ],
    ['unregistered check', { check: 'nope' }, {}, 'unknown'],
    ['a calculation used as a predicate', { check: 'double', args: { n: 1 } }, {}, 'unknown'],
  ];
  for (const [name, rule, answers, expected] of cases) {
    it(`${name}: ${expected}`, () => expect(truth(rule, answers, AS_OF, checks)).to.equal(expected));
  }
  it('passes parameter values as at the as-of date', () => {
    seen.length = 0;
    truth(over, { n: 70 }, '2026-06-01', checks);
    expect(seen).to.deep.equal([{ n: 70, limit: 67 }]);
  });
});

describe('evaluate: traces', () => {
  const rule: Rule = {
    all: [
      { id: 'a', eq: [{ question: 'q' }, 'a'] },
      {
        id: 'b',
        any: [
          { id: 'b1', gt: [{ question: 'n' }, 5] },
          { id: 'b2', includes: [{ question: 'm' }, 'p'] },
        ],
      },
    ],
  };
  const evaluate = (answers: Answers) =>
    evaluateRule(new EvaluationContext({ model, answers, asOf: AS_OF }), rule);

  it('keeps every node with its truth', () => {
    const { trace } = evaluate({ q: 'a', n: 6 });
    expect(trace.truth).to.equal('yes');
    expect(trace.children?.map((c) => [c.rule.id, c.truth])).to.deep.equal([
      ['a', 'yes'],
      ['b', 'yes'],
    ]);
    expect(trace.children?.[1]?.children?.map((c) => [c.rule.id, c.truth])).to.deep.equal([
      ['b1', 'yes'],
      ['b2', 'unknown'],
    ]);
  });

  it('lists the questions an unknown rule still needs', () => {
    expect(evaluate({}).missing).to.deep.equal(['q', 'n', 'm']);
    expect(evaluate({ q: 'a', n: 1 }).missing).to.deep.equal(['m']);
  });

  it('lists none once decided, even with questions unanswered', () => {
    const result = evaluate({ q: 'b' });
    expect([result.truth, result.missing]).to.deep.equal(['no', []]);
  });

  it('notes the content problem on the leaf', () => {
    const result = evaluateRule(new EvaluationContext({ model, answers: {}, asOf: '2019-01-01' }), {
      eq: [{ param: 'pension_age' }, 66],
    });
    expect(result.trace.problem).to.equal('parameter "pension_age" has no value on 2019-01-01');
  });
});

describe('evaluate: services and nations', () => {
  const nationModel = makeModel({
    questions: [choice('nation', ['england', 'scotland']), choice('q', ['a', 'b'])],
    services: [
      { id: 'scottish', name: { en: 'S' }, rule: { eq: [{ question: 'q' }, 'a'] }, nations: ['scotland'] },
    ],
    nationQuestion: 'nation',
  });
  const service = nationModel.services.get('scottish')!;
  const cases: [Answers, string, string[]][] = [
    [{ q: 'a', nation: 'scotland' }, 'eligible', []],
    [{ q: 'a', nation: 'england' }, 'ineligible', []],
    [{ q: 'a' }, 'unknown', ['nation']],
    [{ nation: 'england' }, 'ineligible', []],
    [{}, 'unknown', ['nation', 'q']],
  ];
  for (const [answers, outcome, missing] of cases) {
    it(`${JSON.stringify(answers)}: ${outcome}`, () => {
      const result = evaluateService(
        new EvaluationContext({ model: nationModel, answers, asOf: AS_OF }),
        service,
      );
      expect([result.outcome, result.missing]).to.deep.equal([outcome, missing]);
    });
  }
});

describe('evaluate: a service in every nation does not ask the nation', () => {
  const model = makeModel({
    questions: [choice('nation', ['england', 'scotland']), choice('q', ['a', 'b'])],
    services: [
      {
        id: 'everywhere',
        name: { en: 'E' },
        rule: { eq: [{ question: 'q' }, 'a'] },
        nations: ['scotland', 'england'],
      },
      { id: 'one', name: { en: 'O' }, rule: { eq: [{ question: 'q' }, 'a'] }, nations: ['england'] },
    ],
    nationQuestion: 'nation',
  });
  const cases: [string, Answers, string, string[]][] = [
    ['everywhere', { q: 'a' }, 'eligible', []],
    ['everywhere', {}, 'unknown', ['q']],
    ['everywhere', { q: 'b', nation: 'england' }, 'ineligible', []],
    ['one', { q: 'a' }, 'unknown', ['nation']],
    ['one', { q: 'a', nation: 'scotland' }, 'ineligible', []],
  ];
  for (const [id, answers, outcome, missing] of cases) {
    it(`${id} ${JSON.stringify(answers)}: ${outcome}`, () => {
      const service = model.services.get(id)!;
      const result = evaluateService(new EvaluationContext({ model, answers, asOf: AS_OF }), service);
      expect([result.outcome, result.missing]).to.deep.equal([outcome, missing]);
    });
  }
});
