/**
 * Test packs: the minimal valid pack in test/fixtures/knowledge/minimal, copied to a temporary folder
 * with a broken fixture laid over it. A broken fixture holds only the files that differ, plus
 * remove.txt (files to delete) and expected.txt (the exact validator output), which are not copied.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/knowledge/', import.meta.url));
export const MINIMAL = join(FIXTURES, 'minimal');
export const BROKEN = join(FIXTURES, 'broken');
export const DEFAULT_PACK = fileURLToPath(new URL('../../../knowledge/', import.meta.url));
/** A fixed "today" so review ages do not change with the calendar. */
export const TODAY = '2026-11-23';
/** A fixed registry of named checks, so fixtures do not change when the engine adds one. */
export const CHECKS = ['band_value', 'pay_covers_rate', 'state_pension_date'];

const NOT_COPIED = new Set(['remove.txt', 'expected.txt']);

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'guichet-kb-'));
}

export function copyMinimal(): string {
  const dir = tempDir();
  cpSync(MINIMAL, dir, { recursive: true });
  return dir;
}

export function brokenFixtures(): string[] {
  return readdirSync(BROKEN)
    .filter((name) => statSync(join(BROKEN, name)).isDirectory())
    .sort();
}

/** The minimal pack with one broken fixture laid over it, in a fresh temporary folder. */
export function packWith(fixture: string): string {
  const dir = copyMinimal();
  const overlay = join(BROKEN, fixture);
  cpSync(overlay, dir, { recursive: true, filter: (src) => !NOT_COPIED.has(src.slice(overlay.length + 1)) });
  const removeList = join(overlay, 'remove.txt');
  if (existsSync(removeList)) {
    for (const file of readFileSync(removeList, 'utf8').split('\n').filter(Boolean)) rmSync(join(dir, file));
  }
  return dir;
}

export function expectedOutput(fixture: string): string {
  return readFileSync(join(BROKEN, fixture, 'expected.txt'), 'utf8').trimEnd();
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
