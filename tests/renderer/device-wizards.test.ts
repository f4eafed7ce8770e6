// Which wizards a device's page offers (src/renderer/lib/device-wizards.ts), from the catalogue.
import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../src/licensing/catalogue';
import { nextSteps, wizardServes, wizardsFor } from '../../src/renderer/lib/device-wizards';

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

describe("wizardServes: a wizard's device picker offers what the device page offers", () => {
  const device = (
    status: 'unlicensed' | 'licensed' | 'tryout_over',
    extra: { registration?: string; retiredAt?: string } = {},
  ) => ({
    retiredAt: extra.retiredAt ?? null,
    registration: extra.registration ?? null,
    summary: { status },
  });
  it('the tryout serves an unlicensed VM, never a Business nor a licensed VM', () => {
    expect(wizardServes('tryout', model('comtrexx-vm'), device('unlicensed'))).toBe(true);
    expect(wizardServes('tryout', model('comtrexx-business'), device('unlicensed'))).toBe(false);
    expect(wizardServes('tryout', model('comtrexx-vm'), device('licensed'))).toBe(false);
  });
  it('the trial serves Askozia only; recreate needs licences to put in the certificate', () => {
    expect(wizardServes('trial', model('askozia-pbx'), device('unlicensed'))).toBe(true);
    expect(wizardServes('trial', model('comtrexx-vm'), device('unlicensed'))).toBe(false);
    expect(wizardServes('recreate', model('comtrexx-business'), device('unlicensed'))).toBe(false);
    expect(wizardServes('recreate', model('comtrexx-business'), device('licensed'))).toBe(true);
  });
  it('a coupon serves any device in use, a retired one nothing', () => {
    expect(wizardServes('coupon', model('comtrexx-business'), device('licensed'))).toBe(true);
    expect(wizardServes('coupon', model('askozia-pbx'), device('unlicensed', { registration: 'MIKO-1' }))).toBe(true);
    expect(
      wizardServes('coupon', model('comtrexx-vm'), device('licensed', { retiredAt: '2026-01-01T00:00:00Z' })),
    ).toBe(false);
  });
});
