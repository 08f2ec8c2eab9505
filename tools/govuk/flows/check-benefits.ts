/**
 * GOV.UK's "Check benefits and financial support you can get" as a Guichet screening.
 *
 * Facts carried over from the peer flow: question ids and option ids, the 90 benefit entries
 * (ids, nations, conditions, how-to-apply links) in GOV.UK's order, and GOV.UK's routing as
 * `askIf` on the branch questions. Every sentence a citizen reads comes from our own texts
 * (data/check-benefits.en.json). The peer's cases become scenarios in the pack's own format.
 */
import type { Rule } from '../../../bot/eligibility/rules.js';
import { translate, type Expr } from '../lib/expr.js';
import type { PackWriter } from '../lib/pack-writer.js';
import { isKnownGap, isSkippedByDesign } from '../lib/known-gaps.js';
import { routingAskIfs } from '../lib/routing.js';
import { readCases, readFlow, type PeerCase, type PeerFlow, type PeerQuestion } from '../lib/peer.js';
import type { Texts, LocalText } from '../lib/texts.js';
import { en, fill, type ScreeningTexts } from '../lib/texts.js';

export const FLOW = 'check-benefits-financial-support';
/** The date the peer snapshot was taken: GOV.UK's facts are as at this day. */
export const SNAPSHOT_DATE = '2026-08-21';

interface Benefit {
  id: string;
  title: string;
  countries: string[];
  eligible_if: string | null;
  group: string | null;
  how_to_apply: { url: string; link_text: string };
}

export interface CheckBenefitsTexts {
  screening: ScreeningTexts;
  questions: Record<
    string,
    {
      prompt: string;
      help?: string;
      why?: string;
      choices?: Record<string, string>;
      synonyms?: Record<string, string[]>;
      /** Yes/no questions about age: answered from an age the citizen states. */
      fromAge?: { yesFrom: number; noUnder: number };
    }
  >;
  groups: Record<string, { id: string; title: string }>;
  outcomes: { eligible: string; notEligible: string; maybe: string };
  cost: string;
  schemes: Record<string, { summary: string; whoCanGet: string; topic?: string; lifeEvents?: string[] }>;
  /** GOV.UK benefit id to scheme key. */
  benefits: Record<string, string>;
  /** Reasons: "question=value" (is / is not), "question:includes", ":excludes", ":answered". */
  clauses: Record<string, string[] | string>;
  /** Topics that start a small screening of several services: its title and intro. */
  topicScreenings: Record<string, { title: string; intro: string }>;
}

/** GOV.UK benefit ids that are not valid Guichet ids, and the id used instead. */
export function serviceId(benefitId: string): string {
  return benefitId.replace(/[()]/g, '').toLowerCase();
}

/** Which GOV.UK questions are only asked on a branch: GOV.UK's `next` rules, as askIf. */
function askIfs(flow: PeerFlow): Map<string, Rule> {
  return routingAskIfs(flow.questions, flow.start, { questionId: (id) => id });
}

function questionType(q: PeerQuestion): 'yes-no' | 'choice' | 'multi-choice' {
  if (q.type === 'checkbox') return 'multi-choice';
  const ids = (q.options ?? []).map((o) => o.id).sort();
  return ids.length === 2 && ids[0] === 'no' && ids[1] === 'yes' ? 'yes-no' : 'choice';
}

