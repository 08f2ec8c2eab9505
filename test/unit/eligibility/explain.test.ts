// Reasons: sentences assembled from the pack's texts along the deciding path of the trace.
import { expect } from 'chai';
import { EvaluationContext, evaluateService } from '../../../bot/eligibility/evaluate.js';
import { explainService } from '../../../bot/eligibility/explain.js';
import type { Answers, EligibilityModel, Locale } from '../../../bot/eligibility/model.js';
import { choice, makeModel, type ModelParts } from './fixtures.js';

const parts: ModelParts = {
  questions: [
    { id: 'dob', type: 'date' },
    choice('gets_pension_credit', ['yes', 'no']),
    { id: 'care_hours', type: 'number' },
    choice('cared_for_gets_benefit', ['yes', 'no']),
  ],
  parameters: [{ id: 'spa', values: [{ from: '2020-01-01', value: 66, source: 'Pensions Act 2014' }] }],
  services: [
    {
      id: 'pension_credit',
      name: { en: 'Pension Credit', fr: 'le crédit de pension' },
      rule: {
        all: [
          {
            gte: [{ age: { question: 'dob' } }, { param: 'spa' }],
            because: { en: 'you are State Pension age or over', fr: "vous avez l'âge de la pension" },
            becauseNot: { en: 'you are under State Pension age' },
          },
          {
            ne: [{ question: 'gets_pension_credit' }, 'yes'],
            becauseNot: { en: 'you already get Pension Credit' },
          },
        ],
      },
      notChecked: [{ en: 'We did not check your income and savings.' }],
    },
    {
      id: 'carers_allowance',
      name: { en: "Carer's Allowance" },
      rule: {
        all: [
          {
            gte: [{ question: 'care_hours' }, 35],
            because: { en: 'you care for someone at least 35 hours a week' },
            becauseNot: { en: 'you care for someone less than 35 hours a week' },
          },
          {
            eq: [{ question: 'cared_for_gets_benefit' }, 'yes'],
            because: { en: 'the person you care for gets a qualifying benefit' },
            becauseNot: { en: 'the person you care for does not get a qualifying benefit' },
          },
        ],
      },
    },
    {
      id: 'negated',
      name: { en: 'Negated' },
      rule: {
        not: { eq: [{ question: 'gets_pension_credit' }, 'yes'], because: { en: 'you get Pension Credit' } },
      },
    },
  ],
  reasonTemplates: {
    eligible: {
      en: 'You may be able to get {service} because {reasons}.',
      fr: 'Vous pourriez avoir droit à {service} car {reasons}.',
    },
    ineligible: { en: 'You cannot get {service} because {reasons}.' },
    unknown: { en: 'We need a few more answers about {service}.' },
    and: { en: ' and ', fr: ' et ' },
  },
};

function explain(model: EligibilityModel, id: string, answers: Answers, locale: Locale = 'en') {
  const context = new EvaluationContext({ model, answers, asOf: '2026-06-01' });
  return explainService(model, evaluateService(context, model.services.get(id)!), locale).sentences;
}

