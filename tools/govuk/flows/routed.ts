/**
 * A GOV.UK flow whose questions lead, by routing rules, to one of several outcomes (state pension
 * age, minimum wage, benefits abroad) as a Guichet screening:
 *
 * - each GOV.UK question becomes a question (GOV.UK's id without `?`, lower case), asked when
 *   GOV.UK's routing reaches it (`askIf`, see lib/routing.ts);
 * - each GOV.UK outcome becomes a service of the screening whose rule is "the route reaches this
 *   outcome, and every question on the route has been answered". The second part makes the next
 *   question the next one on GOV.UK's route, since routing is deterministic: a question whose
 *   askIf holds is on the route being taken.
 *
 * Flow-specific forms (`var`, `cmp` over derived values) are translated by the flow's own code.
 */
import type { Rule } from '../../../bot/eligibility/rules.js';
import { combine, type Expr, type Translated, type TranslateContext } from '../lib/expr.js';
import type { PackWriter } from '../lib/pack-writer.js';
import {
  guichetId,
  readCases,
  readFlow,
  type PeerCase,
  type PeerFlow,
  type PeerQuestion,
} from '../lib/peer.js';
import { isKnownGap } from '../lib/known-gaps.js';
import { localReachConditions, routeOrder, unreachable } from '../lib/routing.js';
import { en, type ScreeningTexts } from '../lib/texts.js';

export interface FlowTexts {
  screening: ScreeningTexts;
  questions: Record<
    string,
    { prompt: string; help?: string; why?: string; choices?: Record<string, string> }
  >;
  /**
   * Per outcome: its title and a one-sentence summary, in our words; `result`, what the bot says
   * when the citizen gets this outcome (it may name the screening's values in braces), by default
   * the summary; `url` and `link`, where to read more and the words of that link.
   */
  outcomes: Record<string, { title: string; summary: string; result?: string; url?: string; link?: string }>;
  outcomeTexts: { notEligible: string; maybe: string };
  cost?: string;
}

export interface RoutedFlowSpec {
  flow: string;
  /** The topic that starts this screening. */
  topic: string;
  texts: FlowTexts;
  /** Flow-specific expression forms (`var`, `cmp`...). */
  other?: (expr: Expr, ctx: TranslateContext) => Translated | undefined;
  /** Guichet question definition details GOV.UK's validation implies (type, bounds). */
  questionDetails?: (q: PeerQuestion) => Record<string, unknown>;
  /** Cases of kinds other than end_to_end / next_node / invalid_input, as scenario cases. */
  otherCase?: (c: PeerCase, helpers: CaseHelpers) => ScenarioCase[] | undefined;
  /** A calculator case as an answer to accept or reject (`rejectedAt: null` means accepted). */
  otherInvalid?: (c: PeerCase, helpers: CaseHelpers) => Record<string, unknown> | undefined;
  /** More scenario cases for an end-to-end case (its computed values, checked another way). */
  endToEndExtras?: (c: PeerCase, helpers: CaseHelpers) => ScenarioCase[];
  /** Services, questions, parameters and lists the flow adds (written by the flow itself). */
  writeExtras?: (writer: PackWriter, flow: PeerFlow) => Promise<void>;
  /** A GOV.UK typed answer as a JSON answer (numbers typed as text). */
  answer?: (q: PeerQuestion | undefined, value: unknown) => unknown;
  /** Named values the screening works out and shows with its results (a State Pension date). */
  values?: Array<Record<string, unknown>>;
  /** The as-of date for cases without one. */
  defaultAsOf: string;
  lastReviewed: string;
}

export interface ScenarioCase {
  name: string;
  screening?: string;
  service?: string;
  asOf: string;
  answers: Record<string, unknown>;
  /** Named values set directly, as a GOV.UK calculator test sets its calculator's state. */
  given?: Record<string, unknown>;
  expect: Record<string, unknown>;
}

export interface CaseHelpers {
  answers: (c: PeerCase) => Record<string, unknown>;
  name: (c: PeerCase) => string;
  /** The flow the case is from (its tables hold the facts some cases are checked against). */
  flow: PeerFlow;
}

export function questionType(q: PeerQuestion): string {
  switch (q.type) {
    case 'checkbox':
      return 'multi-choice';
    case 'date':
      return 'date';
    case 'money':
      return 'money';
    case 'value':
      return 'number';
    case 'country_select':
      return 'country';
    default: {
      const ids = (q.options ?? []).map((o) => o.id).sort();
      return ids.length === 2 && ids[0] === 'no' && ids[1] === 'yes' ? 'yes-no' : 'choice';
    }
  }
}

