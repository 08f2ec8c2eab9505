// Named values: operands a screening works out and shows, checked in scenarios. Three-valued like
// everything else: a value, null when it does not apply, undefined while it waits on an answer.
import { expect } from 'chai';
import { EvaluationContext, valuesOf, type Answers } from '../../../bot/eligibility/index.js';
import type { NamedValue } from '../../../bot/eligibility/model.js';
import { choice, makeModel } from './fixtures.js';

const model = makeModel({
  questions: [
    choice('when', ['now', 'last_year']),
    { id: 'born', type: 'date' },
    { id: 'pay_now', type: 'money', askIf: { eq: [{ question: 'when' }, 'now'] } },
    { id: 'pay_then', type: 'money', askIf: { eq: [{ question: 'when' }, 'last_year'] } },
  ],
  values: [
    { id: 'sixty', value: { addPeriod: { date: { question: 'born' }, years: 60 } } },
    { id: 'claim_from', value: { addPeriod: { date: { value: 'sixty' }, months: -2 } } },
    { id: 'can_claim', rule: { gte: [{ asOf: true }, { value: 'claim_from' }] } },
    { id: 'pay', value: { firstOf: [{ question: 'pay_now' }, { question: 'pay_then' }] } },
    { id: 'loop_a', value: { value: 'loop_b' } },
    { id: 'loop_b', value: { value: 'loop_a' } },
    { id: 'age_then', value: { age: { question: 'born' }, on: { value: 'sixty' } } },
  ] satisfies NamedValue[],
});

const ids = ['sixty', 'claim_from', 'can_claim', 'pay', 'loop_a', 'age_then'];
const run = (answers: Answers, asOf = '2026-06-01', given?: Record<string, string | number | null>) =>
  valuesOf(new EvaluationContext({ model, answers, asOf, ...(given ? { given } : {}) }), ids);

describe('named values', () => {
  // [what, answers, as-of, given, expected subset]
  const cases: [
    string,
    Answers,
    string,
    Record<string, string | number | null> | undefined,
    Record<string, unknown>,
  ][] = [
    [
      'nothing answered: all wait',
      {},
      '2026-06-01',
      undefined,
      { sixty: undefined, can_claim: undefined, pay: undefined },
    ],
    [
      'a date moved by years, then by months (31 March - 2 months: 31 January)',
      { born: '1966-03-31' },
      '2026-06-01',
      undefined,
      { sixty: '2026-03-31', claim_from: '2026-01-31', can_claim: true, age_then: 60 },
    ],
    ['a rule value on the day before', { born: '1966-08-02' }, '2026-06-01', undefined, { can_claim: false }],
    [
      'a rule value on the day',
      { born: '1966-08-01' },
      '2026-06-01',
      undefined,
      { claim_from: '2026-06-01', can_claim: true },
    ],
    [
      '29 February + 60 years: 29 February again (60 is a multiple of 4)',
      { born: '1968-02-29' },
      '2026-06-01',
      undefined,
      { sixty: '2028-02-29' },
    ],
    [
      'given null: the value does not apply, nor do values made from it',
      { born: '1968-02-29' },
      '2026-06-01',
      { sixty: null },
      { sixty: null, claim_from: null },
    ],
    ['firstOf: this year', { when: 'now', pay_now: 200 }, '2026-06-01', undefined, { pay: 200 }],
    [
      'firstOf: the skipped question is passed over',
      { when: 'last_year', pay_then: 150 },
      '2026-06-01',
      undefined,
      { pay: 150 },
    ],
    ['firstOf: waits while the branch is open', { when: 'now' }, '2026-06-01', undefined, { pay: undefined }],
    [
      'given replaces the worked-out value',
      { born: '1966-03-31' },
      '2026-06-01',
      { sixty: '2030-01-15' },
      { claim_from: '2029-11-15', can_claim: false },
    ],
    ['a value that names itself stays unknown', {}, '2026-06-01', undefined, { loop_a: undefined }],
  ];
  for (const [what, answers, asOf, given, expected] of cases) {
    it(what, () => expect(run(answers, asOf, given)).to.deep.include(expected));
  }
});
