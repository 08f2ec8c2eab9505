/**
 * Translation coverage: for each locale, how many of the pack's citizen-facing texts it has, out of
 * the English ones. English is required (kb validate fails without it); other locales are optional
 * and only counted.
 */
import type { KnowledgePack } from './pack.js';

export interface LocaleCoverage {
  locale: string;
  translated: number;
  total: number;
}

const LOCALE_KEY = /^[a-z]{2}(-[A-Z]{2})?$/;

/** A per-locale text: an object with an en string whose keys are all locale codes. */
function isLocalText(value: object): value is Record<string, string> {
  const entries = Object.entries(value);
  return (
    typeof (value as { en?: unknown }).en === 'string' &&
    entries.every(([k, v]) => LOCALE_KEY.test(k) && typeof v === 'string')
  );
}

function collectTexts(value: unknown, out: Array<Record<string, string>>): void {
  if (value === null || typeof value !== 'object') return;
  if (!Array.isArray(value) && isLocalText(value)) {
    out.push(value);
    return;
  }
  for (const child of Object.values(value)) collectTexts(child, out);
}

export function translationCoverage(pack: KnowledgePack): LocaleCoverage[] {
  const texts: Array<Record<string, string>> = [];
  for (const group of [pack.services, pack.questions, pack.screenings, pack.lists])
    collectTexts(Object.values(group), texts);
  const enMessages = Object.keys(pack.messages.en ?? {});
  const enTopics = pack.topics.en?.topics.length ?? 0;
  return pack.locales
    .filter((l) => l !== 'en')
    .map((locale) => {
      const messages = pack.messages[locale] ?? {};
      const topics = pack.topics[locale]?.topics.length ?? 0;
      return {
        locale,
        translated:
          texts.filter((t) => t[locale] !== undefined).length +
          enMessages.filter((k) => messages[k] !== undefined).length +
          Math.min(topics, enTopics),
        total: texts.length + enMessages.length + enTopics,
      };
    });
}

export function formatCoverage(coverage: readonly LocaleCoverage[]): string {
  if (coverage.length === 0) return 'translations: English only';
  return coverage
    .map(
      (c) =>
        `translations ${c.locale}: ${c.translated}/${c.total} (${c.total === 0 ? 100 : Math.round((100 * c.translated) / c.total)}%)`,
    )
    .join('\n');
}
