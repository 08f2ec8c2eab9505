// ruleReferences: what kb validate relies on to prove every reference resolves.
import { expect } from 'chai';
import { ruleReferenceList, ruleReferences, ruleTexts, type Rule } from '../../../bot/eligibility/rules.js';

const rule: Rule = {
  all: [
    { eq: [{ question: 'over_spa' }, 'yes'], because: { en: 'you are State Pension age or over' } },
    { includes: [{ question: 'benefits' }, ['pension_credit', 'housing_benefit']] },
    { in: ['yes', { question: 'flipped' }] },
    { in: [{ question: 'country' }, { list: 'eea' }] },
    { gte: [{ age: { question: 'dob' }, on: { param: 'cutoff' } }, { param: 'pension_age' }] },
    { not: { answered: 'over_spa' } },
    {
      check: 'paid_minimum',
      args: { pay: { question: 'pay' }, rates: { param: 'nmw', on: { asOf: true } } },
    },
    { lt: [{ calc: 'state_pension_date', args: { dob: { question: 'dob' } } }, { asOf: true }] },
    { gt: [{ timeBetween: { from: { question: 'arrived' }, to: { question: 'left' }, unit: 'days' } }, 7] },
  ],
};

describe('ruleReferences', () => {
  const refs = ruleReferences(rule);
  const cases: [string, unknown, unknown][] = [
    [
      'questions, once each, in order',
      refs.questions,
      ['over_spa', 'benefits', 'flipped', 'country', 'dob', 'pay', 'arrived', 'left'],
    ],
    ['parameters', refs.parameters, ['cutoff', 'pension_age', 'nmw']],
    ['named checks and calculations', refs.checks, ['paid_minimum', 'state_pension_date']],
    ['named lists', refs.lists, ['eea']],
    [
      'choices compared with a question, on either side',
      refs.choices,
      [
        { question: 'over_spa', choice: 'yes' },
        { question: 'benefits', choice: 'pension_credit' },
        { question: 'benefits', choice: 'housing_benefit' },
        { question: 'flipped', choice: 'yes' },
      ],
    ],
  ];
  for (const [what, actual, expected] of cases) {
    it(what, () => expect(actual).to.deep.equal(expected));
  }

  it('gives each reference a JSON path from the rule', () => {
    const list = ruleReferenceList(rule, ['rule']);
    expect(list[0]).to.deep.equal({
      kind: 'question',
      id: 'over_spa',
      path: ['rule', 'all', 0, 'eq', 0, 'question'],
    });
    expect(list.find((r) => r.kind === 'list')?.path).to.deep.equal(['rule', 'all', 3, 'in', 1, 'list']);
    expect(list.find((r) => r.id === 'housing_benefit')?.path).to.deep.equal([
      'rule',
      'all',
      1,
      'includes',
      1,
      1,
    ]);
  });

  it('lists the plain-language texts with their paths', () => {
    expect(ruleTexts(rule)).to.deep.equal([
      { text: { en: 'you are State Pension age or over' }, path: ['all', 0, 'because'] },
    ]);
  });
});
