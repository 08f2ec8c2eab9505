import { expect } from 'chai';
import { Vectoriser } from '../../../bot/language/features.js';
import { SgdTrainer, addNaiveBayes, logits } from '../../../bot/language/model.js';

const ONE_DOC = { charMin: 3, charMax: 4, wordWeight: 1, charWeight: 1, minDocs: 1 };

/** The character n-grams of a text as features, from the vocabulary (`c:` entries). */
const grams = (text: string, options = ONE_DOC): string[] =>
  Vectoriser.fit([{ text, locale: 'en' }], options)
    .state.vocabulary.filter((t) => t.startsWith('c:'))
    .map((t) => t.slice(2))
    .sort();

describe('language/features', () => {
  describe('character n-grams stay inside words, each word padded with spaces', () => {
    const cases: [string, string[]][] = [
      ['ab', [' ab', 'ab ', ' ab ']],
      ['a b', [' a ', ' b ']],
      ['rent', [' re', 'ren', 'ent', 'nt ', ' ren', 'rent', 'ent ']],
      ['Prêt!', [' pr', 'pre', 'ret', 'et ', ' pre', 'pret', 'ret ']],
      ['', []],
    ];
    for (const [text, expected] of cases) {
      it(`${JSON.stringify(text)} → ${expected.length} n-grams`, () => {
        expect(grams(text)).to.deep.equal([...expected].sort());
      });
    }
  });

  it('keeps n-grams and word pairs seen in fewer than minDocs texts out, and every word in', () => {
    const v = Vectoriser.fit(
      [
        { text: 'rent help', locale: 'en' },
        { text: 'rent', locale: 'en' },
      ],
      { ...ONE_DOC, minDocs: 2 },
    );
    expect(v.state.vocabulary.filter((t) => !t.startsWith('c:')).sort()).to.deep.equal(['w:help', 'w:rent']);
    expect(v.state.vocabulary).to.include('c:ren').and.not.include('c:hel');
  });

  it('gives a saved and reloaded vectoriser the same vectors', () => {
    const fitted = Vectoriser.fit(
      [
        { text: 'help paying my rent', locale: 'en' },
        { text: 'pension too low', locale: 'en' },
      ],
      ONE_DOC,
    );
    const reloaded = new Vectoriser(JSON.parse(JSON.stringify(fitted.state)) as typeof fitted.state);
    for (const text of ['my rent is too low', 'pensions', 'zzz']) {
      expect(reloaded.transform(text, 'en')).to.deep.equal(fitted.transform(text, 'en'));
    }
  });

  it('counts known words, and the share of n-grams it knows', () => {
    const v = Vectoriser.fit([{ text: 'housing benefit', locale: 'en' }], ONE_DOC);
    expect(v.transform('housing', 'en')).to.include({ knownWords: 1, knownGrams: 1 });
    const misspelt = v.transform('housign', 'en');
    expect(misspelt.knownWords).to.equal(0);
    // ` housign `: 7 three-grams and 6 four-grams, of which " ho", "hou", "ous", "usi",
    // " hou", "hous", "ousi" are also in ` housing `.
    expect(misspelt.knownGrams).to.be.closeTo(7 / 13, 1e-9);
    expect(v.transform('zzzz', 'en')).to.include({ knownWords: 0, knownGrams: 0 });
  });
});

describe('language/model: naive Bayes added to the trained weights', () => {
  it('adds weight × log P(feature | class), so a class wins on the features it owns', () => {
    const v = Vectoriser.fit(
      [
        { text: 'rent', locale: 'en' },
        { text: 'pension', locale: 'en' },
      ],
      ONE_DOC,
    );
    const xs = [v.transform('rent', 'en'), v.transform('pension', 'en')];
    const ys = Int32Array.from([0, 1]);
    const trainer = new SgdTrainer(xs, ys, 2, v.size, {
      epochs: 0,
      fullEvery: 1,
      candidates: 2,
      eta0: 1,
      lambda: 0,
      seed: 1,
      bayesWeight: 0,
      bayesSmoothing: 0,
    });
    const steps = addNaiveBayes(trainer.model, xs, ys, 1, 0.01);
    while (!steps.next().done);
    const [rent0, rent1] = logits(trainer.model, xs[0] as (typeof xs)[0]);
    const [pension0, pension1] = logits(trainer.model, xs[1] as (typeof xs)[1]);
    expect(rent0).to.be.greaterThan(rent1 as number);
    expect(pension1).to.be.greaterThan(pension0 as number);
  });
});
