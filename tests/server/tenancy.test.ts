// Tenancy over HTTP, for EVERY operation of the contract: reseller B calling any operation that
// takes a serial or an id with reseller A's serial/id gets 404, exactly as for a serial that does
// not exist, and nothing in the database changes; B's lists show nothing of A's. The operations
// are enumerated from OPERATIONS, so a new operation is covered the day it is added — and this
// test fails, naming it, if it takes a reference field it has no sample of A's for.
import { expect, it } from 'vitest';
import { z } from 'zod';
import type { Authority } from '../../src/authority/authority';
import { OPERATIONS } from '../../src/shared/api';
import type { Operation } from '../../src/shared/api/define';
import { makeRequest } from '../support/fixtures';
import { describeStores } from '../support/stores';
import { call, dumpTables, ok, tenants } from './support';

/** Fields that name something a reseller owns: these must never reach another reseller's data. */
const REFERENCES = new Set(['serial', 'id', 'registration', 'initCode', 'certificateSerial']);

/**
 * Operations whose serial names a NEW object. Serials are unique across the authority, so a taken
 * one is refused whoever holds it — as DEVICE_EXISTS, which says that it exists, never whose.
 */
// Adding A's serial is refused as held elsewhere (never saying by whom).
const CREATES: Record<string, string> = { 'devices.add': 'DEVICE_HELD_ELSEWHERE' };
// The one operation meant for another reseller's serial: it asks the vendor, and the holder keeps the
// device (tests/conformance/serials.test.ts checks that it reveals no holder and moves nothing).
const ASKS_FOR_OTHERS = new Set(['transfers.request']);
// A's registration number says it is another reseller's (never whose): the number itself, 95 random
// bits, is the secret, and a customer who changed resellers needs that answer, not "unknown".
const OTHERS_NUMBER = { status: 422, code: 'REGISTRATION_OTHER_RESELLER' };
const takesRegistration = (op: Operation) => inputFields(op).required.has('registration');

interface World {
  refs: Record<string, unknown>;
  secrets: string[];
}

/** Reseller A's world: a COMtrexx with a certificate, an Askozia with its host binding, a registration. */
async function buildWorld(
  authority: Authority,
  app: Parameters<typeof ok>[0],
  a: string,
  vendor: string,
): Promise<World> {
  await ok(
    app,
    'devices.add',
    { serial: 'A-0001', model: 'comtrexx-vm', name: 'Alpha front desk', customer: 'Alpha Customer' },
    a,
  );
  await ok(app, 'licences.grant', { serial: 'A-0001', feature: 11, quantity: 4 }, a);
  const cert = await ok<{ certificateSerial: string }>(
    app,
    'certificates.recreate',
    { serial: 'A-0001', initCode: makeRequest('A-0001', 'comtrexx-vm').code },
    a,
  );
  const reg = await ok<{ number: string }>(
    app,
    'registrations.create',
    { company: 'Alpha Customer GmbH', email: 'it@alpha.example' },
    a,
  );
  await ok(app, 'eula.accept', { registration: reg.number }, a);
  await ok(app, 'devices.add', { serial: 'A-0002', model: 'askozia-pbx' }, a);
  await ok(app, 'registrations.link', { registration: reg.number, serial: 'A-0002' }, a);
  await ok(app, 'licences.grant', { serial: 'A-0002', feature: 33 }, a);
  const cert2 = await ok<{ certificateSerial: string }>(
    app,
    'certificates.recreate',
    { serial: 'A-0002', initCode: makeRequest('A-0002', 'askozia-pbx').code },
    a,
  );
  const bindings = await ok<{ id: number; serial: string }[]>(app, 'bindings.list', {}, a);
  expect(
    bindings.map((b) => b.serial),
    'A has a host binding',
  ).toContain('A-0002');
  const [coupon] = (await ok<{ codes: string[] }>(app, 'coupons.mint', { feature: 12 }, vendor)).codes;
  const refs = {
    serial: 'A-0001',
    id: bindings[0]!.id,
    registration: reg.number,
    certificateSerial: cert.certificateSerial,
    initCode: makeRequest('A-0001', 'comtrexx-vm').code,
    // Plain fields an operation may need besides its references (valid values, so that only the
    // reference can make the call fail).
    code: coupon,
    feature: 33,
    quantity: 1,
    days: 30,
    name: 'Renamed by B',
    customer: 'Beta Customer',
    host: 'b-host',
    limit: 10,
    model: 'comtrexx-vm',
    email: 'it@alpha.example',
  };
  const secrets = [
    'A-0001',
    'A-0002',
    'Alpha front desk',
    'Alpha Customer',
    reg.number,
    cert.certificateSerial,
    cert2.certificateSerial,
    'it@alpha.example',
  ];
  return { refs, secrets };
}

