import { expect } from 'chai';
import { extractFacts, recogniseDate, warmUp, type QuestionDefinition } from '../../../bot/language/index.js';

// Dates in figures are read day first in every locale unless the pack says its citizens write
// month first (RecogniseOptions.monthFirst); dates in words read as the suite or the Dutch
// fallback read them.
const AS_OF = new Date('2026-03-15T12:00:00Z');

// [locale, text, expected date (undefined: not an answer, the dialog asks again)]
const DAY_FIRST: [string, string, string | undefined][] = [
  // The user review: the bot's own example, and a UK citizen's 10 May.
  ['en', '27 3 1961', '1961-03-27'],
  ['en', '10/05/1960', '1960-05-10'],
  ['en', '27/3/1961', '1961-03-27'],
  ['en', '27-03-1961', '1961-03-27'],
  ['en', '27.03.1961', '1961-03-27'],
  ['en', '27 / 3 / 1961', '1961-03-27'],
  ['en', 'born on 10/05/1960.', '1960-05-10'],
  ['fr', '27 3 1961', '1961-03-27'],
  ['fr', '10/05/1960', '1960-05-10'],
  ['fr', 'né le 27.03.1961', '1961-03-27'],
  ['nl', '27 3 1961', '1961-03-27'],
  ['nl', '10/05/1960', '1960-05-10'],
  ['nl', '27-03-1961', '1961-03-27'],
  // Year first is always ISO order.
  ['en', '1961-03-27', '1961-03-27'],
  ['fr', '1961-03-27', '1961-03-27'],
  ['nl', '1961-03-27', '1961-03-27'],
  ['en', '1961/3/27', '1961-03-27'],
  // Only one order makes a date: that is the reading.
  ['en', '3/27/1961', '1961-03-27'],
  // Impossible dates are no answers, in any order.
  ['en', '31 2 1961', undefined],
  ['en', '13/13/1961', undefined],
  ['fr', '31/02/1961', undefined],
  ['nl', '30-02-1961', undefined],
  ['en', '1961-02-30', undefined],
  ['en', '29/02/1961', undefined],
  ['en', '29/02/1960', '1960-02-29'],
  // Two-digit years: the one century that is past and within 120 years ...
  ['en', '27.03.61', '1961-03-27'],
  ['en', '27/3/61', '1961-03-27'],
  ['fr', '27/03/61', '1961-03-27'],
  ['nl', '27-03-61', '1961-03-27'],
  ['en', '1/4/30', '1930-04-01'],
  // ... and none when two centuries fit (1920 or 2020; 1926 or 2026): no silent guess.
  ['en', '1/1/20', undefined],
  ['fr', '01.01.26', undefined],
  ['nl', '10-05-10', undefined],
  // Without a year (slash only): the latest such day not after today.
  ['en', '10/05', '2025-05-10'],
  ['en', '1/3', '2026-03-01'],
  // Dates in words keep working.
  ['en', '27 March 1961', '1961-03-27'],
  ['en', 'March 27 1961', '1961-03-27'],
  ['en', 'I was born on 3 March 1955', '1955-03-03'],
  ['fr', 'le 27 mars 1961', '1961-03-27'],
  ['nl', '27 maart 1961', '1961-03-27'],
  // Not dates.
  ['en', 'about 1.250.000', undefined],
  ['en', '50/50', undefined],
];

// Same texts, for a pack whose citizens write month first (settings.formats en-US).
const MONTH_FIRST: [string, string, string | undefined][] = [
  ['en', '10/05/1960', '1960-10-05'],
  ['en', '3 27 1961', '1961-03-27'],
  ['en', '3/27/1961', '1961-03-27'],
  ['en', '27/3/1961', '1961-03-27'],
  ['en', '2 31 1961', undefined],
  ['en', '13/13/1961', undefined],
  ['en', '1961-03-27', '1961-03-27'],
  ['en', '03.27.61', '1961-03-27'],
  ['en', 'March 27 1961', '1961-03-27'],
  ['en', '10/05', '2025-10-05'],
];

describe('language/answers: dates in figures', function () {
  this.timeout(120_000);
  before(async () => {
    await warmUp(['en', 'fr', 'nl']);
  });

  for (const [locale, text, expected] of DAY_FIRST) {
    it(`${locale} day first: ${JSON.stringify(text)} → ${expected}`, () => {
      const r = recogniseDate(text, locale, { asOf: AS_OF });
      expect(r?.value).to.equal(expected);
      if (r) expect(text.slice(r.span.start, r.span.end)).to.equal(r.span.text);
    });
  }

  for (const [locale, text, expected] of MONTH_FIRST) {
    it(`${locale} month first: ${JSON.stringify(text)} → ${expected}`, () => {
      expect(recogniseDate(text, locale, { asOf: AS_OF, monthFirst: true })?.value).to.equal(expected);
    });
  }

  const QUESTIONS: QuestionDefinition[] = [
    { id: 'dob', type: 'date' },
    { id: 'age', type: 'age' },
    {
      id: 'where_do_you_live',
      type: 'country',
      choices: [
        { id: 'england', labels: { en: 'England', fr: 'Angleterre', nl: 'Engeland' } },
        { id: 'wales', labels: { en: 'Wales', fr: 'Pays de Galles', nl: 'Wales' } },
      ],
    },
  ];
  // [locale, sentence, monthFirst, facts]
  const facts: [string, string, boolean, Record<string, unknown>][] = [
    [
      'en',
      'I was born on 10/05/1960 and live in Wales',
      false,
      { dob: '1960-05-10', where_do_you_live: 'wales' },
    ],
    [
      'en',
      'I was born on 10/05/1960 and live in Wales',
      true,
      { dob: '1960-10-05', where_do_you_live: 'wales' },
    ],
    ['en', "I'm 64, born 27 3 1961", false, { dob: '1961-03-27', age: 64 }],
    ['en', 'born 31/2/1961 in England', false, { where_do_you_live: 'england' }],
    [
      'fr',
      "je suis né le 10/05/1960 et j'habite au Pays de Galles",
      false,
      { dob: '1960-05-10', where_do_you_live: 'wales' },
    ],
    [
      'nl',
      'geboren op 10-05-1960, ik woon in Engeland',
      false,
      { dob: '1960-05-10', where_do_you_live: 'england' },
    ],
  ];
  for (const [locale, text, monthFirst, expected] of facts) {
    it(`${locale} facts${monthFirst ? ' (month first)' : ''}: ${JSON.stringify(text)}`, () => {
      const found = extractFacts(text, locale, QUESTIONS, { asOf: AS_OF, monthFirst });
      expect(Object.fromEntries(found.map((f) => [f.questionId, f.value]))).to.deep.equal(expected);
    });
  }
});
