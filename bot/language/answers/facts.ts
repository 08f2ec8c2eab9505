// Facts from a whole sentence ("I'm 70 and live in Wales") for the questions of the active
// screening. Only what the sentence states unambiguously: a value found for one question only,
// from a span no other question of the same kind also claims.
import { recogniseAnswer, type AnswerValue } from './recognise.js';
import type { AnswerType, QuestionDefinition, RecogniseOptions, Span } from './types.js';

export interface ExtractedFact {
  questionId: string;
  value: AnswerValue;
  span: Span;
}

// Which reading wins when two questions claim the same words: the more specific type.
// "70 years old" is an age before it is a number; "£200 a week" is money before a number.
const SPECIFICITY: Record<AnswerType, number> = {
  date: 0,
  money: 1,
  age: 2,
  country: 3,
  choice: 4,
  multichoice: 4,
  yesno: 5,
  number: 6,
};

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function extractFacts(
  text: string,
  locale: string,
  questions: QuestionDefinition[],
  options: RecogniseOptions = {},
): ExtractedFact[] {
  const found: (ExtractedFact & { rank: number })[] = [];
  for (const q of questions) {
    const r = recogniseAnswer(text, locale, q, { ...options, direct: false });
    if (r) found.push({ questionId: q.id, value: r.value, span: r.span, rank: SPECIFICITY[q.type] });
  }
  // Drop a fact when another question claims overlapping words: both if equally specific
  // (two money questions and one amount: we cannot tell which), else the less specific one.
  return found
    .filter((f) => !found.some((g) => g !== f && overlaps(f.span, g.span) && g.rank <= f.rank))
    .map(({ questionId, value, span }) => ({ questionId, value, span }));
}
