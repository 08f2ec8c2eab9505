/**
 * How easy the pack's English texts are to read, for `guichet kb validate --report`.
 *
 * Each text gets a reading age from the Flesch-Kincaid grade level:
 *   grade = 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59
 *   reading age = grade + 5 (a US school grade is roughly the age in years minus 5), never under 5.
 * The target is reading age 9 or under (UK plain-English guidance for public services).
 *
 * Official names (every service's title and `name`, and the capitalised phrases inside them, such as
 * "Employment and Support Allowance" in "New Style Employment and Support Allowance (ESA)") count as
 * one short word: a citizen must meet the name anyway, so it should not make a text "hard". A
 * `{placeholder}` counts the same way, as it is filled with a name or a value.
 *
 * Pure: plain data in, plain data out.
 */
import type { LocalText, Question, ScreeningFile, ServiceFile } from './types.js';

/** One English text a citizen reads, and where it is: its file and its path in that file. */
export interface PackText {
  where: string;
  text: string;
}

export interface TextScore extends PackText {
  words: number;
  sentences: number;
  syllables: number;
  /** Flesch-Kincaid grade, rounded to one decimal. */
  grade: number;
  /** grade + 5, never under 5, rounded to one decimal. */
  readingAge: number;
}

export interface ReadabilityReport {
  count: number;
  /** Texts at reading age TARGET_READING_AGE or under. */
  plain: number;
  median: number;
  /**
   * All the texts read as one document (Flesch-Kincaid over their words, sentences and syllables
   * together): the formula is meant for running text, and a six-word label alone scores harshly.
   */
  overall: number;
  /** The hardest texts first. */
  hardest: TextScore[];
}

/** The pack as far as readability needs it (a KnowledgePack fits). */
export interface ReadablePack {
  services: Readonly<Record<string, ServiceFile>>;
  questions: Readonly<Record<string, Question>>;
  screenings: Readonly<Record<string, ScreeningFile>>;
  messages: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export const TARGET_READING_AGE = 9;
/** Texts shorter than this (labels, names, "Goodbye.") say too little to score: the formula is for prose. */
export const MIN_WORDS = 4;
const HARDEST_SHOWN = 20;
const SHOWN_CHARS = 120;
/** What an official name or a placeholder becomes before counting: one word of one syllable. */
const NAME_WORD = 'Name';

// ---------------------------------------------------------------------------------------------
// Syllables

/**
 * Syllables in one English word, by a heuristic (no dictionary):
 * - a word without letters (a number, an amount) and an all-capital abbreviation (UK, NHS, GOV.UK)
 *   count as one: readers take them in whole;
 * - otherwise count the groups of vowels (a e i o u y), after dropping a silent final "e" (make,
 *   because; but not the "-le" of table, people), a final "-es" or "-ed" that adds no syllable
 *   (lives, lived; but not boxes, pages, needed, wanted, tables, disabled), and a leading "y" (yes);
 * - never fewer than one.
 * It is right for most everyday words and within one for most long ones, which is enough to rank texts.
 */
export function countSyllables(word: string): number {
  const letters = word.replace(/[^A-Za-z]/g, '');
  if (letters === '') return 1;
  if (letters.length > 1 && letters === letters.toUpperCase()) return 1;
  let w = letters.toLowerCase();
  if (w.length <= 3) return 1;
  const syllabicL = /[bcdfgkptvz]l(?:ed|es)$/.test(w); // disabled, tables: the "le" is heard
  if (/[^aeiouy]ed$/.test(w) && !/[td]ed$/.test(w) && !syllabicL) w = w.slice(0, -2);
  else if (/[^aeiouy]es$/.test(w) && !/(?:[sxzcg]|ch|sh)es$/.test(w) && !syllabicL) w = w.slice(0, -2);
  else if (/e$/.test(w) && !/[^aeiouy]le$/.test(w)) w = w.slice(0, -1);
  w = w.replace(/^y/, '');
  return Math.max(1, (w.match(/[aeiouy]+/g) ?? []).length);
}

// ---------------------------------------------------------------------------------------------
// Official names

const CONNECTORS = new Set(['and', 'of', 'for', 'to', 'the']);
const isCapitalised = (word: string): boolean => /^[A-Z]/.test(word);

/**
 * The capitalised phrases of two or more words inside a title (connectors such as "and" may sit
 * between them): "Industrial Injuries Disablement Benefit while living abroad" gives "Industrial
 * Injuries Disablement Benefit", "Injuries Disablement Benefit", and so on.
 */
function capitalisedPhrases(title: string): string[] {
  const words = title
    .replace(/\([^)]*\)/g, ' ')
    .split(/[\s:,]+/)
    .filter(Boolean);
  const phrases: string[] = [];
  for (let start = 0; start < words.length; start++) {
    if (!isCapitalised(words[start] ?? '')) continue;
    let capitals = 1;
    for (let end = start + 1; end < words.length; end++) {
      const word = words[end] ?? '';
      if (isCapitalised(word)) {
        capitals++;
        if (capitals >= 2) phrases.push(words.slice(start, end + 1).join(' '));
      } else if (!CONNECTORS.has(word)) break;
    }
  }
  return phrases;
}

