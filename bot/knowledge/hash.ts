/** The pack's version: a sha-256 over every file's path and text, in path order. */
import { createHash } from 'node:crypto';

export function contentHash(files: ReadonlyArray<{ file: string; text: string }>): string {
  const hash = createHash('sha256');
  for (const { file, text } of [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    hash.update(file).update('\0').update(text).update('\0');
  }
  return hash.digest('hex');
}
