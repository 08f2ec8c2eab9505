import { expect } from 'chai';
import {
  trainClassifier,
  trainClassifierAsync,
  MAX_INPUT_CHARS,
  type Classifier,
} from '../../../bot/language/index.js';
import { EXAMPLES } from './fixtures.js';

const SETTINGS = { acceptThreshold: 0.6, confirmThreshold: 0.3 };

describe('language/classifier', () => {
  let classifier: Classifier;
  before(() => {
    classifier = trainClassifier(EXAMPLES, SETTINGS, {
      exact: [
        { text: 'PC', intent: 'pension_credit', locale: 'en' },
        { text: 'restart', intent: 'start_over' },
      ],
    });
  });
  afterEach(() => {
    classifier.settings = SETTINGS;
  });

  describe('deterministic matches come first', () => {
    const cases: [string, string, string][] = [
      ['a button payload (the intent id)', 'housing_benefit', 'housing_benefit'],
      ['a synonym, any case', 'pc', 'pension_credit'],
      ['a command in every locale', 'Restart!', 'start_over'],
      ['a training utterance, punctuation aside', 'Can I get housing benefit?', 'housing_benefit'],
    ];
    for (const [what, text, intent] of cases) {
      it(`${what}: ${JSON.stringify(text)} → ${intent}`, () => {
        const r = classifier.classify(text, 'en');
        expect(r).to.include({ intent, band: 'accept', source: 'exact', score: 1 });
      });
    }
    it('an out-of-scope training utterance is rejected exactly', () => {
      expect(classifier.classify('tell me a joke', 'en')).to.include({ intent: 'none', band: 'reject' });
    });
  });

  describe('model and bands', () => {
    it('accepts a clear paraphrase', () => {
      const r = classifier.classify('how can I get help with my rent', 'en');
      expect(r.intent).to.equal('housing_benefit');
      expect(r.band).to.equal('accept');
      expect(r.source).to.equal('model');
    });

    it('ranks intents best first, without none, with scores that are probabilities', () => {
      const r = classifier.classify('pension too low', 'en');
      expect(r.ranking[0]?.intent).to.equal('pension_credit');
      expect(r.ranking.map((x) => x.intent)).not.to.include('none');
      const scores = r.ranking.map((x) => x.score);
      expect([...scores].sort((a, b) => b - a)).to.deep.equal(scores);
      expect(scores.reduce((a, b) => a + b, 0)).to.be.at.most(1.000001);
    });

    it('confirms between the two thresholds', () => {
      const score = classifier.classify('pension too low', 'en').score;
      classifier.settings = { acceptThreshold: score + 0.01, confirmThreshold: score - 0.01 };
      expect(classifier.classify('pension too low', 'en')).to.include({
        intent: 'pension_credit',
        band: 'confirm',
      });
    });

    it('rejects below the confirm threshold, keeping its best guess', () => {
      const score = classifier.classify('pension too low', 'en').score;
      classifier.settings = { acceptThreshold: 1.01, confirmThreshold: score + 0.001 };
      expect(classifier.classify('pension too low', 'en')).to.include({
        intent: 'pension_credit',
        band: 'reject',
        source: 'model',
      });
    });

    it('rejects what the out-of-scope class wins', () => {
      const r = classifier.classify('what will the weather be like tomorrow', 'en');
      expect(r).to.include({ intent: 'none', band: 'reject', source: 'none' });
    });

    it('rejects below the out-of-scope gate even when the top intent beats none, saying it was the gate', () => {
      const text = 'pension too low';
      const before = classifier.classify(text, 'en');
      expect(before.band).not.to.equal('reject');
      const pNone = classifier.probabilities(text, 'en')?.[classifier.labels.indexOf('none')] ?? 0;
      const share = before.score / (before.score + pNone);
      classifier.settings = { ...SETTINGS, minInScopeShare: share + 0.001 };
      expect(classifier.classify(text, 'en')).to.include({ intent: 'none', band: 'reject', source: 'gate' });
      classifier.settings = { ...SETTINGS, minInScopeShare: share - 0.001 };
      expect(classifier.classify(text, 'en').band).to.equal(before.band);
    });

    it('offers two close intents when unsure', () => {
      classifier.settings = { acceptThreshold: 0.99, confirmThreshold: 0.1 };
      const r = classifier.classify('pension credit or housing benefit', 'en');
      expect(r.alternatives?.map((a) => a.intent).sort()).to.deep.equal([
        'housing_benefit',
        'pension_credit',
      ]);
    });

    it('gives no alternatives when it accepts', () => {
      const r = classifier.classify('how can I get help with my rent', 'en');
      expect(r.alternatives).to.equal(undefined);
    });

    it('reads French with the French stemmer', () => {
      expect(classifier.classify('les loyers sont trop chers, une aide ?', 'fr').intent).to.equal(
        'housing_benefit',
      );
    });
  });

  describe('bad input never crashes and is not understood', () => {
    const cases: [string, string][] = [
      ['empty', ''],
      ['spaces', '   \n\t'],
      ['emoji only', '😀🎉👍'],
      ['Arabic', 'مرحبا كيف حالك'],
      ['Chinese', '你好，我想申请养老金'],
      ['HTML', '<script>alert(1)</script><img src=x onerror=alert(1)>'],
      ['SQL-like', "'; DROP TABLE users; --"],
      ['5,000 characters', 'z'.repeat(5000)],
      ['keyboard mashing', 'asdfgh jkl qwxz'],
    ];
    for (const [what, text] of cases) {
      it(what, () => {
        const r = classifier.classify(text, 'en');
        expect(r.band).to.equal('reject');
        expect(r.intent).to.equal('none');
      });
    }
    it('reads at most MAX_INPUT_CHARS, so time is bounded by the length', () => {
      const head = 'help paying my rent '.repeat(Math.ceil(MAX_INPUT_CHARS / 20));
      const long = head.slice(0, MAX_INPUT_CHARS) + ' weather joke football'.repeat(200);
      expect(classifier.classify(long, 'en')).to.deep.equal(
        classifier.classify(head.slice(0, MAX_INPUT_CHARS), 'en'),
      );
    });
    it('a misspelt word on its own is still read, by the letter sequences it shares', () => {
      const r = classifier.classify('pensionn', 'en');
      expect(r.source).to.equal('model');
      expect(r.ranking[0]?.intent).to.equal('pension_credit');
    });
    it('an unknown locale falls back to unstemmed words', () => {
      expect(classifier.classify('housing benefit', 'de').intent).to.equal('housing_benefit');
    });
  });

  describe('training', () => {
    it('is deterministic: the same data gives the same model', () => {
      const again = trainClassifier(EXAMPLES, SETTINGS);
      expect(again.toJSON().weights).to.equal(trainClassifier(EXAMPLES, SETTINGS).toJSON().weights);
    });

    it('trains the same model in slices that yield to the event loop', async () => {
      let ticks = 0;
      const timer = setInterval(() => ticks++, 0);
      const sliced = await trainClassifierAsync(EXAMPLES, SETTINGS);
      clearInterval(timer);
      expect(ticks).to.be.greaterThan(0);
      expect(sliced.toJSON().weights).to.equal(trainClassifier(EXAMPLES, SETTINGS).toJSON().weights);
    });

    it('fits a temperature from held-out data', () => {
      const validation = [
        { text: 'rent help please', intent: 'housing_benefit', locale: 'en' },
        { text: 'I care for my dad', intent: 'carers_allowance', locale: 'en' },
        { text: 'pension top up', intent: 'pension_credit', locale: 'en' },
      ];
      const t = trainClassifier(EXAMPLES, SETTINGS, { validation }).toJSON().temperature;
      expect(t).to.be.greaterThan(0);
      expect(t).not.to.equal(trainClassifier(EXAMPLES, SETTINGS).toJSON().temperature);
    });
  });
});
