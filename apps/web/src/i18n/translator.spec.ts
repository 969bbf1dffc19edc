import { DICTIONARIES, en, fi } from './dictionary';
import { initialLanguage, translator } from './translator';

describe('the fi/en dictionary', () => {
  it('has every key in both languages, and the same placeholders in each', () => {
    expect(Object.keys(fi).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (entry: unknown) => [...JSON.stringify(entry).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as Array<keyof typeof en>) expect([key, placeholders(fi[key])]).toEqual([key, placeholders(en[key])]);
  });

  it('picks plural forms by Intl.PluralRules and writes numbers the language’s way', () => {
    const english = translator('en');
    const finnish = translator('fi');
    expect(english.t('mine.count', { count: 1 })).toBe('1 interaction');
    expect(english.t('mine.count', { count: 2 })).toBe('2 interactions');
    expect(finnish.t('mine.count', { count: 1 })).toBe('1 kirjaus');
    expect(finnish.t('mine.count', { count: 1500 })).toBe('1\u00a0500 kirjausta');
    expect(finnish.number(0.25)).toBe('0,25');
    expect(english.number(0.25)).toBe('0.25');
  });

  it('formats dates for the language, in the browser’s regional variant when it matches', () => {
    const day = new Date(2026, 11, 1, 12);
    expect(translator('fi').date(day)).toBe('ti 1. joulukuuta 2026');
    expect(translator('en', undefined, ['en-GB']).date(day)).toBe('Tue, 1 December 2026');
    expect(translator('en', undefined, ['fi-FI']).date(day)).toBe('Tue, December 1, 2026');
  });
});

describe('choosing the language', () => {
  it('uses the switch’s choice, else the browser’s first language we speak, else English', () => {
    expect(initialLanguage('fi', ['en-US'])).toBe('fi');
    expect(initialLanguage(null, ['sv-FI', 'fi-FI', 'en'])).toBe('fi');
    expect(initialLanguage(null, ['de-DE'])).toBe('en');
    expect(initialLanguage('xx', ['en-GB'])).toBe('en');
    expect(Object.keys(DICTIONARIES)).toEqual(['en', 'fi']);
  });
});
