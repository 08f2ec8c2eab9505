/**
 * The embedded default store: botbuilder's `Storage` over lowdb, one JSON file, so `npm start`
 * works with nothing else installed.
 *
 * - eTags give optimistic concurrency as MemoryStorage documents it: a write whose eTag is
 *   neither "*" nor the stored one fails, and nothing in that batch is written.
 * - lowdb writes through steno (a temporary file, then a rename), so a process killed in the
 *   middle of a write leaves the previous complete file, never half of one.
 */
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import type { Storage, StoreItems } from 'botbuilder';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';

interface StoreFile {
  version: 1;
  items: Record<string, Record<string, unknown> & { eTag: string }>;
}

export class ETagConflictError extends Error {
  override readonly name = 'ETagConflictError';
  constructor(readonly key: string) {
    super(`Storage: the item "${key}" was changed by someone else (stale eTag); nothing was written.`);
  }
}

export interface OpenedStore {
  storage: LowdbStorage;
  /** Set when the file on disk could not be read and was moved aside to this path. */
  movedAside?: string;
}

export class LowdbStorage implements Storage {
  private counter = 0;

  private constructor(
    private readonly db: Low<StoreFile>,
    readonly file: string,
  ) {}

  /** Opens (or creates) the store file. A file that is not valid JSON is kept aside, not lost. */
  static async open(file: string): Promise<OpenedStore> {
    await mkdir(path.dirname(file), { recursive: true });
    const fresh = (): StoreFile => ({ version: 1, items: {} });
    const db = new Low<StoreFile>(new JSONFile<StoreFile>(file), fresh());
    let movedAside: string | undefined;
    try {
      await db.read();
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      movedAside = `${file}.unreadable-${Date.now()}`;
      await rename(file, movedAside);
      db.data = fresh();
    }
    if (typeof db.data?.items !== 'object' || db.data.items === null) db.data = fresh();
    return movedAside
      ? { storage: new LowdbStorage(db, file), movedAside }
      : { storage: new LowdbStorage(db, file) };
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const item = this.db.data.items[key];
      if (item) items[key] = copy(item);
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const entries = Object.entries(changes);
    // Check every eTag before changing anything, so a conflict leaves the batch unwritten.
    for (const [key, change] of entries) {
      const stored = this.db.data.items[key];
      const eTag = (change as { eTag?: string } | undefined)?.eTag;
      if (stored && eTag && eTag !== '*' && eTag !== stored.eTag) throw new ETagConflictError(key);
    }
    for (const [key, change] of entries) {
      this.db.data.items[key] = { ...copy(change as Record<string, unknown>), eTag: this.nextETag() };
    }
    await this.db.write();
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) delete this.db.data.items[key];
    await this.db.write();
  }

  /** Waits for the last write to reach the disk (used on shutdown). */
  async flush(): Promise<void> {
    await this.db.write();
  }

  private nextETag(): string {
    this.counter += 1;
    return `${Date.now().toString(36)}-${this.counter.toString(36)}`;
  }
}

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
