// The shipped catalogue must encode the licensing rules of DESIGN.md exactly, and every broken
// variant must be refused with a message that names the field to fix.
import { describe, expect, it } from 'vitest';
import shipped from '../../assets/catalogue.json';
import {
  defaultCatalogue,
  featureName,
  featuresOf,
  findFeature,
  findModel,
  formatPath,
  isQuantityAllowed,
  loadCatalogue,
  requireFeature,
  requireModel,
  type Catalogue,
} from '../../src/licensing/catalogue';
import { isLdError } from '../../src/shared/errors';

/** A deep, mutable copy of the shipped JSON to break in one place per test. */
type Raw = { version: unknown; features: Record<string, unknown>[]; models: Record<string, unknown>[] };
const rawCopy = (): Raw => structuredClone(shipped) as unknown as Raw;

/** The thrown error's code and message (fails the test if nothing or something else is thrown). */
function failure(fn: () => unknown): { code: string; message: string; params?: Record<string, unknown> } {
  try {
    fn();
  } catch (e) {
    if (!isLdError(e)) throw e;
    return { code: e.code, message: e.message, ...(e.params ? { params: e.params } : {}) };
  }
  throw new Error('expected a failure, but the call succeeded');
}

const refusal = (raw: unknown) => {
  const f = failure(() => loadCatalogue(raw));
  expect(f.code).toBe('CATALOGUE_INVALID');
  return f.message;
};

const modelIndex = (raw: Raw, id: string): number => raw.models.findIndex((m) => m.id === id);

// Loaded inside each test, not at collection time: a broken shipped catalogue must show up as
// failing tests with the loader's message, not as a file that silently collects no tests.
const cat = (): Catalogue => defaultCatalogue();

describe('the shipped catalogue', () => {
  const model = (id: string) => requireModel(cat(), id);

  it('loads, and is cached and frozen', () => {
    expect(defaultCatalogue()).toBe(cat());
    expect(Object.isFrozen(cat().models[0])).toBe(true);
    expect(() => (cat().models as unknown as unknown[]).push({})).toThrow();
  });

  it('has exactly the five models, with the right vendors', () => {
    expect(cat().models.map((m) => [m.id, m.vendor])).toEqual([
      ['comtrexx-business', 'auerswald'],
      ['comtrexx-advanced', 'auerswald'],
      ['comtrexx-vm', 'auerswald'],
      ['askozia-pbx', 'miko'],
      ['askozia-cfe', 'miko'],
    ]);
  });

  it('has the documented feature numbers and kinds', () => {
    expect(cat().features.map((f) => [f.number, f.id, f.kind])).toEqual([
      [10, 'system-activation', 'activation'],
      [11, 'user-licence', 'countable'],
      [12, 'call-assist-v1', 'addon'],
      [33, 'askozia-pbx', 'product'],
      [34, 'askozia-cfe', 'product'],
    ]);
  });

  it('requires a system activation for Business and Advanced only', () => {
    const needing = cat()
      .models.filter((m) => m.needsSystemActivation)
      .map((m) => m.id);
    expect(needing).toEqual(['comtrexx-business', 'comtrexx-advanced']);
    for (const id of needing) expect(model(id).features).toContain(10);
    expect(model('comtrexx-vm').features).not.toContain(10);
  });

  it('gives only the VM a tryout: 14 days with 3 test users', () => {
    expect(
      cat()
        .models.filter((m) => m.tryout !== null)
        .map((m) => m.id),
    ).toEqual(['comtrexx-vm']);
    expect(model('comtrexx-vm').tryout).toEqual({ days: 14, testUsers: 3 });
  });

  it('gives the Askozia models (and only them) a 30-day trial and host binding', () => {
    for (const m of cat().models) {
      const askozia = m.vendor === 'miko';
      expect(m.trial, m.id).toEqual(askozia ? { days: 30 } : null);
      expect(m.hostBound, m.id).toBe(askozia);
    }
  });

  it('names Askozia PBX = 33 and Askozia CFE = 34 as the product features', () => {
    expect(model('askozia-pbx').productFeature).toBe(33);
    expect(model('askozia-cfe').productFeature).toBe(34);
    expect(requireFeature(cat(), 33).name).toBe('Askozia PBX');
    expect(requireFeature(cat(), 34).name).toBe('Askozia CFE');
    for (const id of ['comtrexx-business', 'comtrexx-advanced', 'comtrexx-vm'])
      expect(model(id).productFeature).toBeNull();
  });

  it('lets every COMtrexx model carry user licences and Call Assist V1', () => {
    for (const id of ['comtrexx-business', 'comtrexx-advanced', 'comtrexx-vm']) {
      expect(model(id).features).toEqual(expect.arrayContaining([11, 12]));
    }
    expect(featuresOf(cat(), model('comtrexx-vm')).map((f) => f.id)).toEqual(['user-licence', 'call-assist-v1']);
  });

  it('ships only https shop links, if any', () => {
    for (const m of cat().models) if (m.shopUrl !== undefined) expect(m.shopUrl.startsWith('https://')).toBe(true);
  });
});

