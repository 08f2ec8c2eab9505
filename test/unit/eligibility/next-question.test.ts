// Next question: askIf honoured, the editor's order kept, questions that cannot matter never
// asked, and none once every outcome is decided.
import { expect } from 'chai';
import { assess } from '../../../bot/eligibility/assess.js';
import type { Answers, QuestionDef } from '../../../bot/eligibility/model.js';
import { choice, makeModel } from './fixtures.js';

const when = (question: string, value: string) => ({
  eq: [{ question }, value] as [{ question: string }, string],
});

const questions: QuestionDef[] = [
  choice('over_spa', ['yes', 'no']),
  choice('working', ['yes', 'no']),
  choice('hours', ['under_16', '16_or_more'], when('working', 'yes')),
  choice('disability', ['yes', 'no']),
  choice('affects_work', ['cannot_work', 'limits_work', 'no'], when('disability', 'yes')),
  choice('children', ['yes', 'no']),
  {
    id: 'age_of_children',
    type: 'multi-choice',
    choices: ['under_5', '5_to_15'],
    askIf: when('children', 'yes'),
  },
  choice('on_benefits', ['yes', 'no']),
  {
    id: 'current_benefits',
    type: 'multi-choice',
    choices: ['pension_credit', 'housing'],
    askIf: when('on_benefits', 'yes'),
  },
  choice('unused', ['yes', 'no']),
];

const model = makeModel({
  questions,
  services: [
    {
      id: 'pension_credit',
      name: { en: 'Pension Credit' },
      rule: {
        all: [
          when('over_spa', 'yes'),
          { not: { includes: [{ question: 'current_benefits' }, 'pension_credit'] } },
        ],
      },
    },
    {
      id: 'jobseekers',
      name: { en: 'JSA' },
      rule: {
        all: [
          when('over_spa', 'no'),
          { any: [when('working', 'no'), { all: [when('working', 'yes'), when('hours', 'under_16')] }] },
        ],
      },
    },
    {
      id: 'esa',
      name: { en: 'ESA' },
      // Written in another order than the screening asks: the screening's order wins.
      rule: {
        all: [
          { ne: [{ question: 'affects_work' }, 'no'] },
          when('disability', 'yes'),
          when('over_spa', 'no'),
        ],
      },
    },
    { id: 'child_benefit', name: { en: 'Child Benefit' }, rule: when('children', 'yes') },
    {
      id: 'childcare',
      name: { en: 'Childcare' },
      rule: { all: [when('children', 'yes'), { includes: [{ question: 'age_of_children' }, 'under_5'] }] },
    },
  ],
  screenings: [
    {
      id: 'benefits',
      questions: questions.map((q) => q.id),
      services: ['pension_credit', 'jobseekers', 'esa', 'child_benefit', 'childcare'],
    },
  ],
});

const next = (answers: Answers, id = 'benefits') => assess(model, id, answers, '2026-06-01')?.nextQuestion;