function questions(flow: PeerFlow, texts: CheckBenefitsTexts): Record<string, unknown>[] {
  const gates = askIfs(flow);
  return [...flow.questions]
    .sort((a, b) => a.order - b.order)
    .map((q) => {
      const t = texts.questions[q.id];
      if (!t) throw new Error(`no texts for question ${q.id}`);
      const type = questionType(q);
      const out: Record<string, unknown> = { id: q.id, type, prompt: en(t.prompt) };
      if (t.help) out.help = en(t.help);
      if (t.why) out.why = en(t.why);
      if (t.fromAge) out.fromAge = t.fromAge;
      if (type === 'yes-no' && t.synonyms) {
        // Yes/no with ways of saying it ("I look after my wife" is a yes to caring).
        out.choices = ['yes', 'no'].map((id) => ({
          id,
          label: en(t.choices?.[id] ?? (id === 'yes' ? 'Yes' : 'No')),
          ...(t.synonyms?.[id] ? { synonyms: { en: t.synonyms[id] } } : {}),
        }));
      }
      if (type !== 'yes-no') {
        out.choices = (q.options ?? []).map((o) => {
          const label = t.choices?.[o.id];
          if (!label) throw new Error(`no label for ${q.id}.${o.id}`);
          const synonyms = t.synonyms?.[o.id];
          return { id: o.id, label: en(label), ...(synonyms ? { synonyms: { en: synonyms } } : {}) };
        });
      }
      // GOV.UK requires at least one benefit once someone says they get some (case cbfs-V001).
      if (q.validation?.some((v) => v.check && 'any_of' in v.check)) out.validation = { minChoices: 1 };
      const gate = gates.get(q.id);
      if (gate) out.askIf = gate;
      out.personalData = true;
      return out;
    });
}

/**
 * Puts our plain-language reasons on a rule's leaves (`because` when the leaf holds, `becauseNot`
 * when it does not), so the engine can say why: "because you have reached State Pension age".
 */
export function annotate(rule: Rule, clauses: CheckBenefitsTexts['clauses']): Rule {
  const text = (key: string, flip = false): Pick<Rule, 'because' | 'becauseNot'> => {
    const pair = clauses[key];
    if (!Array.isArray(pair) || pair.length !== 2) return {};
    const [yes, no] = flip ? [pair[1]!, pair[0]!] : [pair[0]!, pair[1]!];
    return { because: en(yes), becauseNot: en(no) };
  };
  const leafKey = (operands: unknown[]): string | undefined => {
    const [q, v] = operands as [{ question?: string } | undefined, unknown];
    return q?.question !== undefined && typeof v === 'string' ? `${q.question}=${v}` : undefined;
  };
  if ('all' in rule) return { ...rule, all: rule.all.map((r) => annotate(r, clauses)) };
  if ('any' in rule) return { ...rule, any: rule.any.map((r) => annotate(r, clauses)) };
  if ('not' in rule) {
    const inner = rule.not;
    if ('includes' in inner) {
      const q = (inner.includes[0] as { question?: string }).question;
      return { ...rule, ...text(`${q}:excludes`) };
    }
    if ('answered' in inner) return { ...rule, ...text(`${inner.answered}:answered`, true) };
    return { ...rule, not: annotate(inner, clauses) };
  }
  if ('eq' in rule) return { ...rule, ...text(leafKey(rule.eq) ?? '') };
  if ('ne' in rule) return { ...rule, ...text(leafKey(rule.ne) ?? '', true) };
  if ('includes' in rule)
    return { ...rule, ...text(`${(rule.includes[0] as { question?: string }).question}:includes`) };
  if ('answered' in rule) return { ...rule, ...text(`${rule.answered}:answered`) };
  return rule;
}

/** The rule of a benefit: its GOV.UK predicate, or "once we know where you live" when unconditional. */
function ruleOf(flow: PeerFlow, benefit: Benefit): Rule {
  if (benefit.eligible_if === null) return { answered: 'where_do_you_live' };
  const translated = translate(
    { ref: benefit.eligible_if },
    { predicates: flow.predicates ?? {}, questionId: (id) => id },
  );
  if (translated === true) return { answered: 'where_do_you_live' };
  if (translated === false) throw new Error(`${benefit.id} can never be shown`);
  return translated;
}

/**
 * Where to apply: GOV.UK's how-to-apply link, or for the three winter payments that have none,
 * the first link in GOV.UK's description (relative links are on www.gov.uk).
 */
function applyUrl(benefit: Benefit & { description_html?: string }): string {
  if (benefit.how_to_apply.url) return benefit.how_to_apply.url;
  const href = /href="([^"]+)"/.exec(benefit.description_html ?? '')?.[1];
  if (!href) throw new Error(`${benefit.id} has no link`);
  return href.startsWith('/') ? `https://www.gov.uk${href.split('/').slice(0, 2).join('/')}` : href;
}

