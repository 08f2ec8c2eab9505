/**
 * GOV.UK's "State Pension age" flow. The legal timetable (Pensions Acts 1995 to 2014) becomes one
 * dated table parameter read by the engine's `state_pension_date` calculation. GOV.UK's derived
 * dates (State Pension date, Pension Credit qualifying date) are the screening's values: the bot
 * says them in its result, and scenarios check them to the day.
 */
import type { Rule } from '../../../bot/eligibility/rules.js';
import type { Expr } from '../lib/expr.js';
import type { PackWriter } from '../lib/pack-writer.js';
import type { PeerCase, PeerFlow } from '../lib/peer.js';
import type { FlowTexts, RoutedFlowSpec, ScenarioCase } from './routed.js';

export const FLOW = 'state-pension-age';
const TIMETABLE = 'state_pension_timetable';
const DOB = 'dob_age';
const GENDER = 'gender';
/** Born before this day, State Pension age depended on legal sex (GOV.UK's pension_age_based_on_gender). */
const EQUALISED_FROM = '1953-12-06';

interface StaticRow {
  gender: string;
  dob_from: string;
  dob_to: string;
  pension_date: string;
}
interface OffsetRow {
  gender: string;
  dob_from: string;
  dob_to: string;
  offset: { years: number; months: number };
}

/** GOV.UK's two tables (fixed dates, and ages) as one list of timetable rows, in birth-date order. */
function timetable(flow: PeerFlow): Array<Record<string, unknown>> {
  const table = (flow.tables as Record<string, { static_rows: StaticRow[]; offset_rows: OffsetRow[] }>)
    .state_pension_date_rules!;
  const rows = [
    ...table.static_rows.map((r) => ({ r, out: { date: r.pension_date } })),
    ...table.offset_rows.map((r) => ({ r, out: { years: r.offset.years, months: r.offset.months } })),
  ];
  rows.sort((a, b) => a.r.dob_from.localeCompare(b.r.dob_from) || a.r.gender.localeCompare(b.r.gender));
  return rows.map(({ r, out }) => ({
    ...(r.gender === 'both' ? {} : { sex: r.gender }),
    bornFrom: r.dob_from,
    bornTo: r.dob_to,
    ...out,
  }));
}

const dob = { question: DOB };
const pensionDate = (sex: unknown): Record<string, unknown> => ({
  calc: 'state_pension_date',
  args: { dob, timetable: { param: TIMETABLE }, ...(sex === undefined ? {} : { sex }) },
});

/** GOV.UK's derived values used in routing. */
function other(expr: Expr): Rule | undefined {
  if (expr.var === 'pension_age_based_on_gender') return { lt: [dob, EQUALISED_FROM] };
  if (expr.var === 'before_state_pension_date')
    return { lt: [{ asOf: true }, pensionDate({ question: GENDER })] } as unknown as Rule;
  return undefined;
}

/** GOV.UK's derived dates, by the screening value that holds each. */
const DATE_VALUES: Record<string, string> = {
  state_pension_date: 'state_pension_date',
  pension_credit_date: 'pension_credit_date',
  bus_pass_qualification_date: 'pension_credit_date',
};

/** A derived date as the screening's value for those answers (as at a day the birth date allows). */
function dateValue(
  name: string,
  value: string,
  answers: Record<string, unknown>,
  date: string,
  asOf: string,
): ScenarioCase {
  const given = Object.fromEntries(Object.entries(answers).filter(([k]) => k === DOB || k === GENDER));
  // Any day between the birth and the date will do (the value does not depend on it), but the
  // birth date must be one the question accepts then: within 122 years, not in the future.
  const born = typeof given[DOB] === 'string' ? given[DOB] : asOf;
  const day = date < asOf ? date : asOf;
  return {
    name,
    screening: FLOW,
    asOf: born > day ? born : day,
    answers: { which_calculation: answers.which_calculation ?? 'age', ...given },
    expect: { values: { [value]: date } },
  };
}