export function translateContext(spec: Pick<RoutedFlowSpec, 'other'>): TranslateContext {
  const ctx: TranslateContext = {
    questionId: guichetId,
    other: (expr) => {
      if ('field' in expr && 'in_set' in expr) {
        return { in: [{ question: guichetId(String(expr.field)) }, { list: listId(String(expr.in_set)) }] };
      }
      return spec.other?.(expr, ctx);
    },
  };
  return ctx;
}

/** GOV.UK set names (EEA, SS_IIDB) as list ids. */
export function listId(set: string): string {
  return set.toLowerCase();
}

/** "Every question on the route has an answer": answered, or skipped because the route passes it by. */
function routeComplete(questions: PeerQuestion[]): Rule {
  return {
    all: questions.map((q) => {
      const id = guichetId(q.id);
      return { any: [{ answered: id }, { not: { answered: id } }] };
    }),
  };
}

export async function convertRoutedFlow(
  peersDir: string,
  writer: PackWriter,
  spec: RoutedFlowSpec,
): Promise<{ topicStarts: Map<string, { screening: string }>; cases: number; flow: PeerFlow }> {
  const full = await readFlow(peersDir, spec.flow);
  // GOV.UK's dead questions (no route reaches them) are left out.
  const dead = unreachable(full.questions, full.start);
  const flow: PeerFlow = { ...full, questions: full.questions.filter((q) => !dead.has(q.id)) };
  const ctx = translateContext(spec);
  const byId = new Map(flow.questions.map((q) => [q.id, q]));
  const ordered = routeOrder(flow.questions).map((id) => byId.get(id)!);
  const reach = localReachConditions(flow.questions, flow.start, ctx);
  const gates = new Map<string, Rule>();
  for (const q of flow.questions) {
    const gate = reach.get(q.id);
    if (gate !== undefined && typeof gate !== 'boolean') gates.set(q.id, gate);
  }

  const questions = ordered.map((q) => {
    const t = spec.texts.questions[q.id];
    if (!t) throw new Error(`${spec.flow}: no texts for question ${q.id}`);
    const type = questionType(q);
    const out: Record<string, unknown> = { id: guichetId(q.id), type, prompt: en(t.prompt) };
    if (t.help) out.help = en(t.help);
    if (t.why) out.why = en(t.why);
    if (type === 'choice' || type === 'multi-choice') {
      out.choices = (q.options ?? []).map((o) => {
        const label = t.choices?.[o.id];
        if (!label) throw new Error(`${spec.flow}: no label for ${q.id}.${o.id}`);
        return { id: o.id, label: en(label) };
      });
    }
    if (type === 'country') out.choicesFrom = listId(String(q.options_from_set ?? 'COUNTRY_OPTIONS'));
    Object.assign(out, spec.questionDetails?.(q) ?? {});
    const gate = gates.get(q.id);
    if (gate) out.askIf = gate;
    out.personalData = true;
    return out;
  });
  await writer.write('questions', spec.flow, { questions });

  const complete = routeComplete(flow.questions);
  const outcomeIds: string[] = [];
  for (const o of flow.outcomes) {
    const condition = reach.get(o.id);
    if (condition === undefined || condition === false) continue; // GOV.UK's dead outcomes
    const t = spec.texts.outcomes[o.id];
    if (!t) throw new Error(`${spec.flow}: no texts for outcome ${o.id}`);
    const rule = combine('all', [condition, complete]);
    if (typeof rule === 'boolean') throw new Error(`${o.id}: constant rule`);
    const id = guichetId(o.id);
    outcomeIds.push(id);
    await writer.write('service', id, {
      id,
      kind: 'result',
      title: en(t.title),
      summary: en(t.summary),
      howToApply: { url: t.url ?? flow.gov_uk_url },
      ...(spec.texts.cost ? { cost: en(spec.texts.cost) } : {}),
      appliesIn: { nations: ['england', 'wales', 'scotland', 'northern-ireland'] },
      rule,
      outcomes: {
        eligible: en(t.result ?? t.summary),
        notEligible: en(spec.texts.outcomeTexts.notEligible.replace('{title}', t.title)),
        maybe: en(spec.texts.outcomeTexts.maybe.replace('{title}', t.title)),
      },
      sources: [
        ...(t.url && t.link ? [{ title: t.link, url: t.url }] : []),
        { title: flow.title, url: flow.gov_uk_url },
      ],
      lastReviewed: spec.lastReviewed,
      topics: [spec.topic],
    });
  }
  const s = spec.texts.screening;
  await writer.write('screening', spec.flow, {
    id: spec.flow,
    title: en(s.title),
    intro: en(s.intro),
    questions: ordered.map((q) => guichetId(q.id)),
    services: outcomeIds,
    ...(spec.values && { values: spec.values }),
    outcomes: {
      someEligible: en(s.someEligible),
      noneEligible: en(s.noneEligible),
      someUnknown: en(s.someUnknown),
      ...(s.guidance ? { guidance: en(s.guidance) } : {}),
    },
  });

  await spec.writeExtras?.(writer, flow);
  const cases = await readCases(peersDir, spec.flow);
  const written = await writeCases(flow, spec, cases, writer, outcomeIds);
  return { topicStarts: new Map([[spec.topic, { screening: spec.flow }]]), cases: written, flow };
}