function service(flow: PeerFlow, texts: CheckBenefitsTexts, benefit: Benefit): Record<string, unknown> {
  const schemeKey = texts.benefits[benefit.id];
  const scheme = schemeKey ? texts.schemes[schemeKey] : undefined;
  if (!scheme) throw new Error(`no scheme texts for benefit ${benefit.id}`);
  const title = benefit.title;
  // GOV.UK names some entries by what to do ("Apply for an older person's bus pass"); inside a
  // sentence ("You could get ...", "How to apply for ...") they need the thing itself.
  const name = /^Apply for /.test(title) ? title.replace(/^Apply for /, '') : undefined;
  const outcomes = {
    eligible: en(fill(texts.outcomes.eligible, { title: name ?? title })),
    notEligible: en(fill(texts.outcomes.notEligible, { title: name ?? title })),
    maybe: en(fill(texts.outcomes.maybe, { title: name ?? title })),
  };
  return {
    id: serviceId(benefit.id),
    title: en(title),
    ...(name ? { name: en(name) } : {}),
    summary: en(scheme.summary),
    whoCanGet: en(scheme.whoCanGet),
    howToApply: { url: applyUrl(benefit) },
    cost: en(texts.cost),
    appliesIn: { nations: benefit.countries },
    rule: annotate(ruleOf(flow, benefit), texts.clauses),
    outcomes,
    sources: [
      { title, url: applyUrl(benefit) },
      { title: flow.title, url: flow.gov_uk_url },
    ],
    lastReviewed: SNAPSHOT_DATE,
    ...(scheme.topic ? { topics: [scheme.topic] } : {}),
    ...(scheme.lifeEvents ? { lifeEvents: scheme.lifeEvents } : {}),
  };
}

export interface ScreeningOrder {
  id: string;
  questions: string[];
}

export async function convertCheckBenefits(
  peersDir: string,
  writer: PackWriter,
  texts: Texts,
): Promise<{ topicStarts: Map<string, { screening: string } | { service: string }>; cases: number }> {
  const flow = await readFlow(peersDir, FLOW);
  const t = texts.checkBenefits;
  const benefits = (flow.benefits as Benefit[]).map((b) => ({ ...b }));
  const order = [...flow.questions].sort((a, b) => a.order - b.order).map((q) => q.id);

  await writer.write('questions', FLOW, { questions: questions(flow, t) });
  for (const b of benefits) await writer.write('service', serviceId(b.id), service(flow, t, b));

  // Groups: GOV.UK lists benefits in one order, each with a group name. The engine shows results
  // group by group, so each run of neighbours with the same group becomes one group (its id
  // numbered): the grouping is kept and GOV.UK's order is too.
  const groups: Array<{ id: string; title: LocalText; services: string[] }> = [];
  const runs = new Map<string, number>();
  let previous: string | undefined;
  for (const b of benefits) {
    const g = t.groups[b.group ?? ''];
    if (!g) throw new Error(`no texts for group ${b.group}`);
    if (g.id !== previous) {
      const n = (runs.get(g.id) ?? 0) + 1;
      runs.set(g.id, n);
      groups.push({ id: `${g.id}-${n}`, title: en(g.title), services: [] });
      previous = g.id;
    }
    groups[groups.length - 1]!.services.push(serviceId(b.id));
  }
  const outcomes = {
    someEligible: en(t.screening.someEligible),
    noneEligible: en(t.screening.noneEligible),
    someUnknown: en(t.screening.someUnknown),
  };
  await writer.write('screening', FLOW, {
    id: FLOW,
    title: en(t.screening.title),
    intro: en(t.screening.intro),
    questions: order,
    services: benefits.map((b) => serviceId(b.id)),
    groups,
    outcomes,
  });

  // Topics: one service starts it, or a small screening of the nation variants that share a topic.
  const topicStarts = new Map<string, { screening: string } | { service: string }>();
  const byTopic = new Map<string, string[]>();
  for (const b of benefits) {
    const topic = t.schemes[t.benefits[b.id] ?? '']?.topic;
    if (topic) byTopic.set(topic, [...(byTopic.get(topic) ?? []), serviceId(b.id)]);
  }
  for (const [topic, ids] of byTopic) {
    if (ids.length === 1) {
      topicStarts.set(topic, { service: ids[0]! });
      continue;
    }
    const meta = t.topicScreenings[topic];
    if (!meta) throw new Error(`no texts for the ${topic} screening`);
    const id = `${topic}_check`;
    await writer.write('screening', id, {
      id,
      title: en(meta.title),
      intro: en(meta.intro),
      questions: order,
      services: ids,
      outcomes,
    });
    topicStarts.set(topic, { screening: id });
  }
  topicStarts.set('check_benefits', { screening: FLOW });

  const cases = await readCases(peersDir, FLOW);
  const written = await writeScenarios(flow, benefits, cases, writer);
  return { topicStarts, cases: written };
}

