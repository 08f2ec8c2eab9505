import { expect } from 'chai';
import { recogniseInRanges } from '../../../bot/language/index.js';

const AGES = [
  '1 or younger',
  '2',
  '3 or 4',
  '5 to 7',
  '8 to 11',
  '16 or 17',
  '18 or older',
  'I am expecting a baby',
].map((label, i) => ({ id: `band${i}`, labels: { en: label } }));

describe('numbers that fall in numeric options', () => {
  const cases: Array<[string, boolean, string[] | undefined]> = [
    ["she's 3", false, ['band2']],
    ['3', false, ['band2']],
    ['he is 2', false, ['band1']],
    ['my baby is 1', false, ['band0']],
    ['6 months', false, undefined],
    ['they are 3 and 7', true, ['band2', 'band3']],
    ['they are 3 and 7', false, undefined],
    ['21', false, ['band6']],
    ['12', false, undefined],
    ['no children', false, undefined],
  ];
  for (const [text, multiple, expected] of cases) {
    it(`${JSON.stringify(text)}${multiple ? ' (several)' : ''} → ${JSON.stringify(expected)}`, () => {
      expect(recogniseInRanges(text, 'en', AGES, multiple)).to.deep.equal(expected);
    });
  }

  it('leaves options that are not numbers to the other recognisers', () => {
    const nations = ['England', 'Wales'].map((label) => ({ id: label.toLowerCase(), labels: { en: label } }));
    expect(recogniseInRanges('2', 'en', nations, false)).to.equal(undefined);
  });
});

describe('options that only look numeric are not ranges (numbers pick by position there)', () => {
  const options = (labels: string[]) => labels.map((label, i) => ({ id: `o${i}`, labels: { en: label } }));
  const cases: Array<[string, string[], string]> = [
    ['money bands', ['£16,000 or more', 'Less than £16,000', 'None'], '2'],
    [
      'sentences that hold a number',
      [
        'No',
        'Yes, I am under 19',
        'Yes, I am 19 or over and in my first year',
        'Yes, I am 19 or over and past my first year',
      ],
      '34',
    ],
  ];
  for (const [what, labels, text] of cases) {
    it(`${what}: ${JSON.stringify(text)} is not read as a range`, () =>
      expect(recogniseInRanges(text, 'en', options(labels), false)).to.equal(undefined));
  }
});
