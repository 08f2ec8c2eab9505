/**
 * What the bot and its dialogs need from the live knowledge pack, behind one small interface so
 * a hot reload can swap the pack between two turns.
 *
 * Every sentence comes from the pack's `messages/<locale>.json`; code only names the key.
 */
export interface BotContent {
  /** The pack's content hash: dialogs report it through getVersion(). */
  readonly version: string;
  /** The locales the pack speaks, `en` first. */
  readonly locales: readonly string[];
  /** The longest message the bot reads; longer ones get the `too_long` message. */
  readonly maxMessageLength: number;
  /** Button labels under the welcome message (what a citizen can start without typing). */
  readonly welcomeActions?: readonly string[];
  /** A message by key in the locale (falling back to English), with `{name}` slots filled. */
  message(key: string, locale?: string, slots?: Readonly<Record<string, string>>): string;
  /** The message in exactly this locale, or undefined: for listing what a locale offers. */
  lookup(key: string, locale: string): string | undefined;
}

/** Gives the content that is live now (it changes when the pack is reloaded). */
export interface ContentSource {
  current(): BotContent;
}

export interface MessagesByLocale {
  readonly [locale: string]: Readonly<Record<string, string>>;
}

/** Picks the pack locale for an activity's locale: "fr-BE" → "fr"; unknown → "en". */
export function packLocale(requested: string | undefined, locales: readonly string[]): string {
  const language = (requested ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return locales.includes(language) ? language : 'en';
}

/** Fills `{name}` slots; a slot with no value stays visible so a missing one is noticed in review. */
export function fillSlots(text: string, slots: Readonly<Record<string, string>> = {}): string {
  return text.replace(/\{([a-zA-Z_][a-zA-Z0-9_]*)\}/g, (whole, name: string) => slots[name] ?? whole);
}

export function messagesContent(
  version: string,
  messages: MessagesByLocale,
  maxMessageLength: number,
  welcomeActions: readonly string[] = [],
): BotContent {
  const locales = ['en', ...Object.keys(messages).filter((l) => l !== 'en')];
  return {
    version,
    locales,
    maxMessageLength,
    welcomeActions,
    message(key, locale, slots) {
      const text = messages[packLocale(locale, locales)]?.[key] ?? messages.en?.[key];
      // A missing key is a pack defect kb validate reports; the citizen still sees something sane.
      return fillSlots(text ?? key, slots);
    },
    lookup(key, locale) {
      return messages[locale]?.[key];
    },
  };
}
