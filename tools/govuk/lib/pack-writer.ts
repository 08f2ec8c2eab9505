/**
 * Writes pack files: each JSON file gets the "$schema" that points at knowledge/schema/ from
 * where it is written, so the same converter can write a staging pack (tools/govuk/uk-pack/)
 * or the default pack (knowledge/) and VS Code finds the schemas in both.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { LAYOUT, type FileKind } from '../../../bot/knowledge/layout.js';

/** Files are written as the repository's formatter would write them, so `prettier --check` passes. */
async function pretty(path: string, body: unknown): Promise<string> {
  const options = (await resolveConfig(path)) ?? {};
  return format(JSON.stringify(body), { ...options, parser: 'json', filepath: path });
}

// The loader's own table of where each kind of file lives and which schema it follows.
export type Kind = FileKind;
const SCHEMA_FILE = Object.fromEntries(LAYOUT.map((l) => [l.kind, l.schema])) as Record<Kind, string>;
const FOLDER = Object.fromEntries(LAYOUT.map((l) => [l.kind, l.folder])) as Record<Kind, string>;

export class PackWriter {
  private readonly written = new Set<string>();

  /**
   * @param outDir the pack folder
   * @param schemaPrefix the path from a file in a pack sub-folder (services/, questions/...) to the
   *   schema folder, such as `../schema` for knowledge/ or `../../../../knowledge/schema` for
   *   tools/govuk/uk-pack/. Files at the top of the pack (settings.json) get one `../` less.
   */
  constructor(
    readonly outDir: string,
    readonly schemaPrefix: string,
    /** Where cases the scenario format cannot hold yet are written (see tools/govuk/README.md). */
    readonly extraDir: string,
  ) {}

  /** Empties the pack folder's own sub-folders (never schema/ or README.md). */
  async clean(): Promise<void> {
    for (const folder of new Set(Object.values(FOLDER))) {
      if (folder !== '') await rm(join(this.outDir, folder), { recursive: true, force: true });
    }
  }

  schemaRef(kind: Kind): string {
    const file = SCHEMA_FILE[kind];
    if (FOLDER[kind] !== '') return `${this.schemaPrefix}/${file}`;
    const top = this.schemaPrefix.startsWith('../') ? this.schemaPrefix.slice(3) : this.schemaPrefix;
    return `${top}/${file}`;
  }

  /** Writes `<folder>/<name>.json`, with "$schema" first. */
  async write(kind: Kind, name: string, body: Record<string, unknown>): Promise<void> {
    const folder = FOLDER[kind];
    const relative = folder === '' ? `${name}.json` : `${folder}/${name}.json`;
    if (this.written.has(relative)) throw new Error(`${relative} written twice`);
    this.written.add(relative);
    const path = join(this.outDir, relative);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, await pretty(path, { $schema: this.schemaRef(kind), ...body }), 'utf8');
  }

  /** Writes a file outside the pack (cases the pack's scenario format cannot express yet). */
  async writeExtra(name: string, body: Record<string, unknown>): Promise<void> {
    const path = join(this.extraDir, name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, await pretty(path, body), 'utf8');
  }

  get files(): number {
    return this.written.size;
  }
}
