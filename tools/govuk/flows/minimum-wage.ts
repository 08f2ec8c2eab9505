/**
 * GOV.UK's "Am I getting the minimum wage?" flow. The hourly rates become dated parameters (a table
 * of age bands, the apprentice rate, the accommodation offset), so an April uprating is a new
 * entry, not a code change. "Last year" is itself a dated parameter: the day whose rates count as
 * the previous period. The pay test is the engine's `pay_covers_rate` check; the rate comes from
 * `band_value` over the age bands, and what accommodation adds to or takes from pay from
 * `accommodation_offset` with the dated offset rate.
 */
import type { Rule } from '../../../bot/eligibility/rules.js';
import type { Expr } from '../lib/expr.js';
import type { PackWriter } from '../lib/pack-writer.js';
import { en } from '../lib/texts.js';
import { guichetId, type PeerCase, type PeerFlow, type PeerQuestion } from '../lib/peer.js';
import { type FlowTexts, type RoutedFlowSpec, type ScenarioCase } from './routed.js';

export const FLOW = 'am-i-getting-minimum-wage';

interface Period {
  start_date: string;
  end_date: string;
  minimum_rates: Array<{ min_age: number; max_age: number; rate: number }>;
  apprentice_rate: number;
  accommodation_rate: number;
}

const SOURCE = 'https://www.gov.uk/national-minimum-wage-rates';

const LAST_YEAR = 'minimum_wage_previous_period_date';

function periods(flow: PeerFlow): { previous: Period; current: Period } {
  const table = (flow.tables as Record<string, { previous_period: Period; current_period: Period }>)
    .minimum_wage_rates!;
  return { previous: table.previous_period, current: table.current_period };
}

/** One dated value per rates period; the current one has no end. */
function dated(
  p: { previous: Period; current: Period },
  value: (x: Period) => unknown,
): Array<Record<string, unknown>> {
  return [
    { from: p.previous.start_date, to: p.previous.end_date, value: value(p.previous), source: SOURCE },
    { from: p.current.start_date, value: value(p.current), source: SOURCE },
  ];
}

/** The two mirrored branches: questions about now, and about last year. */
const BRANCH = {
  current: {
    check: 'current_payment',
    apprentice: 'are_you_an_apprentice',
    apprentices: ['apprentice_under_19', 'apprentice_over_19_first_year'],
    age: 'how_old_are_you',
    hours: 'how_many_hours_do_you_work',
    pay: 'how_much_are_you_paid_during_pay_period',
    frequency: 'how_often_do_you_get_paid',
    accommodation: 'is_provided_with_accommodation',
    usage: 'current_accommodation_usage',
    charge: 'current_accommodation_charge',
    on: undefined as unknown,
  },
  past: {
    check: 'past_payment',
    apprentice: 'were_you_an_apprentice',
    apprentices: ['apprentice_under_19', 'apprentice_over_19'],
    age: 'how_old_were_you',
    hours: 'how_many_hours_did_you_work',
    pay: 'how_much_were_you_paid_during_pay_period',
    frequency: 'how_often_did_you_get_paid',
    accommodation: 'was_provided_with_accommodation',
    usage: 'past_accommodation_usage',
    charge: 'past_accommodation_charge',
    on: { param: LAST_YEAR } as unknown,
  },
};

/** GOV.UK calculator methods checked as the screening's named values. */
const VALUE_OF: Record<string, string> = {
  basic_total: 'basic_total',
  total_hours: 'total_hours',
  total_pay: 'total_pay',
  accommodation_cost: 'accommodation_cost',
};

/** What accommodation adds to or takes from pay in one branch's pay period. */
function adjustment(b: (typeof BRANCH)['current']): Record<string, unknown> {
  // Skipped accommodation questions reach the calculation as null: no accommodation, or free.
  return {
    calc: 'accommodation_offset',
    args: {
      nights: { question: b.usage },
      charge: { question: b.charge },
      offsetRate: param('minimum_wage_accommodation_offset', b.on),
      periodDays: { question: b.frequency },
    },
  };
}