// ---------------------------------------------------------------------------------------------
// Cases

function scenarioName(c: PeerCase): string {
  const tests = (c.source_tests as string[] | undefined) ?? [];
  const first = tests[0]?.split(' / ').slice(1).join(' / ');
  const what = first || (c.purpose as string | undefined) || c.kind.replace(/_/g, ' ');
  return `${c.id}: ${what}`.slice(0, 200);
}

/**
 * GOV.UK's calculator unit tests sometimes set a raw value that is not an option ("under_1600",
 * "none", a child aged "1"). Each is answered with the option that means the same to every
 * condition the test reads; the case passing shows the two agree.
 */
const RAW_VALUES: Record<string, Record<string, string>> = {
  assets_and_savings: { under_1600: 'under_16000', none: 'none_16000' },
  age_of_children: { '1': '1_or_under' },
};

function optionAnswers(flow: PeerFlow, answers: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [id, value] of Object.entries(answers)) {
    const options = flow.questions.find((q) => q.id === id)?.options?.map((o) => o.id) ?? [];
    const map = (v: unknown): unknown =>
      typeof v === 'string' && !options.includes(v) ? (RAW_VALUES[id]?.[v] ?? v) : v;
    out[id] = Array.isArray(value) ? value.map(map) : map(value);
  }
  return out;
}

/**
 * GOV.UK's calculator tests leave some questions nil, and a nil answer reads as "not equal" to
 * anything (`ne` true, `eq`/`any_of` false). Guichet never assumes an answer it was not given:
 * an open question makes the outcome unknown. So each question the predicate reads and the test
 * leaves out is answered with an option that reads exactly as nil in every one of the
 * predicate's conditions on it (an empty list for a multiple choice). A question that is skipped
 * anyway (its askIf is false) ignores the answer. The case then checks the same thing as GOV.UK's.
 */
function neutralAnswers(
  flow: PeerFlow,
  predicate: string,
  given: Record<string, unknown>,
): Record<string, unknown> {
  const leaves: Expr[] = [];
  const walk = (e: Expr): void => {
    if ('ref' in e) walk(flow.predicates?.[String(e.ref)] ?? {});
    else if ('all' in e) (e.all as Expr[]).forEach(walk);
    else if ('any' in e) (e.any as Expr[]).forEach(walk);
    else if ('not' in e) walk(e.not as Expr);
    else if ('field' in e) leaves.push(e);
  };
  walk({ ref: predicate });
  const out: Record<string, unknown> = {};
  for (const q of flow.questions) {
    if (q.id in given || q.id === 'where_do_you_live') continue;
    const mine = leaves.filter((l) => l.field === q.id);
    if (mine.length === 0) continue;
    if (mine.some((l) => 'answered' in l)) continue; // only a skipped question reads as unanswered
    if (q.type === 'checkbox') {
      // An empty list reads as nil; where at least one is required, one that no condition names.
      const named = new Set(
        mine.flatMap((l) => [...((l.any_of as string[]) ?? []), ...((l.none_of as string[]) ?? [])]),
      );
      const needsOne = q.validation?.some((v) => v.check && 'any_of' in v.check);
      const spare = (q.options ?? []).find((o) => !named.has(o.id));
      if (needsOne && !spare) throw new Error(`no option of ${q.id} reads as nil in ${predicate}`);
      out[q.id] = needsOne ? [spare!.id] : [];
      continue;
    }
    const option = (q.options ?? []).find((o) => mine.every((l) => readsAsNil(l, o.id)));
    if (!option) throw new Error(`no option of ${q.id} reads as nil in ${predicate}`);
    out[q.id] = option.id;
  }
  return out;
}

