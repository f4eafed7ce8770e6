// Seeding helpers for the UI tests: a small mixed fleet through the real authority.
import type { AppHandle } from './fixtures';

export interface SeedDevice {
  serial: string;
  model: string;
  name?: string;
  customer?: string;
  /** Grant a dated licence (feature number, quantity, days); none: the device stays unlicensed. */
  licence?: { feature: number; quantity?: number; days?: number };
}

export const FLEET: SeedDevice[] = [
  {
    serial: 'CTX-1001',
    model: 'comtrexx-business',
    name: 'Front office',
    customer: 'Müller GmbH',
    licence: { feature: 11, quantity: 10, days: 365 },
  },
  {
    serial: 'CTX-1002',
    model: 'comtrexx-advanced',
    name: 'Warehouse',
    customer: 'Müller GmbH',
    licence: { feature: 11, quantity: 25, days: 20 },
  },
  {
    serial: 'CTX-1003',
    model: 'comtrexx-vm',
    name: 'Cloud PBX',
    customer: 'Schmidt & Partner',
    licence: { feature: 11, quantity: 5, days: 5 },
  },
  { serial: 'CTX-1004', model: 'comtrexx-business', name: 'Branch Hamburg', customer: 'Nordlicht AG' },
  {
    serial: 'AKZ-2001',
    model: 'askozia-pbx',
    name: 'Reception',
    customer: 'Petrov LLC',
    licence: { feature: 33, days: 60 },
  },
  {
    serial: 'CTX-1005',
    model: 'comtrexx-advanced',
    name: 'Head office',
    customer: 'Nordlicht AG',
    licence: { feature: 10 },
  },
];

export async function seedFleet(app: AppHandle, devices: SeedDevice[] = FLEET): Promise<void> {
  await app.seed(async (a) => {
    for (const d of devices) {
      await a.call('devices.add', {
        serial: d.serial,
        model: d.model,
        ...(d.name ? { name: d.name } : {}),
        ...(d.customer ? { customer: d.customer } : {}),
      });
      // A host-bound licence belongs to a customer's registration whose owner accepted the EULA.
      if (d.licence && d.model.startsWith('askozia-')) {
        const reg = await a.call('registrations.create', {
          company: d.customer ?? d.serial,
          email: 'it@fleet.example',
        });
        await a.call('eula.accept', { registration: reg.number });
        await a.call('registrations.link', { registration: reg.number, serial: d.serial });
      }
      if (d.licence) await a.call('licences.grant', { serial: d.serial, ...d.licence });
    }
  });
}

/** A COMtrexx VM in tryout, and an Askozia host on its 30-day trial (through the real rules). */
export async function seedTryoutAndTrial(app: AppHandle): Promise<void> {
  const trialCode = await (await app.pbx('AKZ-3001', 'askozia-pbx')).initCode();
  await app.seed(async (a) => {
    await a.call('devices.add', { serial: 'VM-5001', model: 'comtrexx-vm', name: 'Test VM', customer: 'Lab' });
    await a.call('tryout.start', { serial: 'VM-5001' });
    await a.call('devices.add', {
      serial: 'AKZ-3001',
      model: 'askozia-pbx',
      name: 'Askozia trial',
      customer: 'Petrov LLC',
    });
    const reg = await a.call('registrations.create', { company: 'Petrov LLC', email: 'it@petrov.example' });
    await a.call('eula.accept', { registration: reg.number });
    await a.call('trials.start', { registration: reg.number, serial: 'AKZ-3001', initCode: trialCode });
  });
}
