// Which wizards a device's page offers (src/renderer/lib/device-wizards.ts), from the catalogue.
import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../src/licensing/catalogue';
import { nextSteps, wizardsFor } from '../../src/renderer/lib/device-wizards';

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

describe('nextSteps: the step that moves a device forward first, and only steps that can apply', () => {
  it('an unlicensed Business needs bought licences: coupon, no tryout, no empty certificate', () => {
    expect(nextSteps(model('comtrexx-business'), 'unlicensed', false)).toEqual({
      primary: 'coupon',
      others: [],
      needsLicences: true,
    });
  });
  it('a licensed Business: recreate first, then coupon', () => {
    expect(nextSteps(model('comtrexx-advanced'), 'licensed', false)).toEqual({
      primary: 'recreate',
      others: ['coupon'],
      needsLicences: false,
    });
  });
  it('a new VM: the tryout first; once bought, no tryout any more', () => {
    expect(nextSteps(model('comtrexx-vm'), 'unlicensed', false)).toMatchObject({
      primary: 'tryout',
      others: ['coupon'],
    });
    expect(nextSteps(model('comtrexx-vm'), 'tryout', false)).toMatchObject({
      primary: 'recreate',
      others: ['tryout', 'coupon'],
    });
    expect(nextSteps(model('comtrexx-vm'), 'licensed', false)).toMatchObject({
      primary: 'recreate',
      others: ['coupon'],
    });
  });
  it('Askozia: register, then trial, then recreate; registering is not offered twice', () => {
    expect(nextSteps(model('askozia-pbx'), 'unlicensed', false)).toMatchObject({
      primary: 'register',
      others: ['trial', 'coupon'],
    });
    expect(nextSteps(model('askozia-pbx'), 'unlicensed', true)).toMatchObject({ primary: 'trial', others: ['coupon'] });
    expect(nextSteps(model('askozia-pbx'), 'trial', true)).toMatchObject({
      primary: 'recreate',
      others: ['trial', 'coupon', 'moveHost'],
    });
    expect(nextSteps(model('askozia-pbx'), 'licensed', true)).toMatchObject({
      primary: 'recreate',
      others: ['coupon', 'moveHost'],
    });
  });
  it('a retired device offers nothing', () => {
    expect(nextSteps(model('comtrexx-vm'), 'retired', false)).toEqual({
      primary: null,
      others: [],
      needsLicences: false,
    });
  });
});
