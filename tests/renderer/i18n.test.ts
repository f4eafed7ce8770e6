// The shell's translations: German and Russian have every English key (the types say so too),
// nothing is left empty, Russian has its extra plural forms, and the glossary terms are used.
import { describe, expect, it } from 'vitest';
import de from '../../src/renderer/i18n/de';
import en from '../../src/renderer/i18n/en';
import { EULA } from '../../src/renderer/i18n/eula';
import { i18n } from '../../src/renderer/i18n';
import ru from '../../src/renderer/i18n/ru';

type Tree = { [k: string]: string | Tree };
const flatten = (t: Tree, prefix = ''): Record<string, string> =>
  Object.fromEntries(
    Object.entries(t).flatMap(([k, v]) =>
      typeof v === 'string' ? [[`${prefix}${k}`, v]] : Object.entries(flatten(v, `${prefix}${k}.`)),
    ),
  );

const EN = flatten(en as unknown as Tree);
const DE = flatten(de as unknown as Tree);
const RU = flatten(ru as unknown as Tree);

describe('translations', () => {
  it.each([
    ['de', DE],
    ['ru', RU],
  ])('%s has every English key, none empty, with the same placeholders', (_, other) => {
    for (const [key, text] of Object.entries(EN)) {
      expect(other[key], key).toBeTruthy();
      const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(placeholders(other[key]!), key).toEqual(placeholders(text));
    }
  });

  it('Russian has the few and many plural forms wherever English has a plural', () => {
    for (const key of Object.keys(EN).filter((k) => k.endsWith('_other'))) {
      const base = key.slice(0, -'_other'.length);
      expect(RU[`${base}_few`], base).toBeTruthy();
      expect(RU[`${base}_many`], base).toBeTruthy();
    }
    expect(i18n.t('fleet.daysLeftValue', { lng: 'ru', count: 3 })).toBe('3 дня');
    expect(i18n.t('fleet.daysLeftValue', { lng: 'ru', count: 5 })).toBe('5 дней');
    expect(i18n.t('fleet.daysLeftValue', { lng: 'ru', count: 21 })).toBe('21 день');
  });

  it('uses the glossary terms resellers know', () => {
    expect([EN['nav.devices'], DE['nav.devices'], RU['nav.devices']]).toEqual([
      'My devices',
      'Meine Geräte',
      'Мои устройства',
    ]);
    expect([EN['wizards.recreate'], DE['wizards.recreate'], RU['wizards.recreate']]).toEqual([
      'Recreate certificate',
      'Zertifikat neu erstellen',
      'Пересоздать сертификат',
    ]);
    expect(DE['detail.bindings']).toBe('Lizenzbindungen an Hosts');
    expect(RU['detail.bindings']).toBe('Привязки лицензий к хостам');
    expect(RU['status.unlicensed']).toBe('ПО не лицензировано');
  });

  it('the licence agreement exists in all three languages with the same sections', () => {
    expect(EULA.de.sections).toHaveLength(EULA.en.sections.length);
    expect(EULA.ru.sections).toHaveLength(EULA.en.sections.length);
    expect(EULA.de.title).toContain('Lizenzvereinbarung');
    expect(EULA.ru.title).toContain('Лицензионное соглашение');
  });
});