/** The pack's official names, longest first (so the longest one present is the one replaced). */
export function officialNames(services: Readonly<Record<string, ServiceFile>>): string[] {
  const names = new Set<string>();
  for (const service of Object.values(services)) {
    for (const text of [service.title.en, service.name?.en]) {
      if (text === undefined) continue;
      names.add(text);
      for (const phrase of capitalisedPhrases(text)) names.add(phrase);
    }
  }
  return [...names].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whole-word patterns for the names, made once per list (a report scores a thousand texts). */
const patternCache = new WeakMap<readonly string[], RegExp[]>();

function namePatterns(names: readonly string[]): RegExp[] {
  let patterns = patternCache.get(names);
  if (patterns === undefined) {
    patterns = names.map((name) => {
      // A name with capitals only at its start (Free school meals) also matches in lower case.
      const flags = /^[A-Za-z][^A-Z]*$/.test(name) ? 'gi' : 'g';
      return new RegExp(`(?<![\\w'’])${escapeRegExp(name)}(?![\\w'’])`, flags);
    });
    patternCache.set(names, patterns);
  }
  return patterns;
}

/** The text with each official name and {placeholder} replaced by one short word. */
function withNamesAsWords(text: string, names: readonly string[]): string {
  let out = text.replace(/\{[^}]*\}/g, NAME_WORD);
  for (const pattern of namePatterns(names)) out = out.replace(pattern, NAME_WORD);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Scoring

/** Sentences end at . ! ? followed by a space or the end (so GOV.UK and £150.50 do not), and at a line break. */
function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])["'”’)]*\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => /[A-Za-z0-9]/.test(s));
}

/**
 * Words are the pieces between spaces that have a letter or a digit. A link counts as one short
 * word; a hyphenated word counts as its parts (long-term is two easy words, not one long one).
 */
