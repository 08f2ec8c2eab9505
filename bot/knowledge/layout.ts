/**
 * Where each kind of file lives in a pack, and which schema it follows. One concern per file: the
 * folder says what a file is, its "$schema" lets VS Code complete and check it.
 */

export type FileKind =
  | 'settings'
  | 'service'
  | 'questions'
  | 'parameter'
  | 'list'
  | 'screening'
  | 'topics'
  | 'messages'
  | 'scenario'
  | 'conversation';

export interface KindLayout {
  kind: FileKind;
  /** The folder holding files of this kind, or '' for a file at the top of the pack. */
  folder: string;
  schema: string;
}

export const LAYOUT: readonly KindLayout[] = [
  { kind: 'settings', folder: '', schema: 'settings.schema.json' },
  { kind: 'service', folder: 'services', schema: 'service.schema.json' },
  { kind: 'questions', folder: 'questions', schema: 'questions.schema.json' },
  { kind: 'parameter', folder: 'parameters', schema: 'parameter.schema.json' },
  { kind: 'list', folder: 'lists', schema: 'list.schema.json' },
  { kind: 'screening', folder: 'screenings', schema: 'screening.schema.json' },
  { kind: 'topics', folder: 'topics', schema: 'topics.schema.json' },
  { kind: 'messages', folder: 'messages', schema: 'messages.schema.json' },
  { kind: 'scenario', folder: 'scenarios', schema: 'scenario.schema.json' },
  { kind: 'conversation', folder: 'conversations', schema: 'conversation.schema.json' },
];

/** Files and folders at the top of a pack that the loader leaves alone. */
export const IGNORED_AT_TOP = new Set(['schema', 'README.md', '.DS_Store', '.gitkeep']);

export const SETTINGS_FILE = 'settings.json';

/** Limits that keep a mistaken pack (a 10 MB file, 10,000 files) from stalling the server. */
export const LIMITS = {
  maxFiles: 2000,
  maxFileBytes: 1024 * 1024,
};

export function layoutOf(kind: FileKind): KindLayout {
  const found = LAYOUT.find((l) => l.kind === kind);
  if (!found) throw new Error(`no layout for ${kind}`);
  return found;
}

/** The "$schema" value a file in this folder should carry, relative to the file. */
export function expectedSchemaRef(kind: FileKind): string {
  const { folder, schema } = layoutOf(kind);
  return folder === '' ? `schema/${schema}` : `../schema/${schema}`;
}