/** The pay period's figures, whichever branch (this year or last) the answers took. */
const VALUES = [
  {
    id: 'basic_total',
    description: 'Pay before anything for accommodation, for the pay period.',
    value: { firstOf: [{ question: BRANCH.current.pay }, { question: BRANCH.past.pay }] },
    format: 'money',
  },
  {
    id: 'total_hours',
    description: 'Hours worked in the pay period.',
    value: { firstOf: [{ question: BRANCH.current.hours }, { question: BRANCH.past.hours }] },
    format: 'number',
  },
  {
    id: 'accommodation_cost',
    description: 'What accommodation from the employer adds to pay (or takes from it) for the pay period.',
    value: { firstOf: [adjustment(BRANCH.current), adjustment(BRANCH.past)] },
    format: 'money',
  },
  {
    id: 'total_pay',
    description: 'Pay for the pay period, counting accommodation.',
    value: {
      calc: 'sum',
      args: { basic: { value: 'basic_total' }, accommodation: { value: 'accommodation_cost' } },
    },
    format: 'money',
  },
  {
    id: 'hourly_pay',
    description: 'Pay for each hour worked, counting accommodation: what the minimum wage is compared with.',
    value: { calc: 'per_hour', args: { pay: { value: 'total_pay' }, hours: { value: 'total_hours' } } },
    format: 'money',
  },
];

function param(id: string, on: unknown): Record<string, unknown> {
  return on === undefined ? { param: id } : { param: id, on };
}

/** Pay covers the minimum wage for one branch: the apprentice rate, or the rate for the age. */
function payCovers(b: (typeof BRANCH)['current']): Rule {
  const args = (rate: unknown) => ({
    pay: { question: b.pay },
    hours: { question: b.hours },
    rate,
    adjustment: adjustment(b),
  });
  return {
    all: [
      { eq: [{ question: 'what_would_you_like_to_check' }, b.check] },
      {
        any: [
          {
            all: [
              { in: [{ question: b.apprentice }, b.apprentices] },
              { check: 'pay_covers_rate', args: args(param('minimum_wage_apprentice_rate', b.on)) },
            ],
          },
          {
            all: [
              { notIn: [{ question: b.apprentice }, b.apprentices] },
              {
                check: 'pay_covers_rate',
                args: args({
                  calc: 'band_value',
                  args: { x: { question: b.age }, bands: param('minimum_wage_age_bands', b.on) },
                }),
              },
            ],
          },
        ],
      },
    ],
  } as Rule;
}

function other(expr: Expr): Rule | undefined {
  if (expr.var === 'minimum_wage_or_above')
    return { any: [payCovers(BRANCH.current), payCovers(BRANCH.past)] };
  if ('cmp' in expr) {
    const [op, a, b] = expr.cmp as [string, Expr, unknown];
    if (op === '<' && typeof a === 'object' && 'field' in a && typeof b === 'number') {
      return { lt: [{ question: guichetId(String(a.field)) }, b] };
    }
  }
  return undefined;
}

/** GOV.UK's validation, as bounds; answers are numbers (see `answer`). */
function questionDetails(q: PeerQuestion): Record<string, unknown> {
  const id = guichetId(q.id);
  if (/^how_old_/.test(id)) return { validation: { min: 1, max: 200, integer: true } };
  if (/^how_often_/.test(id)) return { validation: { min: 1, max: 31, integer: true } };
  // At most 16 hours for each day of the pay period (GOV.UK's valid_hours_worked).
  if (/^how_many_hours_/.test(id)) {
    const days =
      id === 'how_many_hours_do_you_work' ? 'how_often_do_you_get_paid' : 'how_often_did_you_get_paid';
    return { validation: { min: 0.01, max: { question: days, times: 16 } } };
  }
  if (/_accommodation_charge$/.test(id)) return { validation: { min: 0.01 } };
  if (/_accommodation_usage$/.test(id)) return { validation: { min: 0, max: 7, integer: true } };
  if (q.type === 'money') return { validation: { min: 0 } };
  return {};
}