/** Whether a field test gives the same for `value` as for nil. */
function readsAsNil(leaf: Expr, value: string): boolean {
  if ('eq' in leaf) return leaf.eq !== value; // nil: false
  if ('ne' in leaf) return leaf.ne !== value; // nil: true
  if ('in' in leaf) return !(leaf.in as string[]).includes(value);
  if ('not_in' in leaf) return !(leaf.not_in as string[]).includes(value);
  return false;
}

async function writeScenarios(
  flow: PeerFlow,
  benefits: Benefit[],
  cases: PeerCase[],
  writer: PackWriter,
): Promise<number> {
  const asOf = SNAPSHOT_DATE;
  const endToEnd = [];
  const routing = [];
  const invalid = [];
  const predicates = [];
  for (const c of cases) {
    const name = scenarioName(c);
    if (c.kind === 'end_to_end') {
      const expected = (c.expected.benefits as string[]).map(serviceId);
      endToEnd.push({
        name,
        screening: FLOW,
        asOf,
        answers: c.answers,
        expect: { eligible: expected, nextQuestion: null },
      });
    } else if (c.kind === 'next_node') {
      const next = String(c.expected.next_node);
      const isOutcome = flow.outcomes.some((o) => o.id === next);
      // GOV.UK's next node is the next question on its route; the bot's own next question is
      // the same except where it skips a question nothing depends on any more.
      const onRoute = isOutcome ? null : next;
      routing.push({
        name,
        screening: FLOW,
        asOf,
        answers: c.answers,
        expect: isSkippedByDesign(name)
          ? { nextOnRoute: onRoute }
          : { nextQuestion: onRoute, nextOnRoute: onRoute },
      });
    } else if (c.kind === 'invalid_input') {
      invalid.push({ name, screening: FLOW, asOf, answers: c.answers, rejectedAt: c.expected.invalid_at });
    } else if (c.kind === 'predicate') {
      // A predicate is GOV.UK's condition for a benefit: run as the first benefit it gates, in
      // the first nation that benefit covers (the peer's partial state says nothing of nations).
      const benefit = benefits.find((b) => b.eligible_if === c.predicate);
      if (!benefit) throw new Error(`${c.id}: no benefit uses ${c.predicate}`);
      const given = optionAnswers(flow, c.answers);
      const answers = {
        where_do_you_live: benefit.countries[0],
        ...given,
        ...neutralAnswers(flow, c.predicate ?? '', given),
      };
      const outcome = c.expected.value === true ? 'eligible' : 'ineligible';
      predicates.push({
        name: `${name} (${c.predicate})`,
        service: serviceId(benefit.id),
        asOf,
        answers,
        expect: { outcome },
      });
    } else throw new Error(`${c.id}: unexpected kind ${c.kind}`);
  }
  const source = `GOV.UK smart-answers ${FLOW}, commit ${flow.source.commit.slice(0, 12)}`;
  await writer.write('scenario', `${FLOW}`, {
    description: `End-to-end cases from ${source}: the benefits GOV.UK lists, in its order.`,
    cases: endToEnd,
  });
  const gaps = routing.filter((c) => isKnownGap(c.name));
  if (gaps.length > 0)
    await writer.writeExtra(`${FLOW}.known-gaps.json`, {
      description: 'Cases the engine cannot reproduce yet (see lib/known-gaps.ts).',
      cases: gaps,
    });
  await writer.write('scenario', `${FLOW}-routing`, {
    description: `The next question GOV.UK asks after some answers (${source}).`,
    cases: routing.filter((c) => !isKnownGap(c.name)),
  });
  await writer.write('scenario', `${FLOW}-predicates`, {
    description: `GOV.UK's conditions for single benefits on partial answers (${source}).`,
    cases: predicates,
  });
  await writer.writeExtra(`${FLOW}.invalid.json`, {
    description: `Answers GOV.UK rejects, and the question it rejects them at (${source}).`,
    cases: invalid,
  });
  return endToEnd.length + routing.length + predicates.length + invalid.length;
}

export type { Expr };
