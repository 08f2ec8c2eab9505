/**
 * Calendar dates as `YYYY-MM-DD` strings, the form answers, parameters and `asOf` use.
 *
 * Dates are compared as strings (ISO order is calendar order) and computed on in UTC so that no
 * time zone or daylight-saving change can move a birthday. The real clock is never read here.
 */
import type { TimeUnit } from './rules.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number;
}

/** The date, or undefined when the text is not a real calendar date (2023-02-29 is not). */
export function parseIsoDate(text: string): CalendarDate | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && parseIsoDate(value) !== undefined;
}

export function formatIsoDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/**
 * Age in whole years on `on` of someone born on `born`. Someone born on 29 February has their
 * birthday on 1 March in other years: on 28 February they are not a year older yet.
 */
export function ageOn(born: CalendarDate, on: CalendarDate): number {
  return wholeYears(born, on);
}

/** Whole units from `from` to `to`; negative when `to` is earlier. */
export function timeBetween(from: CalendarDate, to: CalendarDate, unit: TimeUnit): number {
  if (compareDates(to, from) < 0) return -timeBetween(to, from, unit);
  switch (unit) {
    case 'days':
      return dayNumber(to) - dayNumber(from);
    case 'weeks':
      return Math.floor((dayNumber(to) - dayNumber(from)) / 7);
    case 'months':
      return wholeMonths(from, to);
    case 'years':
      return wholeYears(from, to);
  }
}

/**
 * Adds years and months, clamping to the end of a shorter month (31 January + 1 month is
 * 28 or 29 February), then days.
 */
export function addPeriod(date: CalendarDate, years: number, months: number, days = 0): CalendarDate {
  const monthIndex = date.year * 12 + (date.month - 1) + years * 12 + months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const clamped = { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
  return days === 0 ? clamped : fromDayNumber(dayNumber(clamped) + days);
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

function wholeMonths(from: CalendarDate, to: CalendarDate): number {
  const months = (to.year - from.year) * 12 + (to.month - from.month);
  // A month is complete on the same day of the month, or on the last day of a shorter month.
  const dayReached = to.day >= from.day || to.day === daysInMonth(to.year, to.month);
  return dayReached ? months : months - 1;
}

function wholeYears(from: CalendarDate, to: CalendarDate): number {
  const years = to.year - from.year;
  const reached = to.month > from.month || (to.month === from.month && to.day >= from.day);
  return reached ? years : years - 1;
}

/** Days since 1970-01-01, in UTC. */
function dayNumber({ year, month, day }: CalendarDate): number {
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

function fromDayNumber(n: number): CalendarDate {
  const d = new Date(n * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