describe('lookups', () => {
  it('finds a feature by number, numeric text or id', () => {
    expect(findFeature(cat(), 33)?.id).toBe('askozia-pbx');
    expect(findFeature(cat(), '33')?.id).toBe('askozia-pbx');
    expect(findFeature(cat(), ' 34 ')?.id).toBe('askozia-cfe');
    expect(findFeature(cat(), 'askozia-pbx')?.number).toBe(33);
    expect(findFeature(cat(), 'User-Licence')?.number).toBe(11);
    expect(findFeature(cat(), 99)).toBeUndefined();
    expect(findFeature(cat(), '3.3')).toBeUndefined();
    expect(findFeature(cat(), '')).toBeUndefined();
  });

  it('finds a model by id, tolerating case and spaces', () => {
    expect(findModel(cat(), 'comtrexx-vm')?.name).toBe('COMtrexx VM');
    expect(findModel(cat(), ' COMtrexx-VM ')?.id).toBe('comtrexx-vm');
    expect(findModel(cat(), 'comtrexx')).toBeUndefined();
  });

  it('refuses an unknown model, listing the valid ones', () => {
    const f = failure(() => requireModel(cat(), 'comtrexx-5000'));
    expect(f.code).toBe('UNKNOWN_MODEL');
    expect(f.message).toContain('"comtrexx-5000"');
    for (const m of cat().models) expect(f.message).toContain(m.id);
  });

  it('refuses an unknown feature, listing numbers and ids', () => {
    const f = failure(() => requireFeature(cat(), '35'));
    expect(f.code).toBe('UNKNOWN_FEATURE');
    expect(f.message).toContain('"35"');
    expect(f.message).toContain('33 (askozia-pbx)');
    expect(f.message).toContain('11 (user-licence)');
    expect(f.params?.valid).toEqual([10, 11, 12, 33, 34]);
  });

  it('allows quantities above 1 for countable features only', () => {
    expect(isQuantityAllowed(requireFeature(cat(), 'user-licence'), 25)).toBe(true);
    expect(isQuantityAllowed(requireFeature(cat(), 'system-activation'), 1)).toBe(true);
    expect(isQuantityAllowed(requireFeature(cat(), 'system-activation'), 2)).toBe(false);
    expect(isQuantityAllowed(requireFeature(cat(), 'call-assist-v1'), 2)).toBe(false);
    expect(isQuantityAllowed(requireFeature(cat(), 33), 2)).toBe(false);
    expect(isQuantityAllowed(requireFeature(cat(), 'user-licence'), 0)).toBe(false);
    expect(isQuantityAllowed(requireFeature(cat(), 'user-licence'), 1.5)).toBe(false);
  });

  it('names features in the glossary languages, falling back to English', () => {
    expect(featureName(requireFeature(cat(), 10), 'de')).toBe('Systemaktivierung');
    expect(featureName(requireFeature(cat(), 11), 'ru')).toBe('Пользовательская лицензия');
    expect(featureName(requireFeature(cat(), 33), 'de')).toBe('Askozia PBX');
  });

  it('formats paths the way a person would look them up', () => {
    expect(formatPath(['models', 2, 'tryout', 'days'])).toBe('models[2].tryout.days');
    expect(formatPath([])).toBe('(catalogue)');
  });
});