/**
 * GOV.UK's typed answers as JSON values: whole numbers and amounts become numbers when GOV.UK
 * would accept their form; anything else stays text, which Guichet rejects at that question.
 */
export function answer(q: PeerQuestion | undefined, value: unknown): unknown {
  if (q === undefined || typeof value !== 'string') return value;
  const text = value.trim();
  if (q.type === 'money') {
    const clean = text.replace(/[£,\s]/g, '');
    return /^\d+(\.\d{1,2})?$/.test(clean) ? Number(clean) : value;
  }
  if (q.type === 'value') {
    if (q.parse === 'float') return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : value;
    return /^-?\d+$/.test(text) ? Number(text) : value;
  }
  return value;
}

interface CalculatorState {
  past_or_current_payment: 'current_payment' | 'past_payment';
  age: number | null;
  is_apprentice: boolean | null;
  pay_frequency: number;
  basic_hours: number;
  basic_pay: number;
}

/** A GOV.UK calculator state as the answers someone would give in the flow (no accommodation, no extras). */
function stateAnswers(
  state: CalculatorState,
  pay: number,
  hours: number,
  apprentice = state.is_apprentice === true,
): Record<string, unknown> {
  const b = state.past_or_current_payment === 'current_payment' ? BRANCH.current : BRANCH.past;
  const current = b === BRANCH.current;
  // Calculator tests ask the rate for ages under 16 (even 0), whom the flow sends to "too young";
  // 16 is in the same band (under 18), so the flow asks about pay and the rate is the same.
  const age = Math.max(16, state.age ?? 16);
  return {
    what_would_you_like_to_check: b.check,
    [b.apprentice]: apprentice ? 'apprentice_under_19' : current ? 'not_an_apprentice' : 'no',
    ...(apprentice ? {} : { [b.age]: age }),
    [b.frequency]: state.pay_frequency,
    [b.hours]: hours,
    [b.pay]: pay,
    [b.accommodation]: 'no',
    [current ? 'does_employer_charge_for_job_requirements' : 'did_employer_charge_for_job_requirements']:
      'no',
    [current ? 'current_additional_work_outside_shift' : 'past_additional_work_outside_shift']: 'no',
  };
}

function outcomeFor(state: CalculatorState, above: boolean): string {
  const when = state.past_or_current_payment === 'current_payment' ? 'current' : 'past';
  return `${when}_payment_${above ? 'above' : 'below'}`;
}

/** The question each of GOV.UK's calculator validations guards (current branch). */
const VALIDATED: Record<string, string> = {
  valid_age: 'how_old_are_you',
  valid_pay_frequency: 'how_often_do_you_get_paid',
  valid_hours_worked: 'how_many_hours_do_you_work',
  valid_accommodation_usage: 'current_accommodation_usage',
  valid_accommodation_charge: 'current_accommodation_charge',
};

/** The hourly rate for a non-apprentice of the calculator state's age, from the flow's rates table. */
function rateFor(flow: PeerFlow, state: CalculatorState): number | undefined {
  const p = periods(flow);
  const period = state.past_or_current_payment === 'current_payment' ? p.current : p.previous;
  const age = Math.max(16, state.age ?? 16);
  return period.minimum_rates.find((r) => r.min_age <= age && age < r.max_age)?.rate;
}

/**
 * What accommodation adds to (or takes from) pay, checked through the pay test: with the hours'
 * worth at the minimum wage as `due`, pay of due - adjustment is enough and a penny less is not,
 * which holds only when the engine's adjustment is exactly GOV.UK's to the penny.
 */
