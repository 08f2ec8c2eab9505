/**
 * Cross-reference checks: every id a file names resolves, every definition is used, and the rules of
 * content the schemas cannot express (periods that overlap, a screening that never asks what its
 * services' rules need, the same utterance under two topics...). Runs only over files that passed
 * their schema, so every value has the shape its type says.
 */
import {
  operandReferenceList,
  ruleReferenceList,
  type Rule,
  type RuleReference,
} from '../eligibility/rules.js';
import { baseName, type Located, type PackContents } from './contents.js';
import { locate, type JsonPath } from './json-source.js';
import { problem, type Problem, type ProblemCode } from './problems.js';
import { didYouMean } from './suggest.js';
import type { Question } from './types.js';

export interface CrossCheckOptions {
  /** Ids of the named checks and calculations the engine registers; undefined skips that check. */
  checks?: ReadonlySet<string>;
  /** Today's date (YYYY-MM-DD), for review ages. */
  today: string;
  /** False when some file could not be read or failed its schema: then what is unused is unknowable. */
  complete?: boolean;
}

const DEFAULT_REVIEW_DAYS = 365;
/** england, wales, scotland, northern-ireland: a service in all four needs no nation question. */
const ALL_NATIONS = 4;

/** Past this many problems, hints are left out: each "did you mean" compares against every id. */
const HINT_BUDGET = 200;

class Reporter {
  readonly problems: Problem[] = [];
  at<T>(
    where: Located<T>,
    path: JsonPath,
    code: ProblemCode,
    message: string,
    hint?: string | (() => string | undefined),
    key = false,
  ): void {
    const position = locate(where.source, [...where.path, ...path], key);
    const text =
      typeof hint === 'function' ? (this.problems.length < HINT_BUDGET ? hint() : undefined) : hint;
    this.problems.push(problem(code, { file: where.source.file, ...position }, message, text));
  }
}

/** The choice ids a question accepts, or undefined when its answers are not a fixed set. */
function choiceIds(question: Question, lists: Map<string, string[]>): string[] | undefined {
  if (question.type === 'yes-no') return ['yes', 'no'];
  if (question.choices) return question.choices.map((c) => c.id);
  if (question.choicesFrom) return lists.get(question.choicesFrom);
  return undefined;
}

function normaliseUtterance(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[.!?,;:]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{([a-zA-Z_][a-zA-Z0-9_]*)\}/g)].map((m) => m[1] ?? '').sort();
}

