/** Readability: syllables, reading ages, official names, and the report over a pack. */
import { expect } from 'chai';
import {
  citizenTexts,
  countSyllables,
  formatReadability,
  officialNames,
  readabilityReport,
  scoreText,
  type ReadablePack,
} from '../../../bot/knowledge/readability.js';
import type { ServiceFile } from '../../../bot/knowledge/types.js';

describe('readability: syllables', () => {
  // [word, syllables] — the heuristic is right for these everyday and long words.
  const cases: Array<[string, number]> = [
    ['cat', 1],
    ['help', 1],
    ['make', 1],
    ['because', 2],
    ['people', 2],
    ['table', 2],
    ['tables', 2],
    ['lived', 1],
    ['needed', 2],
    ['boxes', 2],
    ['apply', 2],
    ['payment', 2],
    ['benefits', 3],
    ['allowance', 3],
    ['disabled', 3],
    ['condition', 3],
    ['eligible', 4],
    ['information', 4],
    ['yes', 1],
    ['UK', 1],
    ['GOV.UK', 1],
    ['£150.50', 1],
    ['16', 1],
  ];
  for (const [word, syllables] of cases)
    it(`${word}: ${syllables}`, () => expect(countSyllables(word)).to.equal(syllables));
});

describe('readability: reading age (Flesch-Kincaid grade + 5)', () => {
  // [text, lowest and highest expected reading age]
  const cases: Array<[string, number, number]> = [
    ['You can get help with your rent.', 5, 6],
    ['Tell us how much you earn each week. We use it to work out what you can get.', 5, 8],
    ['People with a disability or health condition.', 14, 17],
    [
      'Entitlement to the allowance is determined following an assessment of the claimant’s circumstances and the applicable statutory conditions.',
      20,
      30,
    ],
  ];
  for (const [text, low, high] of cases) {
    it(`${low} to ${high}: ${text.slice(0, 50)}`, () =>
      expect(scoreText(text).readingAge).to.be.within(low, high));
  }

  it('counts words, sentences and syllables', () => {
    expect(scoreText('You can get help. It is free.')).to.include({ words: 7, sentences: 2, syllables: 7 });
  });

  it('does not end a sentence inside GOV.UK or an amount, and counts a link as one word', () => {
    expect(scoreText('Apply on GOV.UK for £12.50 at https://www.gov.uk/apply now.')).to.include({
      words: 8,
      sentences: 1,
    });
  });

  it('counts a hyphenated word as its parts', () => {
    expect(scoreText('A long-term health condition.')).to.include({ words: 5 });
  });
});

describe('readability: official names count as one short word', () => {
  const service = (id: string, title: string, name?: string): ServiceFile =>
    ({ id, title: { en: title }, ...(name ? { name: { en: name } } : {}) }) as ServiceFile;
  const services = {
    esa: service('esa', 'New Style Employment and Support Allowance (ESA)'),
    iidb: service(
      'iidb',
      'Industrial Injuries Disablement Benefit while living abroad: you probably cannot keep it',
    ),
    pass: service('pass', 'Apply for an older person’s bus pass', 'an older person’s bus pass'),
  };
  const names = officialNames(services);

  it('takes the titles, the names and the capitalised phrases in them', () => {
    expect(names).to.include.members([
      'New Style Employment and Support Allowance (ESA)',
      'Employment and Support Allowance',
      'Industrial Injuries Disablement Benefit',
      'an older person’s bus pass',
    ]);
  });

  // [text, words with the names counted as one]
  const cases: Array<[string, number]> = [
    ['You may get Employment and Support Allowance.', 4],
    ['You may keep Industrial Injuries Disablement Benefit abroad.', 5],
    ['You could get an older person’s bus pass.', 4],
    ['You could get {service} now.', 5],
  ];
  for (const [text, words] of cases) {
    it(`${text}: ${words} words`, () => expect(scoreText(text, names).words).to.equal(words));
  }

  it('makes a text with a long official name read younger than without', () => {
    const text = 'You may get Industrial Injuries Disablement Benefit.';
    expect(scoreText(text, names).readingAge).to.be.below(9);
    expect(scoreText(text).readingAge).to.be.above(12);
  });
});

describe('readability: the report over a pack', () => {
  const pack: ReadablePack = {
    services: {
      fuel: {
        id: 'fuel',
        title: { en: 'Winter Fuel Payment' },
        summary: { en: 'Money to help you pay for heating in winter.' },
        whoCanGet: { en: 'Individuals satisfying the qualifying residency and contribution requirements.' },
        howToApply: {
          url: 'https://example.org',
          steps: [{ en: 'Call the Winter Fuel Payment Centre today.' }],
        },
        outcomes: {
          eligible: { en: 'You could get it.' },
          notEligible: { en: 'No.' },
          maybe: { en: 'Maybe.' },
        },
      } as ServiceFile,
    },
    questions: {
      age: {
        id: 'age',
        type: 'age',
        prompt: { en: 'How old are you?' },
        why: { en: 'Some help depends on your age.' },
      },
    },
    screenings: {},
    messages: {
      en: {
        welcome: 'Hello. I can help you find money and support.',
        'widget.title': 'Help with money and things',
      },
    },
  };

  it('lists every citizen text except titles and widget labels, each with where it is', () => {
    expect(citizenTexts(pack, { age: 'questions/people.json' }).map((t) => t.where)).to.deep.equal([
      'services/fuel.json summary',
      'services/fuel.json whoCanGet',
      'services/fuel.json outcomes.eligible',
      'services/fuel.json outcomes.notEligible',
      'services/fuel.json outcomes.maybe',
      'services/fuel.json howToApply.steps[0]',
      'questions/people.json age.prompt',
      'questions/people.json age.why',
      'messages/en.json welcome',
    ]);
  });

  it('scores texts of 4 words or more (a name counting as one), hardest first', () => {
    const report = readabilityReport(pack, { age: 'questions/people.json' });
    expect(report.count).to.equal(7);
    expect(report.plain).to.equal(6);
    expect(report.hardest[0]?.where).to.equal('services/fuel.json whoCanGet');
    expect(report.hardest.map((s) => s.readingAge)).to.deep.equal(
      [...report.hardest.map((s) => s.readingAge)].sort((a, b) => b - a),
    );
  });

  it('prints the counts, the median and the hardest texts', () => {
    const lines = formatReadability(readabilityReport(pack, {}, 2)).split('\n');
    expect(lines[1]).to.match(
      /^ {2}7 texts, 6 \(86%\) at reading age 9 or under, median \d+\.\d; all texts read together: reading age \d+\.\d$/,
    );
    expect(lines[2]).to.equal('  the 2 hardest:');
    expect(lines[3]).to.match(/^ +\d+\.\d {2}services\/fuel\.json whoCanGet$/);
    expect(lines[4]).to.equal(
      '         "Individuals satisfying the qualifying residency and contribution requirements."',
    );
  });
});
