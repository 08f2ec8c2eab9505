// validateAnswer: every invalid input rejected with a code and a message naming the question and
// what is allowed; valid input returned normalised.
import { expect } from 'chai';
import { validateAnswer, validateAnswers } from '../../../bot/eligibility/answers.js';
import type { QuestionDef } from '../../../bot/eligibility/model.js';
import { makeModel } from './fixtures.js';

const q = {
  nation: { id: 'nation', type: 'choice', choices: ['england', 'wales'] },
  carer: { id: 'carer', type: 'yes-no' },
  ages: { id: 'ages', type: 'multi-choice', choices: ['2', '3_to_4'] },
  benefits: { id: 'benefits', type: 'multi-choice', choices: ['uc', 'hb'], validation: { minChoices: 1 } },
  hours: { id: 'hours', type: 'number', validation: { min: 0, max: 168 } },
  days: { id: 'days', type: 'number', validation: { min: 1, max: 31, integer: true } },
  pay: { id: 'pay', type: 'money' },
  age: { id: 'age', type: 'age', validation: { max: 130 } },
  dob: { id: 'dob', type: 'date', validation: { earliest: '1900-01-01', latest: 'asOf' } },
  country: { id: 'country', type: 'country', choicesFrom: 'countries' },
  anyCountry: { id: 'any_country', type: 'country' },
  postcode: { id: 'postcode', type: 'postcode' },
} satisfies Record<string, QuestionDef>;

const lists = new Map([['countries', { id: 'countries', members: ['france', 'spain'] }]]);
const context = { asOf: '2026-06-01', lists };

describe('validateAnswer', () => {
  const accepted: [QuestionDef, unknown, unknown][] = [
    [q.nation, 'wales', 'wales'],
    [q.carer, 'yes', 'yes'],
    [q.carer, false, 'no'],
    [q.ages, [], []],
    [q.ages, ['3_to_4', '2'], ['3_to_4', '2']],
    [q.benefits, ['uc'], ['uc']],
    [q.hours, 0, 0],
    [q.hours, 37.5, 37.5],
    [q.days, 31, 31],
    [q.pay, 123.45, 123.45],
    [q.age, 67, 67],
    [q.dob, '2024-02-29', '2024-02-29'],
    [q.dob, '2026-06-01', '2026-06-01'],
    [q.country, 'spain', 'spain'],
    [q.anyCountry, 'narnia', 'narnia'],
    [q.postcode, ' SW1A 1AA ', 'SW1A 1AA'],
  ];
  for (const [question, value, normalised] of accepted) {
    it(`accepts ${JSON.stringify(value)} for ${question.id}`, () =>
      expect(validateAnswer(question, value, context)).to.deep.equal({ ok: true, value: normalised }));
  }

  const rejected: [QuestionDef, unknown, string, string][] = [
    [
      q.nation,
      'scotland',
      'not-a-choice',
      '"scotland" is not a choice of question "nation"; allowed: england, wales',
    ],
    [q.nation, 3, 'wrong-type', 'question "nation" needs one choice id; allowed: england, wales'],
    [q.carer, 'maybe', 'not-a-choice', '"maybe" is not a choice of question "carer"; allowed: yes, no'],
    [q.ages, '2', 'wrong-type', 'question "ages" needs a list of choice ids; allowed: a list of 2, 3_to_4'],
    [q.ages, ['5'], 'not-a-choice', '"5" is not a choice of question "ages"; allowed: a list of 2, 3_to_4'],
    [
      q.ages,
      ['2', '2'],
      'duplicate-choice',
      '"2" is chosen twice in question "ages"; allowed: a list of 2, 3_to_4',
    ],
    [
      q.benefits,
      [],
      'too-few-choices',
      'question "benefits" needs at least 1 choice(s); allowed: a list of uc, hb',
    ],
    [
      q.hours,
      '10',
      'not-a-number',
      '"10" is not a number for question "hours"; allowed: a number from 0 to 168',
    ],
    [q.hours, -1, 'too-small', '-1 is too small for question "hours"; allowed: a number from 0 to 168'],
    [q.hours, 169, 'too-large', '169 is too large for question "hours"; allowed: a number from 0 to 168'],
    [
      q.days,
      7.5,
      'not-whole',
      '7.5 is not a whole number for question "days"; allowed: a whole number from 1 to 31',
    ],
    [q.pay, -5, 'too-small', '-5 is too small for question "pay"; allowed: a number of at least 0'],
    [
      q.pay,
      Number.NaN,
      'not-a-number',
      'NaN is not a number for question "pay"; allowed: a number of at least 0',
    ],
    [
      q.age,
      66.5,
      'not-whole',
      '66.5 is not a whole number for question "age"; allowed: a whole number from 0 to 130',
    ],
    [
      q.dob,
      '2023-02-29',
      'not-a-date',
      '"2023-02-29" is not a real date for question "dob"; allowed: a date YYYY-MM-DD from 1900-01-01 to 2026-06-01',
    ],
    [
      q.dob,
      '01/02/2000',
      'not-a-date',
      '"01/02/2000" is not a real date for question "dob"; allowed: a date YYYY-MM-DD from 1900-01-01 to 2026-06-01',
    ],
    [
      q.dob,
      '1899-12-31',
      'too-early',
      '1899-12-31 is too early for question "dob"; allowed: a date YYYY-MM-DD from 1900-01-01 to 2026-06-01',
    ],
    [
      q.dob,
      '2026-06-02',
      'too-late',
      '2026-06-02 is too late for question "dob"; allowed: a date YYYY-MM-DD from 1900-01-01 to 2026-06-01',
    ],
    [
      q.country,
      'narnia',
      'not-a-choice',
      '"narnia" is not a choice of question "country"; allowed: france, spain',
    ],
    [q.postcode, '  ', 'empty', 'question "postcode" needs a postcode; allowed: a postcode'],
  ];
  for (const [question, value, code, message] of rejected) {
    it(`rejects ${JSON.stringify(value)} for ${question.id} (${code})`, () => {
      const result = validateAnswer(question, value, context);
      expect(result).to.deep.include({ ok: false, question: question.id, code, message });
    });
  }
});

