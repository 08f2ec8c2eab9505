/**
 * GOV.UK's routing (each question's ordered `next` rules) as Guichet `askIf` rules: a question is
 * asked when some path from the start reaches it. A path is a set of branch choices (question,
 * rule index); paths that differ only by taking every branch of one question merge, so a question
 * where the branches join again (carer_disability_or_health_condition after the disability
 * questions) gets no askIf at all.
 */
import type { Rule } from '../../../bot/eligibility/rules.js';
import { combine, translate, type Expr, type Translated, type TranslateContext } from './expr.js';
import type { PeerQuestion } from './peer.js';

/** One path: for each branching question passed, the index of the `next` rule taken. */
type Path = Map<string, number>;

function key(path: Path): string {
  return [...path.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([q, i]) => `${q}=${i}`)
    .join('&');
}

/** Merges paths that differ only in one question's branch when all its branches are there. */
function simplify(paths: Path[], branches: Map<string, number>): Path[] {
  let current = dedupe(paths);
  let changed = true;
  while (changed) {
    changed = false;
    for (const [q, count] of branches) {
      const groups = new Map<string, Path[]>();
      for (const p of current) {
        if (!p.has(q)) continue;
        const rest = new Map(p);
        rest.delete(q);
        const k = key(rest);
        groups.set(k, [...(groups.get(k) ?? []), p]);
      }
      for (const group of groups.values()) {
        const taken = new Set(group.map((p) => p.get(q)));
        if (taken.size === count) {
          const rest = new Map(group[0]!);
          rest.delete(q);
          current = dedupe([...current.filter((p) => !group.includes(p)), rest]);
          changed = true;
          break;
        }
      }
      if (changed) break;
    }
  }
  return current;
}

function dedupe(paths: Path[]): Path[] {
  const seen = new Map<string, Path>();
  for (const p of paths) seen.set(key(p), p);
  // A path that is a subset of another makes the longer one redundant (A or (A and B) is A).
  const all = [...seen.values()];
  return all.filter(
    (p) => !all.some((o) => o !== p && o.size < p.size && [...o].every(([q, i]) => p.get(q) === i)),
  );
}

/**
 * The askIf of every question reachable from `start`, or none when it is always asked.
 * @param ctx translates GOV.UK's `when` expressions
 */
export function routingAskIfs(
  questions: PeerQuestion[],
  start: string,
  ctx: TranslateContext,
): Map<string, Rule> {
  const out = new Map<string, Rule>();
  for (const [id, rule] of reachConditions(questions, start, ctx)) {
    if (!questions.some((q) => q.id === id)) continue;
    if (typeof rule !== 'boolean') out.set(id, rule);
  }
  return out;
}

/** Questions no route reaches (GOV.UK keeps some dead ones); they are left out of the pack. */
export function unreachable(questions: PeerQuestion[], start: string): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  const byId = new Map(questions.map((q) => [q.id, q]));
  while (queue.length > 0) {
    for (const rule of byId.get(queue.pop()!)?.next ?? []) {
      if (!seen.has(rule.goto)) {
        seen.add(rule.goto);
        queue.push(rule.goto);
      }
    }
  }
  return new Set(questions.filter((q) => !seen.has(q.id)).map((q) => q.id));
}

/** Questions with every predecessor first (GOV.UK's routes go forwards, never in a loop). */
function topological(questions: PeerQuestion[]): PeerQuestion[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const incoming = new Map(questions.map((q) => [q.id, 0]));
  for (const q of questions)
    for (const r of q.next ?? []) if (incoming.has(r.goto)) incoming.set(r.goto, incoming.get(r.goto)! + 1);
  const ready = [...questions].filter((q) => incoming.get(q.id) === 0).sort((a, b) => a.order - b.order);
  const out: PeerQuestion[] = [];
  while (ready.length > 0) {
    const q = ready.shift()!;
    out.push(q);
    for (const r of q.next ?? []) {
      if (!incoming.has(r.goto)) continue;
      const left = incoming.get(r.goto)! - 1;
      incoming.set(r.goto, left);
      if (left === 0) ready.push(byId.get(r.goto)!);
    }
  }
  if (out.length !== questions.length) throw new Error('the routes loop');
  return out;
}

