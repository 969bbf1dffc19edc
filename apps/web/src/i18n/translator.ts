import { DICTIONARIES, type Key, type Language, LANGUAGES, type Plural } from './dictionary';

/** The language chosen with the switch, else the browser's first language we speak, else English. */
export function initialLanguage(stored: string | null, browser: readonly string[]): Language {
  if (stored && (LANGUAGES as string[]).includes(stored)) return stored as Language;
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if ((LANGUAGES as string[]).includes(base)) return base as Language;
  }
  return 'en';
}

export interface Translator {
  language: Language;
  /** The string for `key`; plural entries pick their form by `values.count`. */
  t(key: Key, values?: Record<string, string | number>): string;
  date(value: Date | string, style?: 'long' | 'short'): string;
  number(value: number): string;
  setLanguage(language: Language): void;
}

/**
 * Builds a translator for one language: plain functions, so they can be tested without a browser.
 * Dates and numbers follow the browser's own regional variant when it is of the same language
 * (en-GB writes "1 December"), else the language itself.
 */
export function translator(language: Language, setLanguage: (language: Language) => void = () => undefined, browser: readonly string[] = []): Translator {
  const locale = browser.find((tag) => tag.toLowerCase().split('-')[0] === language) ?? language;
  const plural = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const dates = {
    long: new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' }),
    short: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', year: 'numeric' }),
  };
  const dictionary = DICTIONARIES[language];
  return {
    language,
    setLanguage,
    t(key, values = {}) {
      const entry = dictionary[key] as string | Plural;
      const text = typeof entry === 'string' ? entry : plural.select(Number(values.count ?? 0)) === 'one' ? entry.one : entry.other;
      return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? (typeof values[name] === 'number' ? numbers.format(values[name] as number) : String(values[name])) : whole));
    },
    date: (value, style = 'long') => dates[style].format(typeof value === 'string' ? new Date(value) : value),
    number: (value) => numbers.format(value),
  };
}
