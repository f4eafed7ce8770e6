// Which wizards a device's page offers (src/renderer/lib/device-wizards.ts), from the catalogue.
import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../src/licensing/catalogue';
import { wizardsFor } from '../../src/renderer/lib/device-wizards';

const model = (id: string) => {
  const m = defaultCatalogue().models.find((x) => x.id === id)!;
  return { id: m.id, name: m.name, vendor: m.vendor, features: [...m.features] };
};

describe('wizardsFor', () => {
  it('COMtrexx Business and Advanced: recreate and coupon, no tryout (they always need bought licences)', () => {
    expect(wizardsFor(model('comtrexx-business'))).toEqual(['recreate', 'coupon']);
    expect(wizardsFor(model('comtrexx-advanced'))).toEqual(['recreate', 'coupon']);
  });
  it('COMtrexx VM: the tryout as well', () => {
    expect(wizardsFor(model('comtrexx-vm'))).toEqual(['recreate', 'tryout', 'coupon']);
  });
  it('Askozia: registration, trial, coupon, and moving to another host', () => {
    expect(wizardsFor(model('askozia-pbx'))).toEqual(['register', 'trial', 'coupon', 'recreate', 'moveHost']);
  });
  it('an unknown model still offers the recreate wizard', () => {
    expect(wizardsFor(undefined)).toEqual(['recreate', 'coupon']);
  });
});