/** When each node (question or outcome) is reached, as a rule (or always / never). */
export function reachConditions(
  questions: PeerQuestion[],
  start: string,
  ctx: TranslateContext,
): Map<string, Translated> {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const branches = new Map<string, number>();
  for (const q of questions) if ((q.next ?? []).length > 1) branches.set(q.id, q.next!.length);
  const reach = new Map<string, Path[]>([[start, [new Map()]]]);
  const ordered = topological(questions);
  for (const q of ordered) {
    const paths = simplify(reach.get(q.id) ?? [], branches);
    reach.set(q.id, paths);
    (q.next ?? []).forEach((rule, i) => {
      const taken = paths.map((p) => (q.next!.length > 1 ? new Map([...p, [q.id, i]]) : p));
      reach.set(rule.goto, [...(reach.get(rule.goto) ?? []), ...taken]);
    });
  }
  const out = new Map<string, Translated>();
  for (const [id, raw] of reach) {
    const paths = byId.has(id) ? raw : simplify(raw, branches);
    out.set(
      id,
      combine(
        'any',
        paths.map((p) =>
          combine(
            'all',
            [...p].map(([from, i]) => branchRule(byId.get(from)!, i, ctx)),
          ),
        ),
      ),
    );
  }
  return out;
}

/** Rule i of a question's `next` is taken when its `when` holds and no earlier one does. */
function branchRule(q: PeerQuestion, i: number, ctx: TranslateContext): Translated {
  const rules = q.next ?? [];
  const parts: Translated[] = [];
  for (let j = 0; j < i; j++) {
    const earlier = rules[j]?.when;
    if (earlier) {
      const t = translate(earlier as Expr, ctx);
      parts.push(typeof t === 'boolean' ? !t : negate(t));
    }
  }
  const when = rules[i]?.when;
  if (when) parts.push(translate(when as Expr, ctx));
  return combine('all', parts);
}

/** not(x), written the simple way for one comparison (ne rather than not-eq). */
function negate(rule: Rule): Rule {
  if ('eq' in rule && Object.keys(rule).length === 1) return { ne: rule.eq };
  if ('ne' in rule && Object.keys(rule).length === 1) return { eq: rule.ne };
  if ('in' in rule && Object.keys(rule).length === 1) return { notIn: rule.in };
  if ('notIn' in rule && Object.keys(rule).length === 1) return { in: rule.notIn };
  if ('not' in rule && Object.keys(rule).length === 1) return rule.not;
  return { not: rule };
}

/**
 * Reach conditions written locally, for flows with many branches (where whole paths would be far
 * too long): a node is reached when one of the questions leading to it has been answered (so it
 * was on the route) and the rule to it is the first that holds. Each rule then names only the
 * questions just before it; the engine follows the chain through their askIf.
 */
export function localReachConditions(
  questions: PeerQuestion[],
  start: string,
  ctx: TranslateContext,
): Map<string, Translated> {
  const incoming = new Map<string, Translated[]>();
  for (const q of questions) {
    (q.next ?? []).forEach((_, i) => {
      const goto = q.next![i]!.goto;
      const taken = combine('all', [{ answered: ctx.questionId(q.id) }, branchRule(q, i, ctx)]);
      incoming.set(goto, [...(incoming.get(goto) ?? []), taken]);
    });
  }
  const out = new Map<string, Translated>();
  out.set(start, true);
  for (const [id, parts] of incoming) if (id !== start) out.set(id, combine('any', parts));
  return out;
}

/** Question ids in route order: every question after all those that lead to it. */
export function routeOrder(questions: PeerQuestion[]): string[] {
  return topological(questions).map((q) => q.id);
}