function caseName(c: PeerCase): string {
  const tests = (c.source_tests as string[] | undefined) ?? [];
  const first = tests[0]?.split(': ').slice(1).join(': ');
  const what = first || (c.purpose as string | undefined) || c.kind.replace(/_/g, ' ');
  return `${c.id}: ${what}`.slice(0, 200);
}

function caseAnswerFn(flow: PeerFlow, spec: RoutedFlowSpec): (c: PeerCase) => Record<string, unknown> {
  return (c) => {
    const answers = Object.entries(c.answers ?? {}).map(([k, v]) => {
      const q = flow.questions.find((x) => x.id === k);
      return [guichetId(k), spec.answer ? spec.answer(q, v) : v] as const;
    });
    return Object.fromEntries(answers);
  };
}

async function writeCases(
  flow: PeerFlow,
  spec: RoutedFlowSpec,
  cases: PeerCase[],
  writer: PackWriter,
  outcomeIds: string[],
): Promise<number> {
  const main: ScenarioCase[] = [];
  const other: ScenarioCase[] = [];
  const invalid: Array<Record<string, unknown>> = [];
  const pending: Array<Record<string, unknown>> = [];
  const caseAnswers = caseAnswerFn(flow, spec);
  const helpers: CaseHelpers = { answers: caseAnswers, name: caseName, flow };
  for (const c of cases) {
    const asOf = c.as_of ?? spec.defaultAsOf;
    const base = { name: caseName(c), screening: spec.flow, asOf, answers: caseAnswers(c) };
    if (c.kind === 'end_to_end') {
      const outcome = guichetId(String(c.expected.outcome));
      if (!outcomeIds.includes(outcome)) throw new Error(`${c.id}: unknown outcome ${outcome}`);
      main.push({ ...base, expect: { eligible: [outcome], nextQuestion: null } });
      other.push(...(spec.endToEndExtras?.(c, helpers) ?? []));
    } else if (c.kind === 'next_node') {
      const next = String(c.expected.next_node);
      const isQuestion = flow.questions.some((q) => q.id === next);
      main.push({
        ...base,
        expect: isQuestion
          ? { nextQuestion: guichetId(next), nextOnRoute: guichetId(next) }
          : { eligible: [guichetId(next)], nextQuestion: null, nextOnRoute: null },
      });
    } else if (c.kind === 'invalid_input') {
      invalid.push({ ...base, rejectedAt: guichetId(String(c.expected.invalid_at)) });
    } else {
      const made = spec.otherCase?.(c, helpers);
      const accepted = made ? undefined : spec.otherInvalid?.(c, helpers);
      if (made) other.push(...made);
      else if (accepted) invalid.push(accepted);
      else
        pending.push({
          id: c.id,
          kind: c.kind,
          ...(c.answers ? { answers: caseAnswers(c) } : {}),
          ...(c.args ? { args: c.args } : {}),
          ...(c.function ? { function: c.function } : {}),
          ...(c.predicate ? { value: c.predicate } : {}),
          ...(c.method ? { method: c.method, calculatorState: c.calculator_state } : {}),
          asOf,
          expected: c.expected,
        });
    }
  }
  const source = `GOV.UK smart-answers ${spec.flow}, commit ${flow.source.commit.slice(0, 12)}`;
  const gaps = [...main, ...other].filter((c) => isKnownGap(c.name));
  if (gaps.length > 0) {
    await writer.writeExtra(`${spec.flow}.known-gaps.json`, {
      description: 'Cases the engine cannot reproduce yet (see lib/known-gaps.ts).',
      cases: gaps,
    });
  }
  await writer.write('scenario', spec.flow, {
    description: `Outcomes and next questions from ${source}.`,
    cases: main.filter((c) => !isKnownGap(c.name)),
  });
  if (other.length > 0) {
    await writer.write('scenario', `${spec.flow}-values`, {
      description: `Derived and calculated values from ${source}: checked as the screening's values.`,
      cases: other.filter((c) => !isKnownGap(c.name)),
    });
  }
  await writer.writeExtra(`${spec.flow}.invalid.json`, {
    description: `Answers GOV.UK rejects (${source}).`,
    cases: invalid,
  });
  if (pending.length > 0) {
    await writer.writeExtra(`${spec.flow}.not-expressible.json`, {
      description: `Calculator cases the scenario format cannot express yet (${source}); see tools/govuk/README.md.`,
      cases: pending,
    });
  }
  return cases.length;
}

export type { Expr };
