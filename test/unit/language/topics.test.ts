import { expect } from 'chai';
import { exactPhrases, packTraining, trainingExamples, type TopicFile } from '../../../bot/language/index.js';

const FILES: TopicFile[] = [
  {
    locale: 'en',
    topics: [{ id: 'pension_credit', utterances: ['can I get pension credit'], synonyms: ['PC'] }],
    intents: [{ id: 'greeting', utterances: ['hello'] }],
    outOfScope: ['tell me a joke'],
  },
  { locale: 'fr', topics: [{ id: 'pension_credit', utterances: ['complément de retraite'] }] },
];

describe('language/topics (pack topic files → training data)', () => {
  it('labels utterances with their topic or intent, and out-of-scope examples none', () => {
    expect(trainingExamples(FILES)).to.deep.equal([
      { text: 'can I get pension credit', intent: 'pension_credit', locale: 'en' },
      { text: 'hello', intent: 'greeting', locale: 'en' },
      { text: 'tell me a joke', intent: 'none', locale: 'en' },
      { text: 'complément de retraite', intent: 'pension_credit', locale: 'fr' },
    ]);
  });

  it('makes synonyms exact phrases of their locale', () => {
    expect(exactPhrases(FILES)).to.deep.equal([{ text: 'PC', intent: 'pension_credit', locale: 'en' }]);
  });

  it('reads a pack view: examples, synonyms, thresholds and hash', () => {
    const t = packTraining({
      hash: 'h1',
      topics: { en: FILES[0] as TopicFile },
      settings: { nlu: { acceptThreshold: 0.7, confirmThreshold: 0.4 } },
    });
    expect(t.hash).to.equal('h1');
    expect(t.settings).to.deep.equal({ acceptThreshold: 0.7, confirmThreshold: 0.4 });
    expect(t.examples.map((e) => e.text)).to.include('PC');
  });
});
