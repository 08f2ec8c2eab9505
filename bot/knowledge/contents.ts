/**
 * A pack's files after schema validation, each value with the source it came from, so the
 * cross-reference checks can point at file:line:col. Files that failed their schema are left out, but
 * their ids are remembered so that one broken file does not also make every reference to it an error.
 */
import type { JsonPath, SourceFile } from './json-source.js';
import type {
  ConversationFile,
  ListFile,
  MessagesFile,
  ParameterFile,
  Question,
  ScenarioFile,
  ScreeningFile,
  ServiceFile,
  Settings,
  TopicsFile,
} from './types.js';

/** One value and where it sits: its file and its JSON path in that file. */
export interface Located<T> {
  value: T;
  source: SourceFile;
  path: JsonPath;
}

export interface PackContents {
  settings?: Located<Settings>;
  services: Located<ServiceFile>[];
  questions: Located<Question>[];
  parameters: Located<ParameterFile>[];
  lists: Located<ListFile>[];
  screenings: Located<ScreeningFile>[];
  topics: Located<TopicsFile>[];
  messages: Located<MessagesFile>[];
  scenarios: Located<ScenarioFile>[];
  conversations: Located<ConversationFile>[];
  /** Ids defined in files that failed their schema, by kind ('service', 'question', ...). */
  brokenIds: Map<string, Set<string>>;
}

export function emptyContents(): PackContents {
  return {
    services: [],
    questions: [],
    parameters: [],
    lists: [],
    screenings: [],
    topics: [],
    messages: [],
    scenarios: [],
    conversations: [],
    brokenIds: new Map(),
  };
}

/** The file's base name without .json: services/pension_credit.json gives pension_credit. */
export function baseName(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.json$/, '');
}
