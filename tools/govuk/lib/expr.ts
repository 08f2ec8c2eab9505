/**
 * GOV.UK's flow expressions (the `expression_language` of a peer flow file) turned into
 * Guichet's rule language. Only the boolean forms are translated here; arithmetic and dates
 * belong to named checks. A constant true or false is folded away, because the rule language
 * has no literal truth (GOV.UK's `none_of: []` is always true).
 */
import type { Rule } from '../../../bot/eligibility/rules.js';

export type Expr = Record<string, unknown>;

/** A translated expression: a rule, or a constant when GOV.UK's form is always true or false. */
export type Translated = Rule | boolean;

export interface TranslateContext {
  /** Named predicates (`{"ref": NAME}`), inlined. */
  predicates?: Record<string, Expr>;
  /** GOV.UK question id to Guichet question id (GOV.UK ids may hold `?` or capitals). */
  questionId: (govukId: string) => string;
  /** GOV.UK option id to Guichet choice id for a question. */
  choiceId?: (govukQuestion: string, option: string) => string;
  /** Forms that are not boolean field tests (`cmp`, `var`...), translated by the flow's own code. */
  other?: (expr: Expr) => Translated | undefined;
}

export function translate(expr: Expr, ctx: TranslateContext): Translated {
  if ('all' in expr)
    return combine(
      'all',
      (expr.all as Expr[]).map((e) => translate(e, ctx)),
    );
  if ('any' in expr)
    return combine(
      'any',
      (expr.any as Expr[]).map((e) => translate(e, ctx)),
    );
  if ('not' in expr) {
    const inner = translate(expr.not as Expr, ctx);
    return typeof inner === 'boolean' ? !inner : { not: inner };
  }
  if ('ref' in expr) {
    const name = String(expr.ref);
    const target = ctx.predicates?.[name];
    if (!target) throw new Error(`unknown predicate ${name}`);
    return translate(target, ctx);
  }
  if ('field' in expr) return field(expr, ctx);
  const other = ctx.other?.(expr);
  if (other !== undefined) return other;
  throw new Error(`cannot translate ${JSON.stringify(expr)}`);
}

function field(expr: Expr, ctx: TranslateContext): Translated {
  const govuk = String(expr.field);
  const question = { question: ctx.questionId(govuk) };
  const choice = (v: unknown): string => (ctx.choiceId ? ctx.choiceId(govuk, String(v)) : String(v));
  const choices = (vs: unknown): string[] => (vs as unknown[]).map(choice);
  if ('eq' in expr) return { eq: [question, literal(expr.eq, choice)] };
  if ('ne' in expr) return { ne: [question, literal(expr.ne, choice)] };
  if ('in' in expr) return { in: [question, choices(expr.in)] };
  if ('not_in' in expr) return { notIn: [question, choices(expr.not_in)] };
  if ('any_of' in expr) {
    const wanted = choices(expr.any_of);
    return wanted.length === 0 ? false : { includes: [question, wanted] };
  }
  if ('none_of' in expr) {
    const unwanted = choices(expr.none_of);
    return unwanted.length === 0 ? true : { not: { includes: [question, unwanted] } };
  }
  if ('in_set' in expr) return { in: [question, { list: String(expr.in_set).toLowerCase() }] };
  if ('answered' in expr) {
    const answered: Rule = { answered: question.question };
    return expr.answered === true ? answered : { not: answered };
  }
  throw new Error(`cannot translate field test ${JSON.stringify(expr)}`);
}

function literal(value: unknown, choice: (v: unknown) => string): string | number | boolean {
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return choice(value);
}

/** all / any over translated parts, folding constants. */
export function combine(op: 'all' | 'any', parts: Translated[]): Translated {
  const decisive = op === 'all' ? false : true;
  if (parts.some((p) => p === decisive)) return decisive;
  const rules = parts.filter((p): p is Rule => typeof p !== 'boolean');
  if (rules.length === 0) return !decisive;
  if (rules.length === 1) return rules[0]!;
  // Flatten nested nodes of the same kind: any[a, any[b, c]] reads better as any[a, b, c].
  const flat = rules.flatMap((r) =>
    op in r && Object.keys(r).length === 1 ? ((r as unknown as Record<string, Rule[]>)[op] ?? []) : [r],
  );
  return op === 'all' ? { all: flat } : { any: flat };
}