function wordsOf(sentence: string): string[] {
  return sentence
    .split(/\s+/)
    .flatMap((w) => (/^https?:\/\//.test(w) ? [NAME_WORD] : w.split(/(?<=[A-Za-z])[-‑–](?=[A-Za-z])/)))
    .filter((w) => /[A-Za-z0-9]/.test(w));
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** A text's counts and reading age, with the official names counted as one short word each. */
export function scoreText(text: string, names: readonly string[] = []): Omit<TextScore, 'where' | 'text'> {
  const sentences = sentencesOf(withNamesAsWords(text, names));
  const words = sentences.flatMap(wordsOf);
  const syllables = words.reduce((sum, w) => sum + countSyllables(w), 0);
  if (words.length === 0) return { words: 0, sentences: 0, syllables: 0, grade: 0, readingAge: 5 };
  const grade = 0.39 * (words.length / sentences.length) + 11.8 * (syllables / words.length) - 15.59;
  return {
    words: words.length,
    sentences: sentences.length,
    syllables,
    grade: round1(grade),
    readingAge: round1(Math.max(5, grade + 5)),
  };
}

// ---------------------------------------------------------------------------------------------
// The pack's texts

function add(out: PackText[], where: string, text: LocalText | undefined): void {
  if (text !== undefined) out.push({ where, text: text.en });
}

function serviceTexts(service: ServiceFile, out: PackText[]): void {
  const at = `services/${service.id}.json`;
  add(out, `${at} summary`, service.summary);
  add(out, `${at} description`, service.description);
  add(out, `${at} whoCanGet`, service.whoCanGet);
  for (const key of ['eligible', 'notEligible', 'maybe'] as const)
    add(out, `${at} outcomes.${key}`, service.outcomes[key]);
  service.notChecked?.forEach((t, i) => add(out, `${at} notChecked[${i}]`, t));
  service.howToApply.steps?.forEach((t, i) => add(out, `${at} howToApply.steps[${i}]`, t));
  service.documents?.forEach((t, i) => add(out, `${at} documents[${i}]`, t));
  add(out, `${at} cost`, service.cost);
}

function questionTexts(question: Question, file: string, out: PackText[]): void {
  const at = `${file} ${question.id}`;
  add(out, `${at}.prompt`, question.prompt);
  add(out, `${at}.help`, question.help);
  add(out, `${at}.why`, question.why);
  for (const choice of question.choices ?? []) add(out, `${at}.choices.${choice.id}`, choice.label);
}

function screeningTexts(screening: ScreeningFile, out: PackText[]): void {
  const at = `screenings/${screening.id}.json`;
  add(out, `${at} intro`, screening.intro);
  for (const [key, text] of Object.entries(screening.outcomes)) add(out, `${at} outcomes.${key}`, text);
  for (const value of screening.values ?? []) {
    add(out, `${at} values.${value.id}.says.yes`, value.says?.yes);
    add(out, `${at} values.${value.id}.says.no`, value.says?.no);
  }
}

/**
 * Every citizen-facing English text of the pack except titles (which are mostly official names),
 * and messages for the web widget's buttons (`widget.*`). The report then leaves out texts under
 * MIN_WORDS words once official names count as one word ("Pension Credit", "Yes, I have retired").
 * `questionFiles` gives the file each question id is in (questions/x.json); without it, questions/.
 */
export function citizenTexts(
  pack: ReadablePack,
  questionFiles: Readonly<Record<string, string>> = {},
): PackText[] {
  const out: PackText[] = [];
  for (const service of Object.values(pack.services)) serviceTexts(service, out);
  for (const question of Object.values(pack.questions))
    questionTexts(question, questionFiles[question.id] ?? 'questions/', out);
  for (const screening of Object.values(pack.screenings)) screeningTexts(screening, out);
  for (const [key, text] of Object.entries(pack.messages.en ?? {}))
    if (!key.startsWith('widget.')) out.push({ where: `messages/en.json ${key}`, text });
  return out;
}

function median(sorted: readonly number[]): number {
  if (sorted.length === 0) return 0;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : round1(((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2);
}

export function readabilityReport(
  pack: ReadablePack,
  questionFiles: Readonly<Record<string, string>> = {},
  hardestShown = HARDEST_SHOWN,
): ReadabilityReport {
  const names = officialNames(pack.services);
  const scores = citizenTexts(pack, questionFiles)
    .map((t) => ({ ...t, ...scoreText(t.text, names) }))
    .filter((s) => s.words >= MIN_WORDS);
  const ages = scores.map((s) => s.readingAge).sort((a, b) => a - b);
  const hardest = [...scores]
    .sort((a, b) => b.readingAge - a.readingAge || a.where.localeCompare(b.where))
    .slice(0, hardestShown);
  const words = scores.reduce((n, s) => n + s.words, 0);
  const sentences = scores.reduce((n, s) => n + s.sentences, 0);
  const syllables = scores.reduce((n, s) => n + s.syllables, 0);
  const grade = words === 0 ? 0 : 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
  return {
    count: scores.length,
    plain: ages.filter((a) => a <= TARGET_READING_AGE).length,
    median: median(ages),
    overall: round1(Math.max(5, grade + 5)),
    hardest,
  };
}

function trimmed(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= SHOWN_CHARS ? flat : `${flat.slice(0, SHOWN_CHARS - 1).trimEnd()}…`;
}

export function formatReadability(report: ReadabilityReport): string {
  const share = report.count === 0 ? 0 : Math.round((100 * report.plain) / report.count);
  return [
    `readability (English; reading age = Flesch-Kincaid grade + 5; official names count as one short word):`,
    `  ${report.count} texts, ${report.plain} (${share}%) at reading age ${TARGET_READING_AGE} or under, median ${report.median.toFixed(1)}; all texts read together: reading age ${report.overall.toFixed(1)}`,
    `  the ${report.hardest.length} hardest:`,
    ...report.hardest.map(
      (s) => `  ${s.readingAge.toFixed(1).padStart(5)}  ${s.where}\n         "${trimmed(s.text)}"`,
    ),
  ].join('\n');
}
