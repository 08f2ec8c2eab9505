/**
 * The TypeScript types in bot/knowledge/types.ts stay in step with the JSON Schemas: each table below
 * must name exactly the type's keys (the compiler checks that through `satisfies`), and this test
 * checks that the schema has exactly the same properties, and the same required ones.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  Choice,
  Conversation,
  ConversationFile,
  ConversationTurn,
  DatedValue,
  ListFile,
  MessagesFile,
  ParameterFile,
  Question,
  QuestionValidation,
  QuestionsFile,
  ScenarioCase,
  ScenarioExpect,
  ScenarioFile,
  ScreeningFile,
  ScreeningGroup,
  ScreeningValue,
  ServiceFile,
  Settings,
  Topic,
  TopicsFile,
  Intent,
} from '../../../bot/knowledge/types.js';
import { DEFAULT_PACK } from './fixture-pack.js';

/** true for a required key, false for an optional one: `satisfies` makes the compiler check both. */
type KeyTable<T> = { [K in keyof Required<T>]: undefined extends T[K] ? false : true };

interface SchemaObject {
  properties?: Record<string, SchemaObject>;
  required?: string[];
  items?: SchemaObject;
  $defs?: Record<string, SchemaObject>;
  $ref?: string;
}

function schema(file: string): SchemaObject {
  return JSON.parse(readFileSync(join(DEFAULT_PACK, 'schema', file), 'utf8')) as SchemaObject;
}

/** Follows a path of property names (and [] for array items) through a schema, resolving local $refs. */
function at(root: SchemaObject, path: string[]): SchemaObject {
  let node = root;
  for (const step of path) {
    while (node.$ref?.startsWith('#/$defs/')) node = root.$defs?.[node.$ref.slice(8)] ?? {};
    node = step === '[]' ? (node.items ?? {}) : (node.properties?.[step] ?? {});
  }
  while (node.$ref?.startsWith('#/$defs/')) node = root.$defs?.[node.$ref.slice(8)] ?? {};
  return node;
}

