// knowledge/schema/rule.schema.json must accept exactly the rule language of bot/eligibility/rules.ts.
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { RULE_OPERATORS } from '../../../bot/eligibility/rules.js';

const schema = JSON.parse(
  readFileSync(new URL('../../../knowledge/schema/rule.schema.json', import.meta.url), 'utf8'),
);
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

const valid: [string, unknown][] = [
  ['choice equality', { eq: [{ question: 'on_benefits' }, 'yes'] }],
  ['combinators', { all: [{ any: [{ not: { answered: 'q' } }, { ne: [{ question: 'q' }, 'no'] }] }] }],
  ['age against a parameter', { gte: [{ age: { question: 'dob' } }, { param: 'pension_age' }] }],
  ['named list', { in: [{ question: 'country' }, { list: 'eea' }] }],
  ['literal list', { notIn: [{ question: 'nation' }, ['scotland', 'wales']] }],
  ['includes any of', { includes: [{ question: 'age_of_children' }, ['2', '3_to_4']] }],
  ['between', { between: [{ question: 'hours' }, 0, 35] }],
  ['time between', { lt: [{ timeBetween: { from: { question: 'arrived' }, unit: 'months' } }, 3] }],
  [
    'as-of and calc',
    { lte: [{ calc: 'state_pension_date', args: { dob: { question: 'dob' } } }, { asOf: true }] },
  ],
  ['an empty all (always true)', { all: [] }],
  ['parameter on a date', { gt: [{ param: 'rate', on: '2025-04-01' }, 10] }],
  ['named check', { check: 'paid_at_least_minimum', args: { pay: { question: 'pay' } } }],
  [
    'texts',
    {
      id: 'spa',
      eq: [{ question: 'q' }, 'yes'],
      because: { en: 'you are over' },
      becauseNot: { en: 'x', fr: 'y' },
    },
  ],
];

const invalid: [string, unknown][] = [
  ['two operators', { eq: [1, 1], ne: [1, 2] }],
  ['no operator', { id: 'x' }],
  ['unknown key', { eq: [1, 1], when: true }],
  ['one operand', { eq: [{ question: 'q' }] }],
  ['an object that is no operand', { eq: [{ js: 'a > b' }, 1] }],
  ['empty any', { any: [] }],
  ['an id that is not lower case letters, digits, _ and -', { answered: 'dob_age?' }],
  ['between with two operands', { between: [1, 2] }],
  ['args without a check', { eq: [1, 1], args: {} }],
  ['text without en', { eq: [1, 1], because: { fr: 'x' } }],
  ['bad unit', { lt: [{ timeBetween: { from: '2020-01-01', unit: 'fortnights' } }, 1] }],
  ['asOf false', { lt: [{ asOf: false }, '2020-01-01'] }],
];

describe('rule.schema.json', () => {
  for (const [name, rule] of valid) {
    it(`accepts ${name}`, () => {
      expect(validate(rule), JSON.stringify(validate.errors)).to.equal(true);
    });
  }
  for (const [name, rule] of invalid) {
    it(`rejects ${name}`, () => {
      expect(validate(rule)).to.equal(false);
    });
  }

  it('has exactly one branch per operator of rules.ts', () => {
    const branches = (schema.$defs.rule.oneOf as { required: string[] }[]).map((b) => b.required[0]);
    expect([...branches].sort()).to.deep.equal([...RULE_OPERATORS].sort());
  });
});
