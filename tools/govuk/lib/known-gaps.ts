/**
 * GOV.UK cases the engine cannot reproduce yet, by case id, with what is missing. Their scenarios
 * go to cases/<flow>.known-gaps.json instead of the pack, so `guichet kb test` stays green, and
 * test/content/uk-pack.test.ts checks that they still fail (when one passes, move it back).
 * Empty today: every GOV.UK case is reproduced.
 */
export const KNOWN_GAPS: Record<string, string> = {};

/**
 * Next-question cases where Guichet deliberately asks differently: GOV.UK's form asks every
 * question on its route, Guichet skips a question no result can depend on any more. These cases
 * check GOV.UK's route (`expect.nextOnRoute`) but not the bot's own next question.
 */
export const SKIPPED_BY_DESIGN: Record<string, string> = {
  'cbfs-R003':
    'over State Pension age and working: GOV.UK asks the hours worked, but only benefits for people under State Pension age depend on them',
};

const caseId = (name: string): string => name.split(':')[0] ?? name;

export function isKnownGap(name: string): boolean {
  return Object.hasOwn(KNOWN_GAPS, caseId(name));
}

export function isSkippedByDesign(name: string): boolean {
  return Object.hasOwn(SKIPPED_BY_DESIGN, caseId(name));
}
