/**
 * The default pack in knowledge/: it validates with no error and no warning, every scenario case it
 * holds passes on the eligibility engine (one test per case, generated from the files), and it has
 * what the language helper and the dialogs rely on.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  formatProblems,
  loadPack,
  type KnowledgePack,
  type ScenarioFile,
} from '../../bot/knowledge/index.js';
import { formatCaseResult, runScenarios } from '../../bot/knowledge/run-scenarios.js';

const DEFAULT_PACK = fileURLToPath(new URL('../../knowledge/', import.meta.url));
const INTENTS = [
  'greeting',
  'help',
  'cancel',
  'start_over',
  'human',
  'goodbye',
  'thanks',
  'forget_me',
  'my_data',
];

describe('the default knowledge pack', () => {
  let pack: KnowledgePack;
  before(async () => {
    // A fixed date: a review falling due is a reminder for editors (kb validate), not a broken build.
    const result = await loadPack(DEFAULT_PACK, { today: '2026-11-23' });
    // Errors fail; the only warnings allowed are content not yet reachable (UNUSED), each listed.
    const errors = result.problems.filter((p) => p.severity === 'error' || p.code !== 'UNUSED');
    expect(formatProblems(errors)).to.equal('0 errors, 0 warnings');
    pack = result.pack as KnowledgePack;
  });

  it('has services, questions, dated parameters with sources, and a screening', () => {
    expect(Object.keys(pack.services).length).to.be.at.least(3);
    expect(Object.keys(pack.screenings).length).to.be.at.least(1);
    for (const parameter of Object.values(pack.parameters)) {
      for (const value of parameter.values)
        // A GOV.UK page or the legislation itself.
        expect(value.source, parameter.id).to.match(/^https:\/\/www\.gov\.uk\/|\bAct\b|\bRegulations\b/);
    }
  });

  it('has every conversation intent, with about 15 utterances each', () => {
    const intents = pack.topics.en?.intents ?? [];
    expect(intents.map((i) => i.id)).to.include.members(INTENTS);
    for (const intent of intents) {
      // The nine conversation intents every pack needs get about 15 examples; extra ones at least 5.
      const least = INTENTS.includes(intent.id) ? 12 : 5;
      expect(intent.utterances.length, intent.id).to.be.at.least(least);
    }
  });

  it('lets a citizen reach every service: through a topic, or a screening a topic starts', () => {
    const started = (pack.topics.en?.topics ?? []).map((t) =>
      'service' in t.starts ? t.starts.service : t.starts.screening,
    );
    const reachable = new Set(started);
    for (const id of started)
      for (const service of pack.screenings[id]?.services ?? []) reachable.add(service);
    // Services only in a screening no topic starts yet are already warned about by kb validate.
    const unstarted = Object.keys(pack.screenings).filter((id) => !reachable.has(id));
    const warned = new Set(unstarted.flatMap((id) => pack.screenings[id]?.services ?? []));
    for (const id of Object.keys(pack.services))
      if (!warned.has(id)) expect([...reachable], id).to.include(id);
    expect(pack.topics.en?.outOfScope?.length).to.be.at.least(10);
  });

  // One test per case: names are read from the files synchronously so mocha can list them.
  describe('scenarios', () => {
    let results: ReturnType<typeof runScenarios>;
    before(() => {
      results = runScenarios(pack);
    });
    for (const file of readdirSync(join(DEFAULT_PACK, 'scenarios')).filter((f) => f.endsWith('.json'))) {
      const cases = (JSON.parse(readFileSync(join(DEFAULT_PACK, 'scenarios', file), 'utf8')) as ScenarioFile)
        .cases;
      for (const c of cases) {
        it(`${file}: ${c.name}`, () => {
          const result = results.find((r) => r.file === `scenarios/${file}` && r.name === c.name);
          expect(result, 'the case ran').to.not.equal(undefined);
          if (result && !result.passed) expect.fail(formatCaseResult(result));
        });
      }
    }
  });
});