export function crossCheck(pack: PackContents, options: CrossCheckOptions): Problem[] {
  const r = new Reporter();
  const broken = (kind: string) => pack.brokenIds.get(kind) ?? new Set<string>();
  const known = (ids: Iterable<string>, kind: string) => new Set([...ids, ...broken(kind)]);

  // ---- Definitions, ids and file names -------------------------------------------------------
  const named: Array<readonly [Located<{ id: string }>, string]> = [
    ...pack.services.map((s) => [s, 'service'] as const),
    ...pack.parameters.map((p) => [p, 'parameter'] as const),
    ...pack.screenings.map((s) => [s, 'screening'] as const),
    ...pack.lists.map((l) => [l, 'list'] as const),
  ];
  for (const [item, kind] of named) {
    const expected = baseName(item.source.file);
    if (item.value.id !== expected) {
      r.at(
        item,
        ['id'],
        'ID_MISMATCH',
        `the ${kind} id "${item.value.id}" does not match the file name ${expected}.json`,
        `rename the file to ${item.value.id}.json or set "id": "${expected}"`,
      );
    }
  }
  const localised: Array<Located<{ locale: string }>> = [...pack.topics, ...pack.messages];
  for (const item of localised) {
    const expected = baseName(item.source.file);
    if (item.value.locale !== expected) {
      r.at(
        item,
        ['locale'],
        'ID_MISMATCH',
        `the locale "${item.value.locale}" does not match the file name ${expected}.json`,
      );
    }
  }

  const questions = new Map<string, Located<Question>>();
  for (const q of pack.questions) {
    const first = questions.get(q.value.id);
    if (first) {
      r.at(
        q,
        ['id'],
        'DUPLICATE_ID',
        `question id "${q.value.id}" is already used in ${first.source.file}:${locate(first.source, [...first.path, 'id']).line}`,
      );
      continue;
    }
    questions.set(q.value.id, q);
    const choices = new Set<string>();
    q.value.choices?.forEach((c, i) => {
      if (choices.has(c.id))
        r.at(
          q,
          ['choices', i, 'id'],
          'DUPLICATE_ID',
          `question ${q.value.id} has the choice "${c.id}" twice`,
        );
      choices.add(c.id);
    });
  }
  const services = new Map(pack.services.map((s) => [s.value.id, s]));
  const parameters = new Map(pack.parameters.map((p) => [p.value.id, p]));
  const screenings = new Map(pack.screenings.map((s) => [s.value.id, s]));
  const lists = new Map(pack.lists.map((l) => [l.value.id, l.value.members]));
  const questionIds = known(questions.keys(), 'question');
  const serviceIds = known(services.keys(), 'service');
  const parameterIds = known(parameters.keys(), 'parameter');
  const screeningIds = known(screenings.keys(), 'screening');
  const listIds = known(lists.keys(), 'list');

  const used = {
    question: new Set<string>(),
    parameter: new Set<string>(),
    list: new Set<string>(),
    service: new Set<string>(),
    screening: new Set<string>(),
  };

  // ---- Rules ----------------------------------------------------------------------------------
  /** Questions each rule needs, for the NOT_ASKED check. */
  const ruleQuestions = (rule: Rule): string[] =>
    ruleReferenceList(rule)
      .filter((ref) => ref.kind === 'question')
      .map((ref) => ref.id);

  const valueIds = new Set(pack.screenings.flatMap((s) => (s.value.values ?? []).map((v) => v.id)));

  const checkRule = <T>(where: Located<T>, rulePath: JsonPath, rule: Rule, owner: string): void =>
    checkReferences(where, rulePath, ruleReferenceList(rule), owner);

  const checkReferences = <T>(
    where: Located<T>,
    rulePath: JsonPath,
    references: RuleReference[],
    owner: string,
  ): void => {
    for (const ref of references) {
      const path = [...rulePath, ...ref.path];
      switch (ref.kind) {
        case 'value':
          if (!valueIds.has(ref.id))
            r.at(
              where,
              path,
              'UNKNOWN_VALUE',
              `${owner} uses the value "${ref.id}", which no screening defines`,
              () => didYouMean(ref.id, [...valueIds]),
            );
          break;
        case 'question':
          used.question.add(ref.id);
          if (!questionIds.has(ref.id))
            r.at(
              where,
              path,
              'UNKNOWN_QUESTION',
              `${owner} uses the question "${ref.id}", which does not exist`,
              () => didYouMean(ref.id, [...questionIds]),
            );
          break;
        case 'parameter':
          used.parameter.add(ref.id);
          if (!parameterIds.has(ref.id))
            r.at(
              where,
              path,
              'UNKNOWN_PARAMETER',
              `${owner} uses the parameter "${ref.id}", which does not exist`,
              () => didYouMean(ref.id, [...parameterIds]),
            );
          break;
        case 'list':
          used.list.add(ref.id);
          if (!listIds.has(ref.id))
            r.at(
              where,
              path,
              'UNKNOWN_LIST',
              `${owner} uses the list "${ref.id}", which does not exist`,
              () => didYouMean(ref.id, [...listIds]),
            );
          break;
        case 'check':
          if (options.checks && !options.checks.has(ref.id)) {
            const registered = [...options.checks].sort();
            const near = didYouMean(ref.id, registered);
            const hint = near?.startsWith('did')
              ? `${near} registered checks: ${registered.join(', ') || 'none'}`
              : `registered checks: ${registered.join(', ') || 'none'}`;
            r.at(
              where,
              path,
              'UNKNOWN_CHECK',
              `${owner} uses the check "${ref.id}", which the engine does not provide`,
              hint,
            );
          }
          break;
        case 'choice': {
          const question = questions.get(ref.question ?? '');
          if (!question) break;
          const allowed = choiceIds(question.value, lists);
          if (allowed && !allowed.includes(ref.id)) {
            r.at(
              where,
              path,
              'UNKNOWN_CHOICE',
              `${owner} compares ${question.value.id} with "${ref.id}", which is not one of its choices`,
              () => didYouMean(ref.id, allowed),
            );
          }
          break;
        }
      }
    }
  };

  for (const s of pack.services) checkRule(s, ['rule'], s.value.rule, `the rule of ${s.value.id}`);
  // A service's texts may name a screening's value in braces: each must be one.
  for (const s of pack.services) {
    const texts: [JsonPath, Record<string, string> | undefined][] = [
      [['summary'], s.value.summary as Record<string, string>],
      ...(['eligible', 'notEligible', 'maybe'] as const).map((k): [JsonPath, Record<string, string>] => [
        ['outcomes', k],
        s.value.outcomes[k] as Record<string, string>,
      ]),
    ];
    for (const [path, text] of texts) {
      for (const [locale, words] of Object.entries(text ?? {})) {
        for (const [, id] of words.matchAll(/\{([a-zA-Z0-9_]+)\}/g)) {
          if (!valueIds.has(id!))
            r.at(
              s,
              [...path, locale],
              'UNKNOWN_VALUE',
              `${s.value.id} shows the value "{${id}}", which no screening defines`,
              () => didYouMean(id!, [...valueIds]),
            );
        }
      }
    }
  }
  const seenValues = new Set<string>();
  for (const s of pack.screenings) {
    (s.value.values ?? []).forEach((v, i) => {
      const owner = `the value ${v.id}`;
      if (seenValues.has(v.id))
        r.at(s, ['values', i, 'id'], 'DUPLICATE_ID', `the value id "${v.id}" is used twice`);
      seenValues.add(v.id);
      if (v.rule !== undefined) checkRule(s, ['values', i, 'rule'], v.rule, owner);
      if (v.value !== undefined)
        checkReferences(s, ['values', i, 'value'], operandReferenceList(v.value), owner);
    });
  }
  for (const q of questions.values()) {
    if (q.value.askIf !== undefined) checkRule(q, ['askIf'], q.value.askIf, `askIf of ${q.value.id}`);
    for (const side of ['min', 'max'] as const) {
      const bound = q.value.validation?.[side];
      if (typeof bound !== 'object') continue;
      const base = questions.get(bound.question)?.value;
      if (!base) {
        r.at(
          q,
          ['validation', side, 'question'],
          'UNKNOWN_QUESTION',
          `the ${side} of ${q.value.id} depends on the question "${bound.question}", which does not exist`,
          () => didYouMean(bound.question, [...questions.keys()]),
        );
      } else if (base.type !== 'number' && base.type !== 'money' && base.type !== 'age') {
        r.at(
          q,
          ['validation', side, 'question'],
          'NOT_A_NUMBER',
          `the ${side} of ${q.value.id} depends on ${base.id}, a ${base.type} question whose answer is not a number`,
          () => {
            const numbers = [...questions.values()]
              .map((other) => other.value)
              .filter((other) => ['number', 'money', 'age'].includes(other.type) && other.id !== q.value.id)
              .map((other) => other.id);
            return numbers.length > 0
              ? `point it at a number, money or age question: ${numbers.slice(0, 5).join(', ')}`
              : 'point it at a number, money or age question (this pack has none yet)';
          },
        );
      }
    }
    if (q.value.choicesFrom !== undefined) {
      used.list.add(q.value.choicesFrom);
      if (!listIds.has(q.value.choicesFrom))
        r.at(
          q,
          ['choicesFrom'],
          'UNKNOWN_LIST',
          `question ${q.value.id} takes its choices from the list "${q.value.choicesFrom}", which does not exist`,
          () => didYouMean(q.value.choicesFrom, [...listIds]),
        );
    }
  }

  // ---- Settings -------------------------------------------------------------------------------
  const settings = pack.settings;
  if (settings) {
    const { acceptThreshold, confirmThreshold } = settings.value.nlu;
    if (confirmThreshold > acceptThreshold) {
      r.at(
        settings,
        ['nlu', 'confirmThreshold'],
        'THRESHOLD_ORDER',
        `confirmThreshold ${confirmThreshold} is above acceptThreshold ${acceptThreshold}`,
        'the confirm band lies below the accept threshold',
      );
    }
    if (!settings.value.locales.includes('en'))
      r.at(settings, ['locales'], 'MISSING_EN', 'locales must include en');
    const nation = settings.value.eligibility?.nationQuestion;
    if (nation !== undefined) {
      used.question.add(nation);
      if (!questionIds.has(nation))
        r.at(
          settings,
          ['eligibility', 'nationQuestion'],
          'UNKNOWN_QUESTION',
          `the nation question "${nation}" does not exist`,
          () => didYouMean(nation, [...questionIds]),
        );
    }
  }

  // ---- Topics ---------------------------------------------------------------------------------
  const topicIds = new Set<string>(broken('topic'));
  const enTopics = pack.topics.find((t) => t.value.locale === 'en');
  for (const file of pack.topics) {
    const seenTopics = new Set<string>();
    const utterances = new Map<string, string>();
    const claim = (text: string, owner: string, path: JsonPath): void => {
      const key = normaliseUtterance(text);
      const first = utterances.get(key);
      if (first !== undefined && first !== owner) {
        r.at(
          file,
          path,
          'DUPLICATE_UTTERANCE',
          `"${text}" is listed under both ${first} and ${owner}`,
          'keep it under one of them only: the classifier cannot learn both',
        );
      }
      if (first === undefined) utterances.set(key, owner);
    };
    file.value.topics.forEach((topic, i) => {
      if (seenTopics.has(topic.id))
        r.at(file, ['topics', i, 'id'], 'DUPLICATE_ID', `topic id "${topic.id}" appears twice in this file`);
      seenTopics.add(topic.id);
      topicIds.add(topic.id);
      if (file !== enTopics && enTopics && !enTopics.value.topics.some((t) => t.id === topic.id)) {
        r.at(
          file,
          ['topics', i, 'id'],
          'UNKNOWN_TOPIC',
          `topic "${topic.id}" is not in topics/en.json`,
          'every topic is defined in English first',
        );
      }
      if ('screening' in topic.starts) {
        const started = topic.starts.screening;
        used.screening.add(topic.starts.screening);
        if (!screeningIds.has(topic.starts.screening))
          r.at(
            file,
            ['topics', i, 'starts', 'screening'],
            'UNKNOWN_SCREENING',
            `topic ${topic.id} starts the screening "${topic.starts.screening}", which does not exist`,
            () => didYouMean(started, [...screeningIds]),
          );
      } else {
        const started = topic.starts.service;
        used.service.add(topic.starts.service);
        if (!serviceIds.has(topic.starts.service))
          r.at(
            file,
            ['topics', i, 'starts', 'service'],
            'UNKNOWN_SERVICE',
            `topic ${topic.id} starts the service "${topic.starts.service}", which does not exist`,
            () => didYouMean(started, [...serviceIds]),
          );
      }
      topic.utterances.forEach((u, j) => claim(u, `topic ${topic.id}`, ['topics', i, 'utterances', j]));
      topic.synonyms?.forEach((u, j) => claim(u, `topic ${topic.id}`, ['topics', i, 'synonyms', j]));
    });
    const seenIntents = new Set<string>();
    file.value.intents?.forEach((intent, i) => {
      if (seenIntents.has(intent.id))
        r.at(
          file,
          ['intents', i, 'id'],
          'DUPLICATE_ID',
          `intent id "${intent.id}" appears twice in this file`,
        );
      seenIntents.add(intent.id);
      intent.utterances.forEach((u, j) => claim(u, `intent ${intent.id}`, ['intents', i, 'utterances', j]));
    });
    file.value.outOfScope?.forEach((u, j) => claim(u, 'outOfScope', ['outOfScope', j]));
  }

  // The welcome's buttons name topics (settings.conversation.welcomeTopics).
  if (settings) {
    (settings.value.conversation?.welcomeTopics ?? []).forEach((id, i) => {
      if (!topicIds.has(id))
        r.at(
          settings,
          ['conversation', 'welcomeTopics', i],
          'UNKNOWN_TOPIC',
          `the welcome topic "${id}" does not exist`,
          () => didYouMean(id, [...topicIds]),
        );
    });
  }

  // ---- Services -------------------------------------------------------------------------------
  const maxAgeDays = settings?.value.review?.maxAgeDays ?? DEFAULT_REVIEW_DAYS;
  for (const s of pack.services) {
    const id = s.value.id;
    s.value.topics?.forEach((t, i) => {
      if (!topicIds.has(t))
        r.at(
          s,
          ['topics', i],
          'UNKNOWN_TOPIC',
          `${id} names the topic "${t}", which no topics file defines`,
          () => didYouMean(t, [...topicIds]),
        );
    });
    s.value.related?.forEach((other, i) => {
      if (!serviceIds.has(other))
        r.at(
          s,
          ['related', i],
          'UNKNOWN_SERVICE',
          `${id} names the related service "${other}", which does not exist`,
          () => didYouMean(other, [...serviceIds]),
        );
    });
    if (s.value.sources.length === 0)
      r.at(
        s,
        ['sources'],
        'MISSING_SOURCE',
        `${id} has no official source`,
        'add the GOV.UK page its facts come from',
      );
    const age = daysBetween(s.value.lastReviewed, options.today);
    if (age > maxAgeDays) {
      r.at(
        s,
        ['lastReviewed'],
        'REVIEW_OVERDUE',
        `${id} was last reviewed on ${s.value.lastReviewed}, ${age} days ago (the limit is ${maxAgeDays})`,
        'check it against its sources, then update lastReviewed',
      );
    }
  }
  if (pack.services.length === 0 && !broken('service').size) {
    const at = pack.settings ?? undefined;
    const position = at ? { file: at.source.file, line: 1, col: 1 } : { file: 'services', line: 1, col: 1 };
    r.problems.push(problem('NO_SERVICES', position, 'the pack has no services', 'add a file in services/'));
  }

  // ---- Screenings -----------------------------------------------------------------------------
  for (const sc of pack.screenings) {
    const id = sc.value.id;
    sc.value.questions.forEach((q, i) => {
      used.question.add(q);
      if (!questionIds.has(q))
        r.at(
          sc,
          ['questions', i],
          'UNKNOWN_QUESTION',
          `screening ${id} asks "${q}", which does not exist`,
          () => didYouMean(q, [...questionIds]),
        );
    });
    const covered = new Set(sc.value.services);
    sc.value.services.forEach((s, i) => {
      used.service.add(s);
      if (!serviceIds.has(s))
        r.at(
          sc,
          ['services', i],
          'UNKNOWN_SERVICE',
          `screening ${id} covers "${s}", which does not exist`,
          () => didYouMean(s, [...serviceIds]),
        );
    });
    const groupIds = new Set<string>();
    sc.value.groups?.forEach((g, i) => {
      if (groupIds.has(g.id))
        r.at(sc, ['groups', i, 'id'], 'DUPLICATE_ID', `group id "${g.id}" appears twice in screening ${id}`);
      groupIds.add(g.id);
      g.services.forEach((s, j) => {
        if (!covered.has(s))
          r.at(
            sc,
            ['groups', i, 'services', j],
            'UNKNOWN_SERVICE',
            `group ${g.id} lists "${s}", which screening ${id} does not cover`,
            () => didYouMean(s, [...covered]),
          );
      });
    });
    // Every question a covered service's rule needs (and the askIf of those) must be asked here.
    const asked = new Set(sc.value.questions);
    const needed = new Map<string, string>();
    const queue: Array<[string, string]> = [];
    const nationQuestion = settings?.value.eligibility?.nationQuestion;
    for (const s of sc.value.services) {
      const service = services.get(s);
      if (!service) continue;
      for (const q of ruleQuestions(service.value.rule)) queue.push([q, s]);
      // A service that exists in some nations only needs the nation question answered too.
      if (nationQuestion !== undefined && service.value.appliesIn.nations.length < ALL_NATIONS)
        queue.push([nationQuestion, s]);
    }
    while (queue.length > 0) {
      const [q, by] = queue.shift() as [string, string];
      if (needed.has(q)) continue;
      needed.set(q, by);
      const askIf = questions.get(q)?.value.askIf;
      if (askIf !== undefined) for (const more of ruleQuestions(askIf)) queue.push([more, by]);
    }
    for (const [q, by] of needed) {
      if (!asked.has(q) && questions.has(q)) {
        r.at(
          sc,
          ['questions'],
          'NOT_ASKED',
          `${by} needs the question ${q}, which screening ${id} never asks`,
          `add "${q}" to questions`,
        );
      }
    }
  }

  // ---- Parameters: dated periods --------------------------------------------------------------
  for (const p of pack.parameters) {
    const ordered = p.value.values.map((v, i) => ({ ...v, i })).sort((a, b) => a.from.localeCompare(b.from));
    for (const v of ordered) {
      if (v.to !== undefined && v.to < v.from)
        r.at(
          p,
          ['values', v.i, 'to'],
          'DATE_ORDER',
          `the period from ${v.from} ends before it starts (${v.to})`,
        );
    }
    for (let k = 1; k < ordered.length; k++) {
      const before = ordered[k - 1];
      const after = ordered[k];
      if (!before || !after) continue;
      // A period that ends before it starts is reported once, as DATE_ORDER, not also as a gap.
      if (
        (before.to !== undefined && before.to < before.from) ||
        (after.to !== undefined && after.to < after.from)
      )
        continue;
      if (before.to === undefined || before.to >= after.from) {
        const until = before.to === undefined ? 'has no end' : `runs to ${before.to}`;
        r.at(
          p,
          ['values', after.i, 'from'],
          'PARAMETER_OVERLAP',
          `${p.value.id}: the value from ${after.from} overlaps the value from ${before.from}, which ${until}`,
          `end the earlier value on ${addDays(after.from, -1)}`,
        );
      } else if (addDays(before.to, 1) !== after.from) {
        r.at(
          p,
          ['values', after.i, 'from'],
          'PARAMETER_GAP',
          `${p.value.id}: no value from ${addDays(before.to, 1)} to ${addDays(after.from, -1)}`,
          `start this value on ${addDays(before.to, 1)}, or end the earlier one on ${addDays(after.from, -1)}`,
        );
      }
    }
  }

  // ---- Messages and translations --------------------------------------------------------------
  const enMessages = pack.messages.find((m) => m.value.locale === 'en');
  if (enMessages) {
    for (const m of pack.messages) {
      if (m === enMessages) continue;
      for (const [key, text] of Object.entries(m.value.messages)) {
        const english = enMessages.value.messages[key];
        if (english === undefined) {
          r.at(
            m,
            ['messages', key],
            'UNKNOWN_MESSAGE',
            `"${key}" is not a message in messages/en.json`,
            () => didYouMean(key, Object.keys(enMessages.value.messages)),
            true,
          );
        } else if (placeholders(english).join() !== placeholders(text).join()) {
          r.at(
            m,
            ['messages', key],
            'PLACEHOLDER_MISMATCH',
            `"${key}" has {${placeholders(text).join('}, {')}} but English has {${placeholders(english).join('}, {')}}`,
            'keep the words in braces exactly as in English',
          );
        }
      }
    }
  }

  // ---- Tests as data --------------------------------------------------------------------------
  for (const file of pack.scenarios) {
    file.value.cases.forEach((c, i) => {
      const base: JsonPath = ['cases', i];
      if (c.screening !== undefined && !screeningIds.has(c.screening))
        r.at(
          file,
          [...base, 'screening'],
          'UNKNOWN_SCREENING',
          `case "${c.name}" runs the screening "${c.screening}", which does not exist`,
          () => didYouMean(c.screening, [...screeningIds]),
        );
      if (c.service !== undefined && !serviceIds.has(c.service))
        r.at(
          file,
          [...base, 'service'],
          'UNKNOWN_SERVICE',
          `case "${c.name}" checks the service "${c.service}", which does not exist`,
          () => didYouMean(c.service, [...serviceIds]),
        );
      for (const [q, answer] of Object.entries(c.answers)) {
        const question = questions.get(q);
        if (!question) {
          if (!questionIds.has(q))
            r.at(
              file,
              [...base, 'answers', q],
              'UNKNOWN_QUESTION',
              `case "${c.name}" answers "${q}", which is not a question`,
              () => didYouMean(q, [...questionIds]),
              true,
            );
          continue;
        }
        const allowed = choiceIds(question.value, lists);
        const given = Array.isArray(answer) ? answer : typeof answer === 'string' ? [answer] : [];
        if (allowed) {
          for (const g of given) {
            if (!allowed.includes(g))
              r.at(
                file,
                [...base, 'answers', q],
                'UNKNOWN_CHOICE',
                `case "${c.name}" answers ${q} with "${g}", which is not one of its choices`,
                () => didYouMean(g, allowed),
              );
          }
        }
      }
      const e = c.expect;
      for (const key of ['eligible', 'ineligible', 'unknown'] as const) {
        e[key]?.forEach((s, j) => {
          if (!serviceIds.has(s))
            r.at(
              file,
              [...base, 'expect', key, j],
              'UNKNOWN_SERVICE',
              `case "${c.name}" expects the service "${s}", which does not exist`,
              () => didYouMean(s, [...serviceIds]),
            );
        });
      }
      if (typeof e.nextQuestion === 'string' && !questionIds.has(e.nextQuestion)) {
        r.at(
          file,
          [...base, 'expect', 'nextQuestion'],
          'UNKNOWN_QUESTION',
          `case "${c.name}" expects the question "${e.nextQuestion}", which does not exist`,
          () => didYouMean(e.nextQuestion, [...questionIds]),
        );
      }
    });
  }
  const intentIds = new Set(pack.topics.flatMap((t) => (t.value.intents ?? []).map((i) => i.id)));
  for (const file of pack.conversations) {
    file.value.conversations.forEach((conv, i) => {
      conv.turns.forEach((turn, j) => {
        const at: JsonPath = ['conversations', i, 'turns', j, 'expect'];
        const e = turn.expect;
        if (!e) return;
        if (e.message !== undefined && enMessages && enMessages.value.messages[e.message] === undefined) {
          r.at(
            file,
            [...at, 'message'],
            'UNKNOWN_MESSAGE',
            `"${conv.name}" expects the message "${e.message}", which messages/en.json does not have`,
            () => didYouMean(e.message, Object.keys(enMessages.value.messages)),
          );
        }
        if (e.asks !== undefined && !questionIds.has(e.asks))
          r.at(
            file,
            [...at, 'asks'],
            'UNKNOWN_QUESTION',
            `"${conv.name}" expects the question "${e.asks}", which does not exist`,
            () => didYouMean(e.asks, [...questionIds]),
          );
        if (e.topic !== undefined && !topicIds.has(e.topic) && !intentIds.has(e.topic))
          r.at(
            file,
            [...at, 'topic'],
            'UNKNOWN_TOPIC',
            `"${conv.name}" expects the topic "${e.topic}", which does not exist`,
            () => didYouMean(e.topic, [...topicIds, ...intentIds]),
          );
        e.eligible?.forEach((s, k) => {
          if (!serviceIds.has(s))
            r.at(
              file,
              [...at, 'eligible', k],
              'UNKNOWN_SERVICE',
              `"${conv.name}" expects the service "${s}", which does not exist`,
              () => didYouMean(s, [...serviceIds]),
            );
        });
      });
    });
  }

  // ---- Defined but never used (warnings) -------------------------------------------------------
  // A file that failed may be the one using a definition, so only a complete pack is judged.
  if (options.complete === false) return r.problems;
  for (const q of questions.values()) {
    if (!used.question.has(q.value.id))
      r.at(
        q,
        ['id'],
        'UNUSED',
        `question ${q.value.id} is never asked and no rule uses it`,
        'add it to a screening or a rule, or remove it',
      );
  }
  for (const p of pack.parameters) {
    if (!used.parameter.has(p.value.id))
      r.at(p, ['id'], 'UNUSED', `parameter ${p.value.id} is not used by any rule`);
  }
  for (const l of pack.lists) {
    if (!used.list.has(l.value.id))
      r.at(l, ['id'], 'UNUSED', `list ${l.value.id} is not used by any rule or question`);
  }
  for (const s of pack.services) {
    if (!used.service.has(s.value.id))
      r.at(
        s,
        ['id'],
        'UNUSED',
        `service ${s.value.id} is in no screening and no topic starts it`,
        'citizens cannot reach it',
      );
  }
  for (const sc of pack.screenings) {
    if (!used.screening.has(sc.value.id))
      r.at(
        sc,
        ['id'],
        'UNUSED',
        `screening ${sc.value.id} is not started by any topic`,
        'citizens cannot reach it',
      );
  }
  return r.problems;
}