function accommodationCases(
  flow: PeerFlow,
  state: CalculatorState,
  name: string,
  asOf: string,
  given: { adjustment: number; charge: number; nights: number; days: number },
): ScenarioCase[] | undefined {
  const rate = rateFor(flow, state);
  if (rate === undefined || state.is_apprentice === true) return undefined;
  const b = state.past_or_current_payment === 'current_payment' ? BRANCH.current : BRANCH.past;
  const hours = state.basic_hours;
  const pennies = Math.round(rate * hours * 100) - Math.round(given.adjustment * 100);
  if (pennies < 2) return undefined; // pay must stay positive a penny below the line
  const accommodation = {
    [b.frequency]: given.days,
    [b.accommodation]: given.charge > 0 ? 'yes_charged' : 'yes_free',
    ...(given.charge > 0 ? { [b.charge]: given.charge } : {}),
    [b.usage]: given.nights,
  };
  return [pennies, pennies - 1].map((p) => ({
    name: `${name} (paid ${p / 100} for ${hours} hours)`,
    screening: FLOW,
    asOf,
    answers: { ...stateAnswers(state, p / 100, hours), ...accommodation },
    expect: { eligible: [outcomeFor(state, p === pennies)] },
  }));
}

/**
 * GOV.UK's calculator unit cases that a flow case can check: the pay test itself, the hourly rate
 * R (pay of R for one hour is enough, a penny less is not), the accommodation adjustment and
 * offset rate (through the pay test), and the under-16 rule. Validations go to the
 * rejected-answers file (see `validationCase`).
 */
function calculatorCases(
  c: PeerCase,
  name: string,
  asOf: string,
  flow: PeerFlow,
): ScenarioCase[] | undefined {
  const state = c.calculator_state as CalculatorState | undefined;
  const method = String(c.method);
  if (!state) return undefined;
  const value = c.expected.value;
  const screening = FLOW;
  if (method === 'accommodation_adjustment' && typeof value === 'number') {
    const [charge, nights] = (c.args ?? []) as unknown[];
    if (!Number.isFinite(Number(charge)) || typeof nights !== 'number') return undefined;
    const given = { adjustment: value, charge: Number(charge), nights, days: state.pay_frequency };
    return accommodationCases(flow, state, name, asOf, given);
  }
  if (method === 'free_accommodation_rate' && typeof value === 'number') {
    // The offset rate is what one night of free accommodation adds to a week's pay.
    const given = { adjustment: value, charge: 0, nights: 1, days: 7 };
    return accommodationCases(flow, state, name, asOf, given);
  }
  if (method === 'minimum_wage_or_above' && typeof value === 'boolean') {
    const answers = stateAnswers(state, state.basic_pay, state.basic_hours);
    return [{ name, screening, asOf, answers, expect: { eligible: [outcomeFor(state, value)] } }];
  }
  if (
    ['minimum_hourly_rate', 'per_hour_minimum_wage', 'apprentice_rate'].includes(method) &&
    typeof value === 'number'
  ) {
    const apprentice = method === 'apprentice_rate' || state.is_apprentice === true;
    const penny = Math.round((value - 0.01) * 100) / 100;
    return [
      {
        name: `${name} (paid ${value} for 1 hour)`,
        screening,
        asOf,
        answers: stateAnswers(state, value, 1, apprentice),
        expect: { eligible: [outcomeFor(state, true)] },
      },
      {
        name: `${name} (paid ${penny} for 1 hour)`,
        screening,
        asOf,
        answers: stateAnswers(state, penny, 1, apprentice),
        expect: { eligible: [outcomeFor(state, false)] },
      },
    ];
  }
  if (Object.hasOwn(VALUE_OF, method) && typeof value === 'number') {
    // GOV.UK sets the accommodation cost straight on its calculator; `given` does the same. At 0
    // it is worked out from the answers (no accommodation).
    const cost = (c.calculator_state as { accommodation_cost?: number }).accommodation_cost ?? 0;
    return [
      {
        name,
        screening,
        asOf,
        answers: stateAnswers(state, state.basic_pay, state.basic_hours),
        ...(cost !== 0 && { given: { accommodation_cost: cost } }),
        expect: { values: { [VALUE_OF[method]!]: value } },
      },
    ];
  }
  if (method === 'eligible_for_living_wage') return livingWageCase(c, name, asOf, state.age);
  if (method === 'valid_age_for_living_wage') return livingWageCase(c, name, asOf, (c.args as unknown[])[0]);
  if (['historical_entitlement', 'total_entitlement'].includes(method) && typeof value === 'number') {
    // What the hours are worth at the minimum wage: pay of exactly that is enough, a penny less is not.
    const penny = Math.round((value - 0.01) * 100) / 100;
    const hours = state.basic_hours;
    return [
      {
        name: `${name} (paid ${value} for ${hours} hours)`,
        screening,
        asOf,
        answers: stateAnswers(state, value, hours),
        expect: { eligible: [outcomeFor(state, true)] },
      },
      {
        name: `${name} (paid ${penny} for ${hours} hours)`,
        screening,
        asOf,
        answers: stateAnswers(state, penny, hours),
        expect: { eligible: [outcomeFor(state, false)] },
      },
    ];
  }
  if (method === 'under_school_leaving_age' && typeof value === 'boolean') {
    const answers = {
      what_would_you_like_to_check: 'current_payment',
      are_you_an_apprentice: 'not_an_apprentice',
      how_old_are_you: state.age,
    };
    const expect = value
      ? { eligible: ['under_school_leaving_age'] }
      : { nextQuestion: 'how_often_do_you_get_paid' };
    return [{ name, screening, asOf, answers, expect }];
  }
  return undefined;
}