describe('next question', () => {
  const cases: [string, Answers, string | null][] = [
    ['nothing answered: the first question', {}, 'over_spa'],
    ['over State Pension age: work questions cannot matter, children can', { over_spa: 'yes' }, 'children'],
    [
      'the benefits list waits on its askIf: ask on_benefits first',
      { over_spa: 'yes', children: 'no' },
      'on_benefits',
    ],
    [
      'askIf true: the gated question comes in its place',
      { over_spa: 'yes', children: 'no', on_benefits: 'yes' },
      'current_benefits',
    ],
    [
      'askIf false: skipped, and everything is decided',
      { over_spa: 'yes', children: 'no', on_benefits: 'no' },
      null,
    ],
    ['under State Pension age: working next', { over_spa: 'no' }, 'working'],
    ['working: hours before disability (editor order)', { over_spa: 'no', working: 'yes' }, 'hours'],
    ['not working: hours skipped', { over_spa: 'no', working: 'no' }, 'disability'],
    [
      'no disability: affects_work never asked',
      { over_spa: 'no', working: 'no', disability: 'no' },
      'children',
    ],
    ['disability: affects_work asked', { over_spa: 'no', working: 'no', disability: 'yes' }, 'affects_work'],
    [
      'children: their ages next',
      { over_spa: 'no', working: 'no', disability: 'no', children: 'yes' },
      'age_of_children',
    ],
    [
      'all decided: none (the unused question is never asked)',
      { over_spa: 'no', working: 'no', disability: 'no', children: 'no' },
      null,
    ],
    [
      'answers given early are never asked again',
      { children: 'yes', age_of_children: ['under_5'], on_benefits: 'no' },
      'over_spa',
    ],
  ];
  for (const [name, answers, expected] of cases) {
    it(`${name}: ${expected ?? 'none'}`, () => {
      const actual = next(answers);
      expect(actual, `expected next question ${expected}, got ${actual}`).to.equal(expected);
    });
  }

  describe('for one service', () => {
    const serviceCases: [string, string, Answers, string | null][] = [
      ['only its own questions', 'child_benefit', { over_spa: 'yes' }, 'children'],
      ['in the order of its screening, not of its rule', 'esa', {}, 'over_spa'],
      ['then the next that matters', 'esa', { over_spa: 'no' }, 'disability'],
      ['none once decided', 'esa', { over_spa: 'yes' }, null],
    ];
    for (const [name, id, answers, expected] of serviceCases) {
      it(`${name}: ${expected ?? 'none'}`, () => expect(next(answers, id)).to.equal(expected));
    }
  });

  it('a question missing from the editor order is still asked, after the ordered ones', () => {
    const small = makeModel({
      questions: [choice('a', ['y', 'n']), choice('b', ['y', 'n'])],
      services: [{ id: 's', name: { en: 'S' }, rule: { all: [when('b', 'y'), when('a', 'y')] } }],
      screenings: [{ id: 'sc', questions: ['b'], services: ['s'] }],
    });
    expect(assess(small, 'sc', { b: 'y' }, '2026-01-01')?.nextQuestion).to.equal('a');
  });

  it('an askIf cycle never asks either question', () => {
    const cyclic = makeModel({
      questions: [choice('a', ['y'], when('b', 'y')), choice('b', ['y'], when('a', 'y'))],
      services: [{ id: 's', name: { en: 'S' }, rule: when('a', 'y') }],
      screenings: [{ id: 'sc', questions: ['a', 'b'], services: ['s'] }],
    });
    expect(assess(cyclic, 'sc', {}, '2026-01-01')?.nextQuestion).to.equal(null);
  });
});

describe('assess', () => {
  it('sorts the services by outcome, in the order they are shown', () => {
    const result = assess(
      model,
      'benefits',
      { over_spa: 'no', working: 'no', children: 'yes' },
      '2026-06-01',
    );
    expect(result && [result.eligible, result.ineligible, result.unknown]).to.deep.equal([
      ['jobseekers', 'child_benefit'],
      ['pension_credit'],
      ['esa', 'childcare'],
    ]);
  });

  it('shows services group by group when the screening has groups', () => {
    const grouped = makeModel({
      questions: [choice('a', ['y', 'n'])],
      services: ['s1', 's2', 's3', 's4'].map((id) => ({ id, name: { en: id }, rule: { all: [] } })),
      screenings: [
        {
          id: 'sc',
          questions: ['a'],
          services: ['s1', 's2', 's3', 's4'],
          groups: [
            { id: 'g1', title: { en: 'G1' }, services: ['s3', 's1'] },
            { id: 'g2', title: { en: 'G2' }, services: ['s2'] },
          ],
        },
      ],
    });
    expect(assess(grouped, 'sc', {}, '2026-01-01')?.eligible).to.deep.equal(['s3', 's1', 's2', 's4']);
  });

  it('returns undefined for an id that is neither a screening nor a service', () => {
    expect(assess(model, 'nope', {}, '2026-06-01')).to.equal(undefined);
  });
});