describe('reasons when questions were skipped', () => {
  const gated = makeModel({
    questions: [
      choice('over_spa', ['yes', 'no']),
      choice('partner', ['yes', 'no'], { eq: [{ question: 'over_spa' }, 'yes'] }),
      { id: 'income', type: 'money', askIf: { eq: [{ question: 'over_spa' }, 'yes'] } },
    ],
    services: [
      {
        id: 'credit',
        name: { en: 'Pension Credit' },
        rule: {
          all: [
            { eq: [{ question: 'over_spa' }, 'yes'], becauseNot: { en: 'you are under State Pension age' } },
            {
              any: [
                { all: [{ eq: [{ question: 'partner' }, 'no'] }, { lte: [{ question: 'income' }, 200] }] },
                { all: [{ eq: [{ question: 'partner' }, 'yes'] }, { lte: [{ question: 'income' }, 300] }] },
              ],
              becauseNot: { en: 'your income is above the limit' },
            },
          ],
        },
      },
      {
        id: 'couples',
        name: { en: 'Couples' },
        rule: { eq: [{ question: 'partner' }, 'yes'], becauseNot: { en: 'you do not live with a partner' } },
      },
    ],
    reasonTemplates: parts.reasonTemplates,
  });
  const cases: [string, string, Answers, string[]][] = [
    [
      'a branch false only because its questions were skipped is not a reason',
      'credit',
      { over_spa: 'no' },
      ['You cannot get Pension Credit because you are under State Pension age.'],
    ],
    [
      'the same branch, decided by real answers, is',
      'credit',
      { over_spa: 'yes', partner: 'no', income: 250 },
      ['You cannot get Pension Credit because your income is above the limit.'],
    ],
    [
      'when skipped questions are all there is, they are the reason',
      'couples',
      { over_spa: 'no' },
      ['You cannot get Couples because you do not live with a partner.'],
    ],
  ];
  for (const [name, id, answers, expected] of cases) {
    it(name, () => expect(explain(gated, id, answers)).to.deep.equal(expected));
  }

  it('marks the trace nodes decided only by skipped answers', () => {
    const context = new EvaluationContext({ model: gated, answers: { over_spa: 'no' }, asOf: '2026-06-01' });
    const trace = evaluateService(context, gated.services.get('credit')!).trace;
    expect(trace.children?.map((c) => [c.truth, c.vacuous])).to.deep.equal([
      ['no', false],
      ['no', true],
    ]);
  });
});

describe('reasons', () => {
  const model = makeModel(parts);
  const cases: [string, string, Answers, Locale, string[]][] = [
    [
      'eligible: the clause that holds, then what was not checked',
      'pension_credit',
      { dob: '1950-01-01', gets_pension_credit: 'no' },
      'en',
      [
        'You may be able to get Pension Credit because you are State Pension age or over.',
        'We did not check your income and savings.',
      ],
    ],
    [
      'ineligible: only the clause that failed',
      'carers_allowance',
      { care_hours: 20, cared_for_gets_benefit: 'yes' },
      'en',
      ["You cannot get Carer's Allowance because you care for someone less than 35 hours a week."],
    ],
    [
      'ineligible on two counts: both, joined by the pack’s "and"',
      'carers_allowance',
      { care_hours: 20, cared_for_gets_benefit: 'no' },
      'en',
      [
        "You cannot get Carer's Allowance because you care for someone less than 35 hours a week and the person you care for does not get a qualifying benefit.",
      ],
    ],
    [
      'eligible on two counts',
      'carers_allowance',
      { care_hours: 35, cared_for_gets_benefit: 'yes' },
      'en',
      [
        "You may be able to get Carer's Allowance because you care for someone at least 35 hours a week and the person you care for gets a qualifying benefit.",
      ],
    ],
    [
      'in French, falling back to English for a missing translation',
      'pension_credit',
      { dob: '1950-01-01', gets_pension_credit: 'no' },
      'fr',
      [
        "Vous pourriez avoir droit à le crédit de pension car vous avez l'âge de la pension.",
        'We did not check your income and savings.',
      ],
    ],
    [
      'unknown: the pack’s frame, and the notes',
      'pension_credit',
      { dob: '1950-01-01' },
      'en',
      ['We need a few more answers about Pension Credit.', 'We did not check your income and savings.'],
    ],
    [
      'a negated node speaks for its own truth',
      'negated',
      { gets_pension_credit: 'yes' },
      'en',
      ['You cannot get Negated because you get Pension Credit.'],
    ],
    ['no text on the deciding path: no sentence', 'negated', { gets_pension_credit: 'no' }, 'en', []],
  ];
  for (const [name, id, answers, locale, expected] of cases) {
    it(name, () => expect(explain(model, id, answers, locale)).to.deep.equal(expected));
  }

  it('without sentence frames in the pack, gives the bare clauses', () => {
    const bare = makeModel({ ...parts, reasonTemplates: undefined });
    expect(explain(bare, 'carers_allowance', { care_hours: 10, cared_for_gets_benefit: 'no' })).to.deep.equal(
      [
        'you care for someone less than 35 hours a week',
        'the person you care for does not get a qualifying benefit',
      ],
    );
  });
});