/** A calculator validation as an answer Guichet must accept (valid) or reject at its question. */
function validationCase(c: PeerCase, name: string, asOf: string): Record<string, unknown> | undefined {
  const question = VALIDATED[String(c.method)];
  const arg = (c.args as unknown[] | undefined)?.[0];
  if (!question || typeof c.expected.value !== 'boolean') return undefined;
  const state = c.calculator_state as CalculatorState;
  const answers: Record<string, unknown> = {
    how_often_do_you_get_paid: state.pay_frequency,
    [question]: arg,
  };
  return { name, asOf, answers, rejectedAt: c.expected.value ? null : question };
}

/** Two facts GOV.UK shows with the result: yes/no values of the screening, each with its sentences. */
const DETAIL_RULES: Record<string, Rule> = {
  national_living_wage_age: {
    any: [
      {
        all: [
          { eq: [{ question: 'what_would_you_like_to_check' }, 'current_payment'] },
          { gte: [{ question: 'how_old_are_you' }, { param: 'national_living_wage_min_age' }] },
        ],
      },
      {
        all: [
          { eq: [{ question: 'what_would_you_like_to_check' }, 'past_payment'] },
          {
            gte: [
              { question: 'how_old_were_you' },
              { param: 'national_living_wage_min_age', on: { param: LAST_YEAR } },
            ],
          },
        ],
      },
    ],
  } as Rule,
  potential_underpayment: {
    any: [
      { eq: [{ question: 'does_employer_charge_for_job_requirements' }, 'yes'] },
      { eq: [{ question: 'did_employer_charge_for_job_requirements' }, 'yes'] },
      { eq: [{ question: 'current_paid_for_work_outside_shift' }, 'no'] },
      { eq: [{ question: 'past_paid_for_work_outside_shift' }, 'no'] },
    ],
  },
};
/** GOV.UK's computed facts, by the value that holds them. */
const DETAIL_OF: Record<string, string> = {
  eligible_for_living_wage: 'national_living_wage_age',
  potential_underpayment: 'potential_underpayment',
};

interface DetailTexts {
  /** What the citizen reads for each fact, yes and no. */
  details: Record<string, { description: string; yes: string; no: string }>;
}

