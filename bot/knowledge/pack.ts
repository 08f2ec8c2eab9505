/**
 * The loaded pack: frozen, indexed by id, with the narrow view the eligibility engine evaluates over.
 * One pack object is shared by every conversation until a reload replaces it, so nothing in it may
 * change: every object is deeply frozen.
 */
import type {
  EligibilityModel,
  NamedList,
  NamedValue,
  ParameterDef,
  QuestionDef,
  QuestionType as EngineQuestionType,
  ReasonTemplates,
  ScreeningDef,
  ServiceDef,
  LocalText as EngineLocalText,
} from '../eligibility/model.js';
import type { PackContents } from './contents.js';
import { locate } from './json-source.js';
import type {
  ConversationFile,
  ListFile,
  ParameterFile,
  Question,
  QuestionType,
  ScenarioFile,
  ScreeningFile,
  ScreeningValue,
  ServiceFile,
  Settings,
  TopicsFile,
} from './types.js';

export interface KnowledgePack {
  /** The content hash (sha-256 of every file): the pack's version, reported through getVersion(). */
  readonly hash: string;
  /** The folder it was loaded from. */
  readonly dir: string;
  /** The locales the pack offers, en first. */
  readonly locales: readonly string[];
  readonly settings: Readonly<Settings>;
  readonly services: Readonly<Record<string, ServiceFile>>;
  readonly questions: Readonly<Record<string, Question>>;
  readonly parameters: Readonly<Record<string, ParameterFile>>;
  readonly lists: Readonly<Record<string, ListFile>>;
  readonly screenings: Readonly<Record<string, ScreeningFile>>;
  /** Topics and intents by locale. */
  readonly topics: Readonly<Record<string, TopicsFile>>;
  /** The bot's own sentences by locale, then by key. */
  readonly messages: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Tests as data, with the line each case starts on (for reports). */
  readonly scenarios: ReadonlyArray<{
    readonly file: string;
    readonly value: ScenarioFile;
    readonly lines: readonly number[];
  }>;
  readonly conversations: ReadonlyArray<{
    readonly file: string;
    readonly value: ConversationFile;
    readonly lines: readonly number[];
  }>;
  /** What the eligibility engine evaluates over. */
  readonly model: EligibilityModel;
}

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
}

/** A record without a prototype, so an id such as "constructor" is just an id. */
function byId<T>(items: Iterable<T>, idOf: (item: T) => string): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const item of items) out[idOf(item)] = item;
  return out;
}

// The engine knows no free-text or region type: a region with options is a choice, and a free
// answer (region by name, text) is a string compared as is, like a postcode.
function engineType(question: Question): EngineQuestionType {
  const type: QuestionType = question.type;
  if (type === 'region') return question.choices || question.choicesFrom ? 'choice' : 'postcode';
  if (type === 'text') return 'postcode';
  return type;
}

function questionDef(q: Question): QuestionDef {
  const v = q.validation;
  const validation =
    v === undefined
      ? undefined
      : {
          ...(v.min !== undefined && { min: v.min }),
          ...(v.max !== undefined && { max: v.max }),
          ...(v.integer !== undefined && { integer: v.integer }),
          ...(v.earliest !== undefined && { earliest: v.earliest }),
          ...(v.latest !== undefined && { latest: v.latest }),
          ...(v.minChoices !== undefined && { minChoices: v.minChoices }),
        };
  return {
    id: q.id,
    type: engineType(q),
    ...(q.choices && { choices: q.choices.map((c) => c.id) }),
    ...(q.choicesFrom !== undefined && { choicesFrom: q.choicesFrom }),
    ...(q.askIf !== undefined && { askIf: q.askIf }),
    ...(validation && { validation }),
  };
}

function serviceDef(s: ServiceFile): ServiceDef {
  return {
    id: s.id,
    name: (s.name ?? s.title) as EngineLocalText,
    rule: s.rule,
    nations: s.appliesIn.nations,
    ...(s.notChecked && { notChecked: s.notChecked as EngineLocalText[] }),
  };
}

