// A small Dutch fallback where @microsoft/recognizers-text-suite 1.3.1 gives nothing: number
// words (including compounds like "zevenenzestig"), digits with Dutch separators, and dates in
// words ("3 maart 1955"; dates in figures, "03-03-1955", are numeric-dates.ts's, for every
// locale). It is deliberately small; see the README of this folder.
import type { Span } from './types.js';

const UNITS: Record<string, number> = {
  nul: 0,
  een: 1,
  één: 1,
  twee: 2,
  drie: 3,
  vier: 4,
  vijf: 5,
  zes: 6,
  zeven: 7,
  acht: 8,
  negen: 9,
  tien: 10,
  elf: 11,
  twaalf: 12,
  dertien: 13,
  veertien: 14,
  vijftien: 15,
  zestien: 16,
  zeventien: 17,
  achttien: 18,
  negentien: 19,
};
const TENS: Record<string, number> = {
  twintig: 20,
  dertig: 30,
  veertig: 40,
  vijftig: 50,
  zestig: 60,
  zeventig: 70,
  tachtig: 80,
  negentig: 90,
};

/** Parses one Dutch number word ("zevenenzestig", "honderdtwintig", "tweeduizend"), or undefined. */
export function dutchNumberWord(word: string): number | undefined {
  const w = word.toLowerCase().normalize('NFC');
  if (w.length === 0) return undefined;
  const thousand = w.indexOf('duizend');
  if (thousand >= 0) {
    const head = w.slice(0, thousand);
    const tail = w.slice(thousand + 'duizend'.length);
    const h = head === '' ? 1 : dutchNumberWord(head);
    const t = tail === '' ? 0 : dutchNumberWord(tail);
    return h === undefined || t === undefined ? undefined : h * 1000 + t;
  }
  const hundred = w.indexOf('honderd');
  if (hundred >= 0) {
    const head = w.slice(0, hundred);
    const tail = w.slice(hundred + 'honderd'.length);
    const h = head === '' ? 1 : UNITS[head];
    const t = tail === '' ? 0 : dutchNumberWord(tail);
    return h === undefined || t === undefined ? undefined : h * 100 + t;
  }
  if (w in UNITS) return UNITS[w];
  if (w in TENS) return TENS[w];
  const m =
    /^(een|één|twee|drie|vier|vijf|zes|zeven|acht|negen)[eë]n(twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)$/.exec(
      w,
    );
  if (m) return (UNITS[m[1] as string] as number) + (TENS[m[2] as string] as number);
  return undefined;
}

/** Numbers in Dutch text: digits ("1.250,50", "67") and number words; each with its span. */
export function dutchNumbers(text: string): { value: number; span: Span }[] {
  const out: { value: number; span: Span }[] = [];
  const re = /\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?|[\p{L}]+/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const token = m[0];
    let value: number | undefined;
    if (/^\d/.test(token)) value = Number(token.replace(/\./g, '').replace(',', '.'));
    else value = dutchNumberWord(token);
    if (value !== undefined && Number.isFinite(value)) {
      out.push({ value, span: { start: m.index, end: m.index + token.length, text: token } });
    }
  }
  return out;
}

const MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

/** Dutch dates in words: "3 maart 1955", "3 mrt 1955". ISO date strings out. */
export function dutchDates(text: string): { value: string; span: Span }[] {
  const out: { value: string; span: Span }[] = [];
  const iso = (y: number, m: number, d: number): string | undefined => {
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCMonth() === m - 1 && date.getUTCDate() === d
      ? date.toISOString().slice(0, 10)
      : undefined;
  };
  const words = /\b(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})\b/gi;
  for (let m = words.exec(text); m; m = words.exec(text)) {
    const name = (m[2] as string).toLowerCase();
    const month = MONTHS.findIndex((mo) => mo === name || (name.length >= 3 && mo.startsWith(name)));
    const value = month >= 0 ? iso(Number(m[3]), month + 1, Number(m[1])) : undefined;
    if (value) out.push({ value, span: { start: m.index, end: m.index + m[0].length, text: m[0] } });
  }
  return out;
}