const tables: Array<[string, string, string[], Record<string, boolean>]> = [
  [
    'ServiceFile',
    'service.schema.json',
    [],
    {
      $schema: true,
      id: true,
      kind: false,
      name: false,
      title: true,
      summary: true,
      description: false,
      whoCanGet: false,
      howToApply: true,
      documents: false,
      cost: false,
      appliesIn: true,
      rule: true,
      outcomes: true,
      sources: true,
      lastReviewed: true,
      topics: false,
      related: false,
      lifeEvents: false,
      notChecked: false,
    } satisfies KeyTable<ServiceFile>,
  ],
  [
    'ServiceFile.howToApply',
    'service.schema.json',
    ['howToApply'],
    { url: true, phone: false, steps: false } satisfies KeyTable<ServiceFile['howToApply']>,
  ],
  [
    'ServiceFile.outcomes',
    'service.schema.json',
    ['outcomes'],
    { eligible: true, notEligible: true, maybe: true } satisfies KeyTable<ServiceFile['outcomes']>,
  ],
  [
    'ServiceFile.appliesIn',
    'service.schema.json',
    ['appliesIn'],
    { nations: true, regions: false } satisfies KeyTable<ServiceFile['appliesIn']>,
  ],
  [
    'QuestionsFile',
    'questions.schema.json',
    [],
    { $schema: true, questions: true } satisfies KeyTable<QuestionsFile>,
  ],
  [
    'Question',
    'questions.schema.json',
    ['questions', '[]'],
    {
      id: true,
      type: true,
      prompt: true,
      help: false,
      why: false,
      choices: false,
      choicesFrom: false,
      validation: false,
      periods: false,
      fromAge: false,
      personalData: false,
      askIf: false,
    } satisfies KeyTable<Question>,
  ],
  [
    'Choice',
    'questions.schema.json',
    ['questions', '[]', 'choices', '[]'],
    { id: true, label: true, synonyms: false } satisfies KeyTable<Choice>,
  ],
  [
    'QuestionValidation',
    'questions.schema.json',
    ['questions', '[]', 'validation'],
    {
      min: false,
      max: false,
      integer: false,
      earliest: false,
      latest: false,
      minChoices: false,
      maxLength: false,
    } satisfies KeyTable<QuestionValidation>,
  ],
  [
    'ParameterFile',
    'parameter.schema.json',
    [],
    {
      $schema: true,
      id: true,
      description: true,
      unit: false,
      values: true,
    } satisfies KeyTable<ParameterFile>,
  ],
  [
    'DatedValue',
    'parameter.schema.json',
    ['values', '[]'],
    { from: true, to: false, value: true, source: true } satisfies KeyTable<DatedValue>,
  ],
  [
    'ListFile',
    'list.schema.json',
    [],
    {
      $schema: true,
      id: true,
      description: false,
      members: true,
      labels: false,
      sources: false,
    } satisfies KeyTable<ListFile>,
  ],
  [
    'ScreeningFile',
    'screening.schema.json',
    [],
    {
      $schema: true,
      id: true,
      title: true,
      intro: true,
      lifeEvent: false,
      questions: true,
      services: true,
      groups: false,
      values: false,
      outcomes: true,
    } satisfies KeyTable<ScreeningFile>,
  ],
  [
    'ScreeningValue',
    'screening.schema.json',
    ['values', '[]'],
    {
      id: true,
      description: false,
      value: false,
      rule: false,
      format: false,
      says: false,
    } satisfies KeyTable<ScreeningValue>,
  ],
  [
    'ScreeningGroup',
    'screening.schema.json',
    ['groups', '[]'],
    { id: true, title: true, services: true } satisfies KeyTable<ScreeningGroup>,
  ],
  [
    'ScreeningFile.outcomes',
    'screening.schema.json',
    ['outcomes'],
    { someEligible: true, noneEligible: true, someUnknown: false, guidance: false } satisfies KeyTable<
      ScreeningFile['outcomes']
    >,
  ],
  [
    'TopicsFile',
    'topics.schema.json',
    [],
    {
      $schema: true,
      locale: true,
      topics: true,
      intents: false,
      outOfScope: false,
    } satisfies KeyTable<TopicsFile>,
  ],
  [
    'Topic',
    'topics.schema.json',
    ['topics', '[]'],
    { id: true, utterances: true, synonyms: false, starts: true } satisfies KeyTable<Topic>,
  ],
  [
    'Intent',
    'topics.schema.json',
    ['intents', '[]'],
    { id: true, utterances: true } satisfies KeyTable<Intent>,
  ],
  [
    'MessagesFile',
    'messages.schema.json',
    [],
    { $schema: true, locale: true, messages: true } satisfies KeyTable<MessagesFile>,
  ],
  [
    'Settings',
    'settings.schema.json',
    [],
    {
      $schema: true,
      locales: true,
      nlu: true,
      formats: false,
      review: false,
      conversation: false,
      eligibility: false,
    } satisfies KeyTable<Settings>,
  ],
  [
    'Settings.nlu',
    'settings.schema.json',
    ['nlu'],
    { acceptThreshold: true, confirmThreshold: true, minInScopeShare: false } satisfies KeyTable<
      Settings['nlu']
    >,
  ],
  [
    'ScenarioFile',
    'scenario.schema.json',
    [],
    { $schema: true, description: false, cases: true } satisfies KeyTable<ScenarioFile>,
  ],
  [
    'ScenarioCase',
    'scenario.schema.json',
    ['cases', '[]'],
    {
      name: true,
      screening: false,
      service: false,
      asOf: true,
      answers: true,
      given: false,
      expect: true,
    } satisfies KeyTable<ScenarioCase>,
  ],
  [
    'ScenarioExpect',
    'scenario.schema.json',
    ['cases', '[]', 'expect'],
    {
      outcome: false,
      eligible: false,
      ineligible: false,
      unknown: false,
      nextQuestion: false,
      nextOnRoute: false,
      values: false,
    } satisfies KeyTable<ScenarioExpect>,
  ],
  [
    'ConversationFile',
    'conversation.schema.json',
    [],
    { $schema: true, description: false, conversations: true } satisfies KeyTable<ConversationFile>,
  ],
  [
    'Conversation',
    'conversation.schema.json',
    ['conversations', '[]'],
    { name: true, locale: false, asOf: false, turns: true } satisfies KeyTable<Conversation>,
  ],
  [
    'ConversationTurn',
    'conversation.schema.json',
    ['conversations', '[]', 'turns', '[]'],
    { user: true, expect: false } satisfies KeyTable<ConversationTurn>,
  ],
];

describe('knowledge types match the JSON Schemas', () => {
  for (const [name, file, path, table] of tables) {
    it(`${name} ↔ ${file}${path.length ? ` at ${path.join('.')}` : ''}`, () => {
      const node = at(schema(file), path);
      expect(Object.keys(node.properties ?? {}).sort(), 'properties').to.deep.equal(
        Object.keys(table).sort(),
      );
      const required = Object.entries(table)
        .filter(([, isRequired]) => isRequired)
        .map(([key]) => key)
        .sort();
      expect([...(node.required ?? [])].sort(), 'required properties').to.deep.equal(required);
    });
  }

  it('every schema in knowledge/schema/ is draft 2020-12 and has an $id equal to its file name', () => {
    for (const file of [
      'common',
      'service',
      'questions',
      'parameter',
      'list',
      'screening',
      'topics',
      'messages',
      'settings',
      'scenario',
      'conversation',
    ]) {
      const s = schema(`${file}.schema.json`) as SchemaObject & { $schema?: string; $id?: string };
      expect(s.$schema, file).to.equal('https://json-schema.org/draft/2020-12/schema');
      expect(s.$id, file).to.equal(`${file}.schema.json`);
    }
  });
});