const inputFields = (op: Operation) => {
  const schema = z.toJSONSchema(op.input, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, unknown>;
    required?: string[];
  };
  return { all: Object.keys(schema.properties ?? {}), required: new Set(schema.required ?? []) };
};

/** A's references (optional ones too, unless withOptional is false) and samples for the other required fields. */
function inputFor(
  op: Operation,
  refs: Record<string, unknown>,
  withOptional = true,
): { input: Record<string, unknown>; missing: string[] } {
  const { all, required } = inputFields(op);
  const input: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const field of all) {
    if (!required.has(field) && !(withOptional && REFERENCES.has(field))) continue;
    if (field in refs) input[field] = refs[field];
    else missing.push(field);
  }
  return { input, missing };
}

const takesReference = (op: Operation) => inputFields(op).all.some((f) => REFERENCES.has(f));
const needsReference = (op: Operation) => [...inputFields(op).required].some((f) => REFERENCES.has(f));

describeStores('tenancy over HTTP', ({ open }) => {
  it("every operation that takes a serial or an id answers 404 for another reseller's (its registration number: REGISTRATION_OTHER_RESELLER), and changes nothing", async () => {
    const { authority } = await open();
    const { app, a, b, vendor } = await tenants(authority);
    const { refs } = await buildWorld(authority, app, a, vendor);
    await ok(app, 'devices.add', { serial: 'B-0001', model: 'comtrexx-vm' }, b); // B is not empty-handed either
    const checked: string[] = [];
    for (const op of Object.values(OPERATIONS) as Operation[]) {
      // Vendor-only operations are refused to B outright (403); public ones are not a tenant's.
      if (!takesReference(op) || op.vendorOnly || op.public || ASKS_FOR_OTHERS.has(op.name)) continue;
      const { input, missing } = inputFor(op, refs);
      expect(missing, `${op.name}: add a sample of A's for these fields to buildWorld`).toEqual([]);
      const before = await dumpTables(authority.ctx.db);
      const r = await call(app, op.name, input, b);
      const expected = CREATES[op.name]
        ? { status: 409, code: CREATES[op.name] }
        : takesRegistration(op)
          ? OTHERS_NUMBER
          : { status: 404, code: expect.stringMatching(/_NOT_FOUND$/) };
      expect({ op: op.name, status: r.status, code: r.body.code }).toEqual({ op: op.name, ...expected });
      expect(r.body.message).not.toMatch(/Alpha/);
      expect(await dumpTables(authority.ctx.db), `${op.name} changed the database`).toEqual(before);
      // The same call by A is not refused for want of the object (so 404 above was about tenancy).
      if (CREATES[op.name]) continue;
      const mine = await call(app, op.name, input, a);
      expect(
        mine.status === 404 && /^(DEVICE|REGISTRATION|BINDING)_NOT_FOUND$/.test(String(mine.body.code)),
        `${op.name} by A: ${JSON.stringify(mine.body)}`,
      ).toBe(false);
      checked.push(op.name);
    }
    expect(checked).toEqual(
      expect.arrayContaining([
        'devices.get',
        'devices.rename',
        'devices.move',
        'devices.retire',
        'licences.grant',
        'certificates.recreate',
        'bindings.show',
        'bindings.reset',
      ]),
    );
  });

  it("nothing B can list or read shows any of A's serials, names, customers, registrations or certificates", async () => {
    const { authority } = await open();
    const { app, a, b, vendor } = await tenants(authority);
    const { secrets } = await buildWorld(authority, app, a, vendor);
    const reads = (Object.values(OPERATIONS) as Operation[]).filter(
      (op) => !op.mutating && !op.vendorOnly && !needsReference(op),
    );
    reads.push(...(Object.values(OPERATIONS) as Operation[]).filter((op) => op.name === 'registrations.recover'));
    expect(reads.map((op) => op.name)).toEqual(
      expect.arrayContaining(['devices.list', 'customers.list', 'bindings.list']),
    );
    for (const op of reads) {
      const { input } = inputFor(op, { email: 'it@alpha.example' }, false);
      const r = await call(app, op.name, input, b);
      const text = JSON.stringify(r.body);
      // What B sent itself (the email it asks about) may come back; nothing else of A's may.
      for (const s of secrets.filter((x) => !Object.values(input).includes(x))) {
        expect(text.includes(s), `${op.name} shows B "${s}": ${text.slice(0, 300)}`).toBe(false);
      }
    }
  });
});
