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
  /** When each item was last written (ms since 1970), so idle state can be forgotten. */
  written?: Record<string, number>;
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
    private readonly now: () => number,
  ) {}

  /** Opens (or creates) the store file. A file that is not valid JSON is kept aside, not lost. */
  static async open(file: string, now: () => number = Date.now): Promise<OpenedStore> {
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
    db.data.written ??= {};
    const storage = new LowdbStorage(db, file, now);
    return movedAside ? { storage, movedAside } : { storage };
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
    const written = this.written();
    for (const [key, change] of entries) {
      this.db.data.items[key] = { ...copy(change as Record<string, unknown>), eTag: this.nextETag() };
      written[key] = this.now();
    }
    await this.db.write();
  }

  async delete(keys: string[]): Promise<void> {
    const written = this.written();
    for (const key of keys) {
      delete this.db.data.items[key];
      delete written[key];
    }
    await this.db.write();
  }

  /**
   * Forgets items nobody has written for `idleMilliseconds`: a citizen's answers are kept for
   * their conversation, not for ever. Resolves to how many went.
   */
  /**
   * Forgets items not written for `idleMilliseconds`, except those that say themselves how long
   * to keep them (`expiresAt`, ms since 1970: answers kept with consent), which go when that passes.
   */
  async expireIdle(idleMilliseconds: number): Promise<number> {
    const now = this.now();
    const cutoff = now - idleMilliseconds;
    const written = this.written();
    const stale = Object.entries(this.db.data.items)
      .filter(([key, item]) =>
        typeof item.expiresAt === 'number' ? item.expiresAt <= now : (written[key] ?? 0) < cutoff,
      )
      .map(([key]) => key);
    if (stale.length > 0) await this.delete(stale);
    return stale.length;
  }

  /** Waits for the last write to reach the disk (used on shutdown). */
  async flush(): Promise<void> {
    await this.db.write();
  }

  private written(): Record<string, number> {
    this.db.data.written ??= {};
    return this.db.data.written;
  }

  private nextETag(): string {
    this.counter += 1;
    return `${Date.now().toString(36)}-${this.counter.toString(36)}`;
  }
}

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