function screeningDef(s: ScreeningFile): ScreeningDef {
  return {
    id: s.id,
    questions: s.questions,
    services: s.services,
    ...(s.groups && { groups: s.groups as ScreeningDef['groups'] }),
    ...(s.values && { values: s.values.map((v) => v.id) }),
  };
}

function namedValue(v: ScreeningValue): NamedValue {
  return {
    id: v.id,
    ...(v.value !== undefined && { value: v.value }),
    ...(v.rule !== undefined && { rule: v.rule }),
  };
}

/** Reason frames come from the messages files: reason_eligible, reason_ineligible, reason_unknown, reason_and. */
function reasonTemplates(messages: Record<string, Record<string, string>>): ReasonTemplates | undefined {
  const text = (key: string): EngineLocalText | undefined => {
    const en = messages.en?.[key];
    if (en === undefined) return undefined;
    const out: Record<string, string> = { en };
    for (const [locale, table] of Object.entries(messages))
      if (table[key] !== undefined) out[locale] = table[key];
    return out as unknown as EngineLocalText;
  };
  const eligible = text('reason_eligible');
  const ineligible = text('reason_ineligible');
  const and = text('reason_and');
  if (!eligible || !ineligible || !and) return undefined;
  const unknown = text('reason_unknown');
  return { eligible, ineligible, and, ...(unknown && { unknown }) };
}

/** Builds the pack from contents that passed every check. */
export function buildPack(dir: string, hash: string, contents: PackContents): KnowledgePack {
  const settings = contents.settings?.value as Settings;
  const messages = Object.create(null) as Record<string, Record<string, string>>;
  for (const m of contents.messages) messages[m.value.locale] = m.value.messages;
  const topics = byId(
    contents.topics.map((t) => t.value),
    (t) => t.locale,
  );
  const locales = ['en', ...settings.locales.filter((l) => l !== 'en')];
  const questions = contents.questions.map((q) => q.value);
  const services = contents.services.map((s) => s.value);
  const parameters = contents.parameters.map((p) => p.value);
  const lists = contents.lists.map((l) => l.value);
  const screenings = contents.screenings.map((s) => s.value);

  const model: EligibilityModel = {
    questions: new Map(questions.map((q) => [q.id, questionDef(q)])),
    services: new Map(services.map((s) => [s.id, serviceDef(s)])),
    screenings: new Map(screenings.map((s) => [s.id, screeningDef(s)])),
    parameters: new Map<string, ParameterDef>(parameters.map((p) => [p.id, { id: p.id, values: p.values }])),
    lists: new Map<string, NamedList>(lists.map((l) => [l.id, { id: l.id, members: l.members }])),
    values: new Map(screenings.flatMap((s) => (s.values ?? []).map((v) => [v.id, namedValue(v)] as const))),
    ...(settings.eligibility?.nationQuestion !== undefined && {
      nationQuestion: settings.eligibility.nationQuestion,
    }),
    ...(reasonTemplates(messages) && { reasonTemplates: reasonTemplates(messages) }),
  };
  const pack: KnowledgePack = {
    hash,
    dir,
    locales,
    settings,
    services: byId(services, (s) => s.id),
    questions: byId(questions, (q) => q.id),
    parameters: byId(parameters, (p) => p.id),
    lists: byId(lists, (l) => l.id),
    screenings: byId(screenings, (s) => s.id),
    topics,
    messages,
    scenarios: contents.scenarios.map((s) => ({
      file: s.source.file,
      value: s.value,
      lines: s.value.cases.map((_, i) => locate(s.source, ['cases', i]).line),
    })),
    conversations: contents.conversations.map((c) => ({
      file: c.source.file,
      value: c.value,
      lines: c.value.conversations.map((_, i) => locate(c.source, ['conversations', i]).line),
    })),
    model,
  };
  // Maps cannot be frozen against set(); their values can, and the type offers only ReadonlyMap.
  for (const map of [model.questions, model.services, model.screenings, model.parameters, model.lists]) {
    for (const value of map.values()) deepFreeze(value);
  }
  return deepFreeze(pack);
}
