// The wizards' strings: the same keys in English, German and Russian (plural forms aside), and
// every key the wizard components ask for exists.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import de from '../../src/renderer/i18n/wizards.de';
import en from '../../src/renderer/i18n/wizards.en';
import ru from '../../src/renderer/i18n/wizards.ru';

type Tree = { [k: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}
const base = (tree: Tree) => [...new Set(keys(tree).map((k) => k.replace(PLURAL, '')))].sort();

describe('wizard strings', () => {
  it('have the same keys in en, de and ru', () => {
    expect(base(de as Tree)).toEqual(base(en as Tree));
    expect(base(ru as Tree)).toEqual(base(en as Tree));
  });

  // Issue 10 item 6: the step that asks for the host's code and the answer that goes back name the
  // same menu, in every language (Askozia: System > Licences; a COMtrexx PBX: Administration > Licences).
  it('name the same menu path in the paste step and the answer, per kind of PBX and language', () => {
    const menu = (text: string) => text.match(/«?([^\s(«]+ > [^\s).»]+)»?/)?.[1];
    for (const lang of [en, de, ru] as unknown as Record<string, Record<string, string>>[]) {
      const host = menu(lang.answer!.hintHost!);
      expect(host).toMatch(/^(System > Licences|System > Lizenzen|Система > Лицензии)$/);
      expect(menu(lang.trial!.pasteIntro!)).toBe(host);
      expect(menu(lang.move!.pasteIntro!)).toBe(host);
      const pbx = menu(lang.answer!.hint!);
      expect(pbx).not.toBe(host);
      expect(menu(lang.recreate!.pasteIntro!)).toBe(pbx);
    }
  });

  it('give Russian all its plural forms where English has plurals', () => {
    const plural = keys(en as Tree)
      .filter((k) => k.endsWith('_other'))
      .map((k) => k.replace(PLURAL, ''));
    for (const k of plural)
      for (const form of ['one', 'few', 'many', 'other']) expect(keys(ru as Tree)).toContain(`${k}_${form}`);
  });

  it('cover every key the components use', () => {
    const dir = 'src/renderer/components/wizards';
    const source = readdirSync(dir)
      .filter((f) => f.endsWith('.tsx'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    const used = [...source.matchAll(/t\('wizard\.([\w.]+)'/g)].map((m) => m[1]!);
    const known = new Set(base(en as Tree));
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter((k) => !known.has(k))).toEqual([]);
    for (const kind of ['business', 'askozia', 'other']) expect(known.has(`tryout.no.${kind}`)).toBe(true);
  });

  it('keep the glossary terms', () => {
    expect(en.recreate.title).toBe('Recreate certificate');
    expect(de.recreate.title).toBe('Zertifikat neu erstellen');
    expect(ru.recreate.title).toBe('Пересоздать сертификат');
    expect(de.answer.title).toBe('Antwort des Lizenzservers');
    expect(ru.answer.title).toBe('Ответ сервера лицензирования');
    expect(de.binding.featureNumber).toBe('Feature-Nummer');
    expect(ru.binding.featureNumber).toBe('Номер фичи');
  });
});
