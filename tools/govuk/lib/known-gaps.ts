/**
 * GOV.UK cases the engine cannot reproduce yet, by case id, with what is missing. Their scenarios
 * go to cases/<flow>.known-gaps.json instead of the pack, so `guichet kb test` stays green, and
 * test/content/uk-pack.test.ts checks that they still fail (when one passes, move it back).
 */
export const KNOWN_GAPS: Record<string, string> = {
  'cbfs-R003': 'GOV.UK asks how_many_paid_hours_work although no benefit can depend on it any more',
};

export function isKnownGap(name: string): boolean {
  return Object.hasOwn(KNOWN_GAPS, name.split(':')[0] ?? name);
}
