// The licence column in words, and the model's distinguishing word, from the real catalogue.
import { describe, expect, it } from 'vitest';
import catalogue from '../../assets/catalogue.json';
import { i18n } from '../../src/renderer/i18n';
import { licenceWords, modelWords, parseLicenceSummary } from '../../src/renderer/lib/licence-words';

const features = catalogue.features;
const words = (summary: string, lng: string) =>
  licenceWords(summary, features, (k, o) => i18n.t(k, { ...o, lng }), lng);

describe('licence words', () => {
  it('reads the summary numbers', () => {
    expect(parseLicenceSummary('10, 11×5, 12')).toEqual([
      { feature: 10, quantity: 1 },
      { feature: 11, quantity: 5 },
      { feature: 12, quantity: 1 },
    ]);
    expect(parseLicenceSummary('')).toEqual([]);
  });

  it('says users, activation and add-ons in words, in each language', () => {
    expect(words('10, 11×5, 12', 'en')).toBe('System activation, 5 users, Call Assist');
    expect(words('11', 'en')).toBe('1 user');
    expect(words('11×5', 'ru')).toBe('5 пользователей');
    expect(words('11×3', 'ru')).toBe('3 пользователя');
    expect(words('11×21', 'ru')).toBe('21 пользователь');
    expect(words('10', 'de').replace(/\u00AD/g, '')).toBe('Systemaktivierung');
    expect(words('33', 'en')).toBe('Product licence');
  });

  it('keeps an unknown feature as its number', () => {
    expect(words('99×2', 'en')).toBe('99×2');
  });

  it('splits a model name into brand and distinguishing word', () => {
    expect(modelWords('COMtrexx Business')).toEqual({ brand: 'COMtrexx', word: 'Business' });
    expect(modelWords('Askozia CFE')).toEqual({ brand: 'Askozia', word: 'CFE' });
    expect(modelWords('Solo')).toEqual({ brand: '', word: 'Solo' });
  });
});
