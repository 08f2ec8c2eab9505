/**
 * Hot reload: watch a pack folder, and after each burst of edits load and validate it again. A valid
 * pack is handed on; a broken one is handed on as a refusal with its problems, and the caller keeps
 * serving the pack it has. Loads never overlap: edits that arrive during a load cause one more load.
 */
import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { LAYOUT } from './layout.js';
import { loadPack, type LoadOptions } from './loader.js';
import type { KnowledgePack } from './pack.js';
import { problem, type Problem } from './problems.js';

export interface PackChange {
  /** The new pack, when the edit is valid. */
  pack?: KnowledgePack;
  /** Its problems: warnings for a valid pack, errors (and warnings) for a refused one. */
  problems: Problem[];
}

export interface WatchOptions extends LoadOptions {
  /** Quiet time after the last file event before reloading (editors save in several writes). */
  debounceMs?: number;
  /**
   * The hash of the pack the caller already serves. Without it the watcher loads the pack once
   * to learn it, and an edit saved during that first load would be taken as "no change".
   */
  initialHash?: string;
}

const DEFAULT_DEBOUNCE_MS = 300;

/** Starts watching; returns a function that stops. */
export function watchPack(
  dir: string,
  onChange: (change: PackChange) => void,
  options: WatchOptions = {},
): () => void {
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  let timer: NodeJS.Timeout | undefined;
  let loading = false;
  let again = false;
  let stopped = false;
  let lastHash: string | undefined = options.initialHash;
  let lastRefused = false;

  const deliver = (change: PackChange): void => {
    try {
      onChange(change);
    } catch {
      // The caller's handler failing must not stop the watch.
    }
  };

  const reload = async (): Promise<void> => {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    try {
      do {
        again = false;
        const result = await loadPack(dir, options);
        if (stopped) return;
        if (result.pack) {
          // An event that changed nothing (a touch, a save without edits) is not news.
          if (result.pack.hash === lastHash && !lastRefused) continue;
          lastHash = result.pack.hash;
          lastRefused = false;
          deliver({ pack: result.pack, problems: result.problems });
        } else {
          lastRefused = true;
          deliver({ problems: result.problems });
        }
      } while (again && !stopped);
    } finally {
      loading = false;
    }
  };

  const schedule = (): void => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void reload(), debounceMs);
  };

  const onError = (error: Error): void => {
    deliver({
      problems: [
        problem(
          'FILE_UNREADABLE',
          { file: '.', line: 1, col: 1 },
          `watching ${dir} failed: ${error.message}`,
        ),
      ],
    });
  };

  const watchers: FSWatcher[] = [];
  try {
    watchers.push(watch(dir, { recursive: true }, schedule).on('error', onError));
  } catch {
    // No recursive watch here: watch the top and each pack folder that exists.
    for (const folder of ['', ...LAYOUT.map((l) => l.folder).filter((f) => f !== '')]) {
      try {
        watchers.push(watch(join(dir, folder), schedule).on('error', onError));
      } catch {
        // A folder the pack does not have.
      }
    }
  }
  // The first load tells the starting hash when the caller did not.
  if (lastHash === undefined) {
    void loadPack(dir, options).then((result) => {
      if (result.pack && lastHash === undefined) lastHash = result.pack.hash;
    });
  }

  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    for (const w of watchers) w.close();
  };
}