describe('validateAnswers', () => {
  const model = makeModel({ questions: [q.nation, q.hours] });
  it('normalises every answer', () => {
    expect(validateAnswers(model, { nation: 'england', hours: 3 })).to.deep.equal({
      ok: true,
      answers: { nation: 'england', hours: 3 },
    });
  });
  it('names an answer to a question the pack does not have, and the questions it has', () => {
    expect(validateAnswers(model, { nation: 'england', nations: 'x' })).to.deep.include({
      ok: false,
      code: 'unknown-question',
      message: 'there is no question "nations"; allowed: nation, hours',
    });
  });
  it('reports the first invalid answer', () => {
    expect(validateAnswers(model, { hours: 200, nation: 'x' })).to.deep.include({
      ok: false,
      question: 'hours',
    });
  });
});

describe('bounds that move', () => {
  const born: QuestionDef = {
    id: 'born',
    type: 'date',
    validation: { earliest: { yearsBeforeAsOf: 122, startOfYear: true }, latest: 'asOf' },
  };
  const bornExact: QuestionDef = {
    id: 'born',
    type: 'date',
    validation: { earliest: { yearsBeforeAsOf: 100 } },
  };
  const worked: QuestionDef = {
    id: 'worked',
    type: 'number',
    validation: { min: 0.01, max: { question: 'days', times: 16 } },
  };
  // [question, answer, as-of date, other answers, expected code or 'ok']
  const cases: [QuestionDef, unknown, string, Record<string, number>, string][] = [
    [born, '1904-01-01', '2026-11-23', {}, 'ok'],
    [born, '1903-12-31', '2026-11-23', {}, 'too-early'],
    [born, '1904-01-01', '2026-01-01', {}, 'ok'],
    [born, '1890-01-01', '2026-11-23', {}, 'too-early'],
    [bornExact, '1926-11-23', '2026-11-23', {}, 'ok'],
    [bornExact, '1926-11-22', '2026-11-23', {}, 'too-early'],
    [worked, 112, '2026-11-23', { days: 7 }, 'ok'],
    [worked, 113, '2026-11-23', { days: 7 }, 'too-large'],
    [worked, 17, '2026-11-23', { days: 1 }, 'too-large'],
    [worked, 500, '2026-11-23', {}, 'ok'],
  ];
  for (const [question, value, asOf, answers, expected] of cases) {
    it(`${question.id} ${JSON.stringify(value)} on ${asOf} with ${JSON.stringify(answers)}: ${expected}`, () => {
      const result = validateAnswer(question, value, { asOf, answers });
      expect(result.ok ? 'ok' : result.code).to.equal(expected);
    });
  }

  it('says the bound in the message', () => {
    const result = validateAnswer(born, '1890-01-01', { asOf: '2026-11-23' });
    expect(result).to.deep.include({ allowed: 'a date YYYY-MM-DD from 1904-01-01 to 2026-11-23' });
  });

  it('sees the other answer whatever the order the answers come in', () => {
    const model = makeModel({ questions: [worked, q.days] });
    expect(validateAnswers(model, { worked: 113, days: 7 }, '2026-11-23')).to.deep.include({
      ok: false,
      question: 'worked',
      code: 'too-large',
    });
  });
});
