// Our locales → the recognizers' cultures. Dutch numbers and dates are not supported by the
// suite (it quietly falls back to English), so Dutch has its own fallback in dutch.ts.
export function cultureOf(locale: string): string {
  switch (locale) {
    case 'fr':
      return 'fr-fr';
    case 'nl':
      return 'nl-nl';
    default:
      return 'en-us';
  }
}

/** Locales where the suite understands numbers, ages, money and dates. */
export function suiteReadsNumbers(locale: string): boolean {
  return locale === 'en' || locale === 'fr';
}
