/**
 * A screening's values as the citizen reads them ("6 September 2031", "£187.46", "66 years,
 * 1 month"), and service texts with those values filled in. Every word comes from the pack's
 * messages; this file only picks the message and the language's number and date forms.
 */
import type { BotContent } from '../../bot/content.js';
import { valuesOf, type Assessment, type Value } from '../../bot/eligibility/index.js';
import type { KnowledgePack, ScreeningValue } from '../../bot/knowledge/index.js';
import { localise } from '../answers.js';

/** The language tag for writing dates and numbers in a locale ({"en": "en-GB"} in settings). */
export function formatTag(pack: KnowledgePack, locale: string): string {
  return pack.settings.formats?.[locale] ?? locale;
}

/** Each of the screening's values that is known, written out, by id. */
export function shownValues(
  pack: KnowledgePack,
  assessment: Assessment,
  locale: string,
  content: BotContent,
): Record<string, string> {
  const defined = pack.screenings[assessment.id]?.values ?? [];
  const worked = valuesOf(
    assessment.context,
    defined.map((v) => v.id),
  );
  const out: Record<string, string> = {};
  for (const definition of defined) {
    const value = worked[definition.id];
    if (value === undefined || value === null) continue;
    const text = formatValue(pack, definition, value, locale, content);
    if (text !== undefined) out[definition.id] = text;
  }
  return out;
}

export function formatValue(
  pack: KnowledgePack,
  definition: Pick<ScreeningValue, 'format' | 'says'>,
  value: Value,
  locale: string,
  content: BotContent,
): string | undefined {
  // A yes/no value with its own sentences shows the sentence (or nothing).
  if (definition.says && typeof value === 'boolean') {
    const said = definition.says[value ? 'yes' : 'no'];
    return said ? localise(said, locale) : '';
  }
  const tag = formatTag(pack, locale);
  const format = definition.format ?? guessFormat(value);
  switch (format) {
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? new Intl.DateTimeFormat(tag, {
            day: 'numeric',
            month: 'long',
            year: 'numeric',
            timeZone: 'UTC',
          }).format(new Date(`${value}T00:00:00Z`))
        : undefined;
    case 'money':
      return typeof value === 'number'
        ? content.message('money_amount', locale, {
            amount: new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
              value,
            ),
          })
        : undefined;
    case 'number':
      return typeof value === 'number' ? new Intl.NumberFormat(tag).format(value) : undefined;
    case 'yes-no':
      return typeof value === 'boolean' ? content.message(value ? 'yes' : 'no', locale) : undefined;
    case 'period':
      return formatPeriod(value, tag, locale, content);
  }
}

function guessFormat(value: Value): NonNullable<ScreeningValue['format']> {
  if (typeof value === 'boolean') return 'yes-no';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'date';
  return 'period';
}

/** "66 years, 1 month": the parts that are not 0, each in the language's plural form. */
function formatPeriod(value: Value, tag: string, locale: string, content: BotContent): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const period = value as Record<string, unknown>;
  const plural = new Intl.PluralRules(tag);
  const parts: string[] = [];
  for (const unit of ['years', 'months', 'days'] as const) {
    const n = period[unit];
    if (typeof n !== 'number' || n === 0) continue;
    const category = plural.select(n) === 'one' ? 'one' : 'other';
    parts.push(
      content.message(`period_${unit}_${category}`, locale, { n: new Intl.NumberFormat(tag).format(n) }),
    );
  }
  if (parts.length === 0) {
    parts.push(content.message('period_days_other', locale, { n: new Intl.NumberFormat(tag).format(0) }));
  }
  return parts.join(', ');
}

/**
 * Fills `{value_id}` in a text. A sentence naming a value that is not known is left out rather
 * than shown with a hole in it; braces that name no value of the screening stay as written.
 */
export function fillValues(
  text: string,
  values: Readonly<Record<string, string>>,
  defined: readonly string[],
): string {
  if (!text.includes('{')) return text;
  const sentences = text.split(/(?<=[.!?])\s+/);
  return sentences
    .filter((sentence) =>
      [...sentence.matchAll(/\{([a-z0-9_]+)\}/g)].every(
        ([, id]) => !defined.includes(id!) || values[id!] !== undefined,
      ),
    )
    .map((sentence) =>
      sentence.replace(/\{([a-z0-9_]+)\}/g, (whole, id: string) => values[id] ?? whole).trim(),
    )
    .filter(Boolean)
    .join(' ');
}