describe('a broken catalogue is refused, naming the field', () => {
  it('accepts an untouched copy (so each refusal below is caused by its one change)', () => {
    expect(loadCatalogue(rawCopy()).models).toHaveLength(5);
  });

  it('refuses a duplicate feature number', () => {
    const raw = rawCopy();
    raw.features[4]!.number = 33;
    expect(refusal(raw)).toContain('features[4].number: 33 is already used by features[3]');
  });

  it('refuses a duplicate feature id', () => {
    const raw = rawCopy();
    raw.features[2]!.id = 'user-licence';
    expect(refusal(raw)).toContain('features[2].id: "user-licence" is already used by features[1]');
  });

  it('refuses a duplicate model id', () => {
    const raw = rawCopy();
    raw.models[1]!.id = 'comtrexx-business';
    expect(refusal(raw)).toContain('models[1].id: "comtrexx-business" is already used by models[0]');
  });

  it('refuses an unknown field on a feature, listing the allowed ones', () => {
    const raw = rawCopy();
    raw.features[1]!.floating = true;
    const message = refusal(raw);
    expect(message).toContain('features[1].floating: unknown field');
    expect(message).toContain('allowed: number, id, name, kind, names');
  });

  it('refuses an unknown field on a nested object and at the top level', () => {
    const raw = rawCopy() as Raw & Record<string, unknown>;
    raw.models[2]!.tryout = { days: 14, testUsers: 3, users: 3 };
    raw.comment = 'x';
    const message = refusal(raw);
    expect(message).toContain('models[2].tryout.users: unknown field (allowed: days, testUsers)');
    expect(message).toContain('comment: unknown field (allowed: version, features, models)');
  });

  it('refuses a model that references a missing feature', () => {
    const raw = rawCopy();
    raw.models[0]!.features = [10, 11, 99];
    const message = refusal(raw);
    expect(message).toContain('models[0].features[2]: feature 99 does not exist');
    expect(message).toContain('expected one of 10, 11, 12, 33, 34');
  });

  it('refuses a feature listed twice on one model', () => {
    const raw = rawCopy();
    raw.models[2]!.features = [11, 12, 11];
    expect(refusal(raw)).toContain('models[2].features[2]: feature 11 is listed twice');
  });

  it('refuses an http shop URL and a non-URL', () => {
    const raw = rawCopy();
    raw.models[0]!.shopUrl = 'http://shop.example.com/comtrexx';
    raw.models[1]!.shopUrl = 'shop.example.com';
    const message = refusal(raw);
    expect(message).toContain('models[0].shopUrl: expected an https:// URL, got "http://shop.example.com/comtrexx"');
    expect(message).toContain('models[1].shopUrl: expected an https:// URL');
  });

  it('accepts an https shop URL', () => {
    const raw = rawCopy();
    raw.models[0]!.shopUrl = 'https://shop.example.com/comtrexx';
    expect(loadCatalogue(raw).models[0]?.shopUrl).toBe('https://shop.example.com/comtrexx');
  });

  it('refuses a negative, zero or fractional feature number', () => {
    const raw = rawCopy();
    raw.features[0]!.number = -10;
    raw.features[1]!.number = 0;
    raw.features[2]!.number = 1.5;
    const message = refusal(raw);
    expect(message).toContain('features[0].number: expected a number greater than 0, got -10');
    expect(message).toContain('features[1].number: expected a number greater than 0, got 0');
    expect(message).toContain('features[2].number: expected int, got 1.5');
  });

  it('refuses a missing field', () => {
    const raw = rawCopy();
    delete raw.models[3]!.hostBound;
    delete raw.features[0]!.kind;
    const message = refusal(raw);
    expect(message).toContain('models[3].hostBound: missing (expected boolean)');
    expect(message).toContain('features[0].kind: missing');
  });

  it('refuses a missing tryout (null must be written out, not omitted)', () => {
    const raw = rawCopy();
    delete raw.models[0]!.tryout;
    expect(refusal(raw)).toContain('models[0].tryout: missing (expected object)');
  });

  it('refuses a wrong type, an unknown kind and an unknown vendor', () => {
    const raw = rawCopy();
    raw.models[0]!.needsSystemActivation = 'yes';
    raw.features[1]!.kind = 'floating';
    raw.models[3]!.vendor = 'mikko';
    const message = refusal(raw);
    expect(message).toContain('models[0].needsSystemActivation: expected boolean, got "yes"');
    expect(message).toContain(
      'features[1].kind: expected "activation" or "countable" or "addon" or "product", got "floating"',
    );
    expect(message).toContain('models[3].vendor: expected "auerswald" or "miko", got "mikko"');
  });

  it('refuses a malformed id and an unknown version', () => {
    const raw = rawCopy();
    raw.features[1]!.id = 'User Licence';
    raw.version = 2;
    const message = refusal(raw);
    expect(message).toContain('features[1].id: expected a lower-case id such as "user-licence", got "User Licence"');
    expect(message).toContain('version: expected 1, got 2');
  });

  it('refuses something that is not a catalogue at all', () => {
    expect(refusal(null)).toContain('(catalogue): expected object, got null');
    expect(refusal({})).toContain('features: missing (expected array)');
    expect(refusal({ version: 1, features: [], models: [] })).toContain('features: expected at least 1 entry');
  });

  it('lists every problem in params, not just the first', () => {
    const raw = rawCopy();
    raw.models[0]!.shopUrl = 'http://a.example';
    raw.models[1]!.shopUrl = 'http://b.example';
    const f = failure(() => loadCatalogue(raw));
    expect(f.params?.problems).toEqual([
      'models[0].shopUrl: expected an https:// URL, got "http://a.example"',
      'models[1].shopUrl: expected an https:// URL, got "http://b.example"',
    ]);
  });
});

