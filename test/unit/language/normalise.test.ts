import { expect } from 'chai';
import { analyse, normalise, stripAccents, MAX_INPUT_CHARS } from '../../../bot/language/index.js';

describe('language/normalise', () => {
  const cases: [string, string, string][] = [
    ['en', "What's Pension Credit?", 'what is pension credit'],
    ['en', "I can't afford it", 'i can not afford it'],
    ['en', "I'm 70", 'i am 0'],
    ['en', 'I recieve a benifit', 'i receive a benefit'],
    ['en', '<b>Hello</b>, world!!', 'hello world'],
    ['en', 'I earn £1,200.50 a month', 'i earn 0 a month'],
    ['fr', "J'ai l'allocation", 'je ai le allocation'],
    ['fr', "Qu'est-ce que c'est", 'que est ce que ce est'],
    ['nl', "Wat is 't bedrag", 'wat is het bedrag'],
    ['en', '   ', ''],
  ];
  for (const [locale, input, expected] of cases) {
    it(`${locale}: ${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      expect(normalise(input, locale)).to.equal(expected);
    });
  }

  it('cuts very long input to a bounded length', () => {
    expect(normalise('a '.repeat(5000), 'en').length).to.be.at.most(MAX_INPUT_CHARS);
  });

  it('strips accents', () => {
    expect(stripAccents('prêt financiële éé')).to.equal('pret financiele ee');
  });

  it('keeps stop words that carry meaning and stems per locale', () => {
    expect(analyse('see you', 'en').stems).to.deep.equal(['see', 'you']);
    expect(analyse('not eligible', 'en').stems).to.deep.equal(['not', 'elig']);
    expect(analyse('pensions', 'fr').stems).to.deep.equal(['pension']);
    expect(analyse('uitkeringen', 'nl').stems).to.deep.equal(['uitker']);
  });
});
