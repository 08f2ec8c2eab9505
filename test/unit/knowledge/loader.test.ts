/** loadPack: a frozen, indexed pack with a content hash and the engine's view. */
import { expect } from 'chai';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NAMED_CHECKS, assess } from '../../../bot/eligibility/index.js';
import { registeredChecks } from '../../../bot/knowledge/engine-link.js';
import {
  formatCoverage,
  loadPack,
  translationCoverage,
  type KnowledgePack,
} from '../../../bot/knowledge/index.js';
import { copyMinimal, MINIMAL, packWith, removeDir, TODAY } from './fixture-pack.js';

async function load(dir = MINIMAL): Promise<KnowledgePack> {
  const result = await loadPack(dir, { today: TODAY });
  if (!result.pack) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.pack;
}

describe('loadPack', () => {
  it('indexes every kind of file by id (and topics and messages by locale)', async () => {
    const pack = await load();
    expect(Object.keys(pack.services)).to.deep.equal(['fuel_help']);
    expect(Object.keys(pack.questions)).to.deep.equal([
      'where_do_you_live',
      'household_income',
      'over_state_pension_age',
    ]);
    expect(Object.keys(pack.parameters)).to.deep.equal(['income_limit']);
    expect(Object.keys(pack.screenings)).to.deep.equal(['household_check']);
    expect(Object.keys(pack.topics)).to.deep.equal(['en']);
    expect(pack.topics.en?.topics.map((t) => [t.id, t.starts])).to.deep.equal([
      ['household_support', { screening: 'household_check' }],
      ['fuel_help', { service: 'fuel_help' }],
    ]);
    expect(pack.messages.fr?.welcome).to.equal('Bonjour.');
    expect(pack.settings.nlu).to.deep.equal({ acceptThreshold: 0.7, confirmThreshold: 0.4 });
    expect(pack.locales).to.deep.equal(['en', 'fr']);
  });

  it('freezes the pack so that no conversation can change it', async () => {
    const pack = await load();
    expect(Object.isFrozen(pack)).to.equal(true);
    expect(Object.isFrozen(pack.services.fuel_help?.title)).to.equal(true);
    expect(Object.isFrozen(pack.model.questions.get('where_do_you_live'))).to.equal(true);
    expect(() => {
      (pack.messages.fr as Record<string, string>).welcome = 'changed';
    }).to.throw(TypeError);
  });

  it('gives the eligibility engine its model, which it can evaluate', async () => {
    const pack = await load();
    expect(pack.model.questions.get('over_state_pension_age')).to.deep.equal({
      id: 'over_state_pension_age',
      type: 'yes-no',
      askIf: { eq: [{ question: 'where_do_you_live' }, 'england'] },
    });
    expect(pack.model.questions.get('where_do_you_live')?.choices).to.deep.equal(['england', 'wales']);
    expect(pack.model.services.get('fuel_help')?.nations).to.deep.equal(['england', 'wales']);
    expect(pack.model.services.get('fuel_help')?.name).to.deep.equal({
      en: 'Fuel Help',
      fr: 'Aide au chauffage',
    });
    expect(pack.model.nationQuestion).to.equal('where_do_you_live');
    expect(pack.model.reasonTemplates?.and).to.deep.equal({ en: 'Text for reason_and.' });
    const answers = { where_do_you_live: 'england', over_state_pension_age: 'yes', household_income: 205 };
    expect(assess(pack.model, 'household_check', answers, '2025-01-01')?.eligible).to.deep.equal([]);
    expect(assess(pack.model, 'household_check', answers, '2025-06-01')?.eligible).to.deep.equal([
      'fuel_help',
    ]);
  });

  it('computes a content hash that is stable and changes with any edit', async () => {
    const dir = copyMinimal();
    try {
      const first = await load(dir);
      expect(first.hash).to.match(/^[0-9a-f]{64}$/);
      expect((await load(dir)).hash).to.equal(first.hash);
      const file = join(dir, 'messages', 'fr.json');
      writeFileSync(file, readFileSync(file, 'utf8').replace('Bonjour.', 'Bonjour !'));
      expect((await load(dir)).hash).to.not.equal(first.hash);
    } finally {
      removeDir(dir);
    }
  });

  it('counts translations per locale', async () => {
    const coverage = translationCoverage(await load());
    expect(coverage).to.deep.equal([{ locale: 'fr', translated: 3, total: 98 }]);
    expect(formatCoverage(coverage)).to.equal('translations fr: 3/98 (3%)');
  });

  it('stops giving "did you mean" hints after 200 problems, so a huge broken file stays fast', async () => {
    const dir = copyMinimal();
    try {
      mkdirSync(join(dir, 'scenarios'));
      const answers = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`question_${i}`, 'yes']));
      const cases = [
        { name: 'many', service: 'fuel_help', asOf: '2025-06-01', answers, expect: { outcome: 'eligible' } },
      ];
      writeFileSync(
        join(dir, 'scenarios', 'many.json'),
        JSON.stringify({ $schema: '../schema/scenario.schema.json', cases }),
      );
      const problems = (await loadPack(dir, { today: TODAY })).problems;
      expect(problems.filter((p) => p.code === 'UNKNOWN_QUESTION')).to.have.length(300);
      expect(problems.filter((p) => p.hint !== undefined)).to.have.length(200);
    } finally {
      removeDir(dir);
    }
  });

  it('needs the nation question in a screening whose services are not in every nation', async () => {
    const dir = copyMinimal();
    try {
      const file = join(dir, 'screenings', 'household_check.json');
      const screening = JSON.parse(readFileSync(file, 'utf8')) as { questions: string[] };
      screening.questions = screening.questions.filter((q) => q !== 'where_do_you_live');
      writeFileSync(file, JSON.stringify(screening, null, 2));
      const problems = (await loadPack(dir, { today: TODAY })).problems;
      expect(problems.map((p) => `${p.code} ${p.message}`)).to.deep.equal([
        'NOT_ASKED fuel_help needs the question where_do_you_live, which screening household_check never asks',
      ]);
    } finally {
      removeDir(dir);
    }
  });

  it("takes the named checks from the engine's registry by default", async () => {
    expect(await registeredChecks()).to.deep.equal([...NAMED_CHECKS.keys()]);
    const dir = packWith('unknown-check');
    try {
      const withRegistry = await loadPack(dir, { today: TODAY });
      expect(withRegistry.problems.map((p) => p.hint)).to.deep.equal([
        `registered checks: ${[...NAMED_CHECKS.keys()].sort().join(', ')}`,
      ]);
      const allowed = await loadPack(dir, { today: TODAY, checks: ['is_pensioner'] });
      expect(allowed.problems).to.deep.equal([]);
    } finally {
      removeDir(dir);
    }
  });

  it('reports its own failure as INTERNAL instead of throwing', async () => {
    const failing: Iterable<string> = {
      [Symbol.iterator]() {
        throw new Error('boom');
      },
    };
    const result = await loadPack(MINIMAL, { today: TODAY, checks: failing });
    expect(result.pack).to.equal(undefined);
    expect(result.problems.map((p) => `${p.code} ${p.message}`)).to.deep.equal([
      'INTERNAL the pack could not be loaded: boom',
    ]);
  });

  it('never throws, whatever the folder holds', async () => {
    const result = await loadPack(join(MINIMAL, 'services', 'fuel_help.json'), { today: TODAY });
    expect(result.pack).to.equal(undefined);
    expect(result.problems.map((p) => p.code)).to.deep.equal(['FILE_UNREADABLE']);
  });
});