function detailValues(texts: DetailTexts): Array<Record<string, unknown>> {
  return Object.entries(DETAIL_RULES).map(([id, rule]) => {
    const t = texts.details[id]!;
    const says = { yes: en(t.yes), ...(t.no ? { no: en(t.no) } : {}) };
    return { id, description: t.description, rule, format: 'yes-no', says };
  });
}

/** The National Living Wage age test for an age (GOV.UK's "nil" age is an apprentice's, never asked). */
function livingWageCase(c: PeerCase, name: string, asOf: string, age: unknown): ScenarioCase[] {
  const state = c.calculator_state as CalculatorState;
  const current = state.past_or_current_payment === 'current_payment';
  const b = current ? BRANCH.current : BRANCH.past;
  const n = Number(age);
  const known = age !== 'nil' && age !== null && Number.isFinite(n);
  const answers: Record<string, unknown> = {
    what_would_you_like_to_check: b.check,
    // Ages 0 and 1 are both under 21; 0 is not a valid answer.
    ...(known
      ? { [b.apprentice]: current ? 'not_an_apprentice' : 'no', [b.age]: Math.max(1, n) }
      : { [b.apprentice]: 'apprentice_under_19' }),
  };
  const expect = { values: { national_living_wage_age: c.expected.value === true } };
  return [{ name, screening: FLOW, asOf, answers, expect }];
}

export function minimumWageSpec(texts: FlowTexts & DetailTexts, snapshot: string): RoutedFlowSpec {
  return {
    flow: FLOW,
    topic: 'minimum_wage',
    texts,
    defaultAsOf: snapshot,
    lastReviewed: snapshot,
    other: (expr) => other(expr),
    questionDetails,
    answer,
    values: [...VALUES, ...detailValues(texts)],
    otherCase: (c, helpers) => calculatorCases(c, helpers.name(c), c.as_of ?? snapshot, helpers.flow),
    endToEndExtras(c, helpers) {
      const computed = (c.expected.computed ?? {}) as Record<string, unknown>;
      return Object.entries(DETAIL_OF).flatMap(([key, value]) =>
        typeof computed[key] === 'boolean'
          ? [
              {
                name: `${helpers.name(c)}: ${key}`,
                screening: FLOW,
                asOf: c.as_of ?? snapshot,
                answers: helpers.answers(c),
                expect: { values: { [value]: computed[key] } },
              },
            ]
          : [],
      );
    },
    otherInvalid: (c, helpers) => validationCase(c, helpers.name(c), c.as_of ?? snapshot),
    async writeExtras(writer: PackWriter, flow: PeerFlow) {
      const p = periods(flow);
      const write = (id: string, description: string, unit: string | undefined, values: unknown) =>
        writer.write('parameter', id, { id, description, ...(unit ? { unit } : {}), values });
      await write(
        'minimum_wage_age_bands',
        'National Minimum Wage and National Living Wage hourly rates by age: bands from <= age < below.',
        undefined,
        dated(p, (x) => x.minimum_rates.map((r) => ({ from: r.min_age, below: r.max_age, value: r.rate }))),
      );
      await write(
        'minimum_wage_apprentice_rate',
        'The hourly rate for apprentices under 19 or in their first year.',
        'gbp',
        dated(p, (x) => x.apprentice_rate),
      );
      await write(
        'minimum_wage_accommodation_offset',
        'The most an employer can count each day for accommodation they provide.',
        'gbp',
        dated(p, (x) => x.accommodation_rate),
      );
      await write(
        'national_living_wage_min_age',
        'The age from which the National Living Wage (the top rate) applies.',
        'years',
        dated(p, (x) => (x as Period & { living_wage_min_age: number }).living_wage_min_age),
      );
      await write(
        LAST_YEAR,
        'A day in the previous rates period: "last year" for people checking past pay.',
        'date',
        [{ from: p.current.start_date, value: p.previous.start_date, source: SOURCE }],
      );
    },
  };
}