export function statePensionAgeSpec(texts: FlowTexts, snapshot: string): RoutedFlowSpec {
  return {
    flow: FLOW,
    topic: 'state_pension',
    texts,
    defaultAsOf: snapshot,
    lastReviewed: snapshot,
    other: (expr) => other(expr),
    values: [
      {
        id: 'state_pension_date',
        description: 'The day this person reaches State Pension age.',
        value: pensionDate({ question: GENDER }),
        format: 'date',
      },
      {
        id: 'state_pension_age',
        description: 'Their age on their State Pension date, in years, months and days.',
        value: { calc: 'age_on_date', args: { born: dob, on: { value: 'state_pension_date' } } },
        format: 'period',
      },
      {
        id: 'pension_credit_date',
        description:
          "The day this person reaches Pension Credit qualifying age (a woman's State Pension age).",
        value: pensionDate('female'),
        format: 'date',
      },
      {
        id: 'can_apply',
        description: 'They can claim their State Pension now: from 2 months before their State Pension date.',
        rule: {
          gte: [{ asOf: true }, { addPeriod: { date: { value: 'state_pension_date' }, months: -2 } }],
        },
        format: 'yes-no',
      },
    ],
    // GOV.UK takes dates of birth from 1 January of the year 122 years ago up to today.
    questionDetails: (q) =>
      q.type === 'date'
        ? { validation: { earliest: { yearsBeforeAsOf: 122, startOfYear: true }, latest: 'asOf' } }
        : {},
    async writeExtras(writer: PackWriter, flow: PeerFlow) {
      await writer.write('parameter', TIMETABLE, {
        id: TIMETABLE,
        description:
          'The State Pension timetable: rows of date-of-birth ranges (bornFrom, bornTo, both included), each with a fixed State Pension date or an age in years and months; rows with sex apply only to people born before 6 December 1953.',
        unit: 'date',
        values: [
          {
            from: '1900-01-01',
            value: timetable(flow),
            source:
              'Pensions Act 1995, 2007, 2011 and 2014, as published by GOV.UK (https://www.gov.uk/state-pension-age/y)',
          },
        ],
      });
    },
    endToEndExtras(c, helpers) {
      const computed = (c.expected.computed ?? {}) as Record<string, unknown>;
      const out: ScenarioCase[] = [];
      for (const [key, value] of Object.entries(computed)) {
        const target = DATE_VALUES[key];
        if (target && typeof value === 'string')
          out.push(
            dateValue(`${helpers.name(c)}: ${key}`, target, helpers.answers(c), value, c.as_of ?? snapshot),
          );
      }
      return out;
    },
    otherCase(c: PeerCase, helpers) {
      if (c.kind === 'derived_value') {
        const target = DATE_VALUES[String(c.predicate)];
        if (target && typeof c.expected.value === 'string') {
          return [
            dateValue(helpers.name(c), target, helpers.answers(c), c.expected.value, c.as_of ?? snapshot),
          ];
        }
        if (c.predicate === 'can_apply' && typeof c.expected.value === 'boolean') {
          const answers = { which_calculation: 'age', ...helpers.answers(c) };
          const expect = { values: { can_apply: c.expected.value } };
          return [{ name: helpers.name(c), screening: FLOW, asOf: c.as_of ?? snapshot, answers, expect }];
        }
        if (c.predicate === 'pension_age_based_on_gender') {
          // True exactly when GOV.UK goes on to ask for legal sex.
          const answers = { which_calculation: 'age', ...helpers.answers(c) };
          const expect = c.expected.value === true ? { nextQuestion: GENDER } : { nextQuestion: null };
          return [{ name: helpers.name(c), screening: FLOW, asOf: c.as_of ?? snapshot, answers, expect }];
        }
      }
      if (c.kind === 'function' && c.function === 'state_pension_age_text') {
        // GOV.UK stubs the date of birth and the State Pension date; so does `given`.
        const args = c.args as { dob: string; pension_date: string };
        const age = periodOf(String(c.expected.value));
        if (!age) return undefined;
        return [
          {
            name: helpers.name(c),
            screening: FLOW,
            asOf: c.as_of ?? snapshot,
            answers: { which_calculation: 'age', [DOB]: args.dob },
            given: { state_pension_date: args.pension_date },
            expect: { values: { state_pension_age: age } },
          },
        ];
      }
      return undefined;
    },
  };
}

/** GOV.UK's "66 years, 1 month, 2 days" as {years, months, days} (the fact, not the sentence). */
function periodOf(text: string): { years: number; months: number; days: number } | undefined {
  const out = { years: 0, months: 0, days: 0 };
  for (const part of text.split(', ')) {
    const match = /^(\d+) (year|month|day)s?$/.exec(part.trim());
    if (!match) return undefined;
    out[`${match[2]}s` as keyof typeof out] = Number(match[1]);
  }
  return out;
}
