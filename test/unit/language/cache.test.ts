import { expect } from 'chai';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheFile, hashTrainingData, loadOrTrain } from '../../../bot/language/index.js';
import { EXAMPLES } from './fixtures.js';

const SETTINGS = { acceptThreshold: 0.6, confirmThreshold: 0.3 };

describe('language/cache (loadOrTrain by content hash)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'guichet-nlu-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('trains the first time, loads the same model the second time', async () => {
    const first = await loadOrTrain(EXAMPLES, SETTINGS, 'abc123', dir);
    const second = await loadOrTrain(EXAMPLES, SETTINGS, 'abc123', dir);
    expect([first.from, second.from]).to.deep.equal(['trained', 'cache']);
    for (const text of ['help paying my rent please', 'money for carers', 'top up my pension']) {
      expect(second.classifier.classify(text, 'en')).to.deep.equal(first.classifier.classify(text, 'en'));
    }
  });

  it('retrains when the hash changes', async () => {
    await loadOrTrain(EXAMPLES, SETTINGS, 'one', dir);
    expect((await loadOrTrain(EXAMPLES, SETTINGS, 'two', dir)).from).to.equal('trained');
    expect(await readdir(dir)).to.have.length(2);
  });

  it('takes thresholds from the settings it is given, not from the cached file', async () => {
    await loadOrTrain(EXAMPLES, SETTINGS, 'h', dir);
    const again = await loadOrTrain(EXAMPLES, { acceptThreshold: 0.9, confirmThreshold: 0.8 }, 'h', dir);
    expect(again.from).to.equal('cache');
    expect(again.classifier.settings).to.deep.equal({ acceptThreshold: 0.9, confirmThreshold: 0.8 });
  });

  it('retrains over a damaged cache file', async () => {
    await writeFile(cacheFile(dir, 'h'), '{ not json');
    expect((await loadOrTrain(EXAMPLES, SETTINGS, 'h', dir)).from).to.equal('trained');
  });

  it('still trains when the cache folder cannot be written', async () => {
    const blocked = join(dir, 'file');
    await writeFile(blocked, 'a file, not a folder');
    const r = await loadOrTrain(EXAMPLES, SETTINGS, 'h', join(blocked, 'sub'));
    expect(r.from).to.equal('trained');
    expect(r.classifier.classify('can I get housing benefit', 'en').intent).to.equal('housing_benefit');
  });

  it('hashes training data stably and sensitively', () => {
    expect(hashTrainingData(EXAMPLES)).to.equal(hashTrainingData([...EXAMPLES]));
    expect(hashTrainingData(EXAMPLES)).not.to.equal(hashTrainingData(EXAMPLES.slice(1)));
  });
});
