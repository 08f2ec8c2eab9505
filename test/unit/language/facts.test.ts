import { expect } from 'chai';
import { extractFacts, warmUp, type QuestionDefinition } from '../../../bot/language/index.js';

const QUESTIONS: QuestionDefinition[] = [
  { id: 'age', type: 'age' },
  {
    id: 'where_do_you_live',
    type: 'country',
    choices: [
      { id: 'england', labels: { en: 'England', fr: 'Angleterre', nl: 'Engeland' } },
      { id: 'wales', labels: { en: 'Wales', fr: 'Pays de Galles', nl: 'Wales' } },
    ],
  },
  { id: 'income', type: 'money' },
  {
    id: 'tenure',
    type: 'choice',
    choices: [{ id: 'rent', labels: { en: 'I rent' }, synonyms: { en: ['renting', 'tenant'] } }],
  },
];

const facts = (text: string, locale: string, questions = QUESTIONS): Record<string, unknown> =>
  Object.fromEntries(extractFacts(text, locale, questions).map((f) => [f.questionId, f.value]));

describe('language/facts (answers stated in a whole sentence)', function () {
  this.timeout(120_000);
  before(async () => {
    await warmUp(['en', 'fr', 'nl']);
  });

  const cases: [string, string, Record<string, unknown>][] = [
    ['en', "I'm 70 and live in Wales", { age: 70, where_do_you_live: 'wales' }],
    [
      'en',
      "I'm 70, renting, and I get £200 a week",
      { age: 70, tenure: 'rent', income: { amount: 200, currency: 'Pound', period: 'week' } },
    ],
    ['fr', "j'ai 70 ans et j'habite au Pays de Galles", { age: 70, where_do_you_live: 'wales' }],
    ['nl', 'ik ben 67 jaar en woon in Engeland', { age: 67, where_do_you_live: 'england' }],
    ['en', 'can I get pension credit', {}],
    // A bare number in a sentence could be anything: not taken as an age or an amount.
    ['en', 'I have 3 children', {}],
  ];
  for (const [locale, text, expected] of cases) {
    it(`${locale}: ${JSON.stringify(text)}`, () => {
      expect(facts(text, locale)).to.deep.equal(expected);
    });
  }

  it('gives the span that stated each fact', () => {
    const text = "I'm 70 and live in Wales";
    for (const f of extractFacts(text, 'en', QUESTIONS))
      expect(text.slice(f.span.start, f.span.end)).to.equal(f.span.text);
    expect(
      extractFacts(text, 'en', QUESTIONS).find((f) => f.questionId === 'where_do_you_live')?.span.text,
    ).to.equal('Wales');
  });

  it('drops a fact two questions of the same kind could both claim', () => {
    const two: QuestionDefinition[] = [
      { id: 'earnings', type: 'money' },
      { id: 'savings', type: 'money' },
    ];
    expect(facts('I have £200 a week', 'en', two)).to.deep.equal({});
  });
});