describe('licensing rules are cross-checked', () => {
  it('refuses a tryout on a model that needs a system activation', () => {
    const raw = rawCopy();
    raw.models[modelIndex(raw, 'comtrexx-business')]!.tryout = { days: 14, testUsers: 3 };
    expect(refusal(raw)).toContain('models[0].tryout: expected null: a model that needs a system activation');
  });

  it('refuses a tryout on a host-bound model', () => {
    const raw = rawCopy();
    raw.models[modelIndex(raw, 'askozia-pbx')]!.tryout = { days: 14, testUsers: 3 };
    expect(refusal(raw)).toContain('models[3].tryout: expected null: tryout is for serial-bound models');
  });

  it('refuses a tryout on a model without user licences to grant', () => {
    const raw = rawCopy();
    raw.models[modelIndex(raw, 'comtrexx-vm')]!.features = [12];
    expect(refusal(raw)).toContain('models[2].tryout: expected null: tryout grants test user licences');
  });

  it('refuses a trial on a serial-bound model', () => {
    const raw = rawCopy();
    raw.models[modelIndex(raw, 'comtrexx-vm')]!.trial = { days: 30 };
    expect(refusal(raw)).toContain('models[2].trial: expected null: a trial binds to a host');
  });

  it('refuses needsSystemActivation without an activation feature, and the reverse', () => {
    const raw = rawCopy();
    raw.models[0]!.features = [11, 12];
    raw.models[2]!.features = [10, 11, 12];
    const message = refusal(raw);
    expect(message).toContain(
      'models[0].needsSystemActivation: is true, but the model carries no feature of kind "activation"',
    );
    expect(message).toContain(
      'models[2].needsSystemActivation: is false, but the model carries a feature of kind "activation"',
    );
  });

  it('refuses a host-bound model without a product feature, or with a wrong one', () => {
    const raw = rawCopy();
    raw.models[3]!.productFeature = null;
    raw.models[4]!.productFeature = 33;
    raw.models[1]!.hostBound = true;
    raw.models[1]!.productFeature = 77;
    const message = refusal(raw);
    expect(message).toContain('models[1].productFeature: feature 77 does not exist');
    expect(message).toContain('models[3].productFeature: missing: a host-bound model needs its product feature');
    expect(message).toContain("models[4].productFeature: feature 33 is not in this model's features");
  });

  it('refuses a product feature that is not of kind product, or on a serial-bound model', () => {
    const raw = rawCopy();
    raw.models[3]!.features = [33, 12];
    raw.models[3]!.productFeature = 12;
    raw.models[2]!.productFeature = 11;
    const message = refusal(raw);
    expect(message).toContain('models[3].productFeature: feature 12 is of kind "addon", expected "product"');
    expect(message).toContain('models[2].productFeature: expected null: only host-bound models have a product feature');
  });
});
