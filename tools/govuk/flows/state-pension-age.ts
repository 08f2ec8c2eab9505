/**
 * GOV.UK's "State Pension age" flow. The legal timetable (Pensions Acts 1995 to 2014) becomes one
 * dated table parameter read by the engine's `state_pension_date` calculation. GOV.UK's derived
 * dates (State Pension date, Pension Credit qualifying date) are checked as "date reached" services:
 * a date D is right when the service is reached on D and not on the day before.
 */
import type { Rule } from '../../../bot/eligibility/rules.js';
import type { Expr } from '../lib/expr.js';
import { addDays } from '../lib/dates.js';
import type { PackWriter } from '../lib/pack-writer.js';
import type { PeerCase, PeerFlow } from '../lib/peer.js';
import { en } from '../lib/texts.js';
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

const DATE_SERVICES: Record<string, { id: string; sex?: unknown }> = {
  state_pension_date: { id: 'state_pension_date_reached', sex: { question: GENDER } },
  pension_credit_date: { id: 'pension_credit_age_reached', sex: 'female' },
  bus_pass_qualification_date: { id: 'pension_credit_age_reached', sex: 'female' },
};

/** A date value D as two cases: the service is reached on D, and not the day before. */
function dateReached(
  name: string,
  service: string,
  answers: Record<string, unknown>,
  date: string,
): ScenarioCase[] {
  const given = Object.fromEntries(
    Object.entries(answers).filter(([k]) => k === DOB || k === GENDER || k === 'where_do_you_live'),
  );
  return [
    {
      name: `${name} (reached on ${date})`,
      service,
      asOf: date,
      answers: given,
      expect: { outcome: 'eligible' },
    },
    {
      name: `${name} (not reached on ${addDays(date, -1)})`,
      service,
      asOf: addDays(date, -1),
      answers: given,
      expect: { outcome: 'ineligible' },
    },
  ];
}

export function statePensionAgeSpec(
  texts: FlowTexts & { dateServices: Record<string, { title: string; summary: string }> },
  snapshot: string,
): RoutedFlowSpec {
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
      for (const [key, t] of Object.entries(texts.dateServices)) {
        const spec = Object.values(DATE_SERVICES).find((d) => d.id === key)!;
        await writer.write('service', key, {
          id: key,
          title: en(t.title),
          summary: en(t.summary),
          howToApply: { url: flow.gov_uk_url },
          appliesIn: { nations: ['england', 'wales', 'scotland', 'northern-ireland'] },
          rule: { gte: [{ asOf: true }, pensionDate(spec.sex)] },
          outcomes: {
            eligible: en(`${t.title}: yes.`),
            notEligible: en(`${t.title}: not yet.`),
            maybe: en(`${t.title}: I need your date of birth to work this out.`),
          },
          sources: [{ title: flow.title, url: flow.gov_uk_url }],
          lastReviewed: snapshot,
          topics: ['state_pension'],
        });
      }
      await writer.write('screening', 'state-pension-dates', {
        id: 'state-pension-dates',
        title: en('Your State Pension and Pension Credit dates'),
        intro: en('I will ask for your date of birth, and in some cases your sex, to work out your dates.'),
        questions: ['which_calculation', DOB, GENDER],
        services: Object.keys(texts.dateServices),
        outcomes: {
          someEligible: en('You have reached:'),
          noneEligible: en('You have not reached these dates yet.'),
          someUnknown: en('I need a bit more to work these out:'),
        },
      });
    },
    endToEndExtras(c, helpers) {
      const computed = (c.expected.computed ?? {}) as Record<string, unknown>;
      const out: ScenarioCase[] = [];
      for (const [key, value] of Object.entries(computed)) {
        const target = DATE_SERVICES[key];
        if (target && typeof value === 'string')
          out.push(...dateReached(`${helpers.name(c)}: ${key}`, target.id, helpers.answers(c), value));
      }
      return out;
    },
    otherCase(c: PeerCase, helpers) {
      if (c.kind === 'derived_value') {
        const target = DATE_SERVICES[String(c.predicate)];
        if (target && typeof c.expected.value === 'string') {
          return dateReached(helpers.name(c), target.id, helpers.answers(c), c.expected.value);
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
