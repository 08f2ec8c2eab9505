import { expect } from 'chai';
import {
  recogniseAnswer,
  warmUp,
  dutchNumberWord,
  type AnswerValue,
  type QuestionDefinition,
} from '../../../bot/language/index.js';

const AS_OF = new Date('2026-03-15T12:00:00Z');

const TENURE: QuestionDefinition = {
  id: 'tenure',
  type: 'choice',
  choices: [
    {
      id: 'rent',
      labels: { en: 'I rent', fr: 'Je suis locataire', nl: 'Ik huur' },
      synonyms: { en: ['renting', 'tenant'] },
    },
    {
      id: 'own',
      labels: { en: 'I own my home', fr: 'Je suis propriétaire', nl: 'Eigen woning' },
      synonyms: { en: ['homeowner', 'mortgage'] },
    },
    { id: 'housing_benefit', labels: { en: 'Housing Benefit', fr: 'Aide au logement', nl: 'Huurtoeslag' } },
  ],
};
const NATION: QuestionDefinition = {
  id: 'nation',
  type: 'country',
  choices: [
    { id: 'england', labels: { en: 'England', fr: 'Angleterre', nl: 'Engeland' } },
    { id: 'wales', labels: { en: 'Wales', fr: 'Pays de Galles', nl: 'Wales' } },
  ],
};
const q = (type: QuestionDefinition['type']): QuestionDefinition => ({ id: type, type });

// [locale, question, text, expected value (undefined: not answered)]
const CASES: [string, QuestionDefinition, string, AnswerValue | undefined][] = [
  ['en', q('number'), 'three', 3],
  ['en', q('number'), 'about 12', 12],
  ['fr', q('number'), 'soixante-dix', 70],
  ['nl', q('number'), 'zevenenzestig', 67],
  ['nl', q('number'), '1.250,50', 1250.5],
  ['en', q('age'), "I'm 70", 70],
  ['en', q('age'), '70 years old', 70],
  ['en', q('age'), 'seventy', 70],
  ['fr', q('age'), "j'ai 70 ans", 70],
  ['nl', q('age'), 'ik ben 67 jaar', 67],
  ['nl', q('age'), 'achtenzestig', 68],
  ['en', q('money'), '£200 a week', { amount: 200, currency: 'Pound', period: 'week' }],
  ['en', q('money'), '1200 a year', { amount: 1200, period: 'year' }],
  ['en', q('money'), '£950 per month', { amount: 950, currency: 'Pound', period: 'month' }],
  ['fr', q('money'), '200 euros par mois', { amount: 200, currency: 'Euro', period: 'month' }],
  ['nl', q('money'), '300 euro per maand', { amount: 300, period: 'month' }],
  ['nl', q('money'), '€ 45 per week', { amount: 45, period: 'week' }],
  ['en', q('date'), 'I was born on 3 March 1955', '1955-03-03'],
  ['en', q('date'), 'yesterday', '2026-03-14'],
  ['fr', q('date'), 'né le 3 mars 1955', '1955-03-03'],
  ['nl', q('date'), 'geboren op 3 maart 1955', '1955-03-03'],
  ['nl', q('date'), '03-03-1955', '1955-03-03'],
  ['nl', q('date'), 'gisteren', '2026-03-14'],
  ['nl', q('date'), '2 weken geleden', '2026-03-01'],
  ['en', q('yesno'), 'yes please', true],
  ['en', q('yesno'), 'nope', false],
  ['fr', q('yesno'), 'oui', true],
  ['fr', q('yesno'), 'non merci', false],
  ['nl', q('yesno'), 'ja hoor', true],
  ['nl', q('yesno'), 'nee', false],
  ['en', TENURE, 'renting', 'rent'],
  ['en', TENURE, 'housing', 'housing_benefit'],
  ['en', TENURE, '2', 'own'],
  ['en', TENURE, 'the second', 'own'],
  ['fr', TENURE, 'propriétaire', 'own'],
  ['nl', TENURE, 'derde', 'housing_benefit'],
  ['nl', TENURE, 'ik huur', 'rent'],
  ['en', { ...TENURE, type: 'multichoice' }, 'renting and Housing Benefit', ['rent', 'housing_benefit']],
  ['en', { ...TENURE, type: 'multichoice' }, '1 and 3', ['rent', 'housing_benefit']],
  ['en', NATION, 'I live in Wales', 'wales'],
  ['fr', NATION, 'au Pays de Galles', 'wales'],
  ['nl', NATION, 'Engeland', 'england'],
  ['en', q('country'), 'France', 'FR'],
  ['fr', q('country'), 'Allemagne', 'DE'],
  ['nl', q('country'), 'Duitsland', 'DE'],
  // Not answers: the dialog asks again.
  ['en', q('number'), 'no idea', undefined],
  ['en', q('yesno'), 'maybe', undefined],
  ['en', TENURE, 'something else', undefined],
  ['en', q('date'), 'soon', undefined],
];

describe('language/answers (per type, per locale)', function () {
  this.timeout(120_000);
  before(async () => {
    await warmUp(['en', 'fr', 'nl']);
  });

  for (const [locale, question, text, expected] of CASES) {
    it(`${locale} ${question.type}: ${JSON.stringify(text)} → ${JSON.stringify(expected)}`, () => {
      const r = recogniseAnswer(text, locale, question, { asOf: AS_OF });
      expect(r?.value).to.deep.equal(expected);
      if (r) expect(text.slice(r.span.start, r.span.end)).to.equal(r.span.text);
    });
  }

  it('bad input gives no answer and no crash', () => {
    for (const text of ['', '😀', 'مرحبا', '<b>x</b>', "'; DROP TABLE x; --", '9'.repeat(5000)]) {
      for (const type of ['yesno', 'date', 'age', 'country'] as const) {
        expect(() => recogniseAnswer(text, 'en', q(type), { asOf: AS_OF })).not.to.throw();
      }
    }
  });

  const words: [string, number | undefined][] = [
    ['een', 1],
    ['twaalf', 12],
    ['eenentwintig', 21],
    ['honderdtwintig', 120],
    ['tweeduizend', 2000],
    ['fiets', undefined],
  ];
  for (const [word, n] of words) {
    it(`Dutch number word ${word} → ${n}`, () => expect(dutchNumberWord(word)).to.equal(n));
  }
});
