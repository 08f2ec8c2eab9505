/** "Did you mean ...?": the closest known name to a misspelt one, when it is close enough. */

function distance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0] ?? 0;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(above + 1, (previous[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length] ?? 0;
}

/** The closest candidate within a third of the word's length (at least 2 edits), or undefined. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const allowed = Math.max(2, Math.floor(word.length / 3));
  return bestDistance <= allowed ? best : undefined;
}

/** A hint line: "did you mean x?" or, failing that, the first few valid names. */
export function didYouMean(
  word: string | null | undefined,
  candidates: readonly string[],
  listLimit = 8,
): string | undefined {
  if (typeof word !== 'string') return undefined;
  const near = closest(word, candidates);
  if (near !== undefined) return `did you mean ${near}?`;
  if (candidates.length === 0) return undefined;
  const shown = [...candidates].sort().slice(0, listLimit);
  const more = candidates.length > listLimit ? `, … (${candidates.length} in all)` : '';
  return `known: ${shown.join(', ')}${more}`;
}
