// Blocked registration numbers (issue 10, bad input): the vendor blocks a number and may unblock
// it, audited; a blocked number refuses link, trial, coupon, grant, EULA acceptance and recovery
// with REGISTRATION_BLOCKED and changes nothing; unblocked, it works again. Schema step 4 adds the
// columns to an existing database. Both stores.
import Database from 'better-sqlite3';
import pg from 'pg';
import { expect, it } from 'vitest';
import { verifyAudit } from '../../src/authority/audit/log';
import type { Authority } from '../../src/authority/authority';
import type { Actor } from '../../src/authority/context';
import { migratePostgres, migrateSqlite } from '../../src/authority/db/migrate';
import { SCHEMA_STEPS, schemaSql } from '../../src/authority/db/schema-sql';
import { randomRegistrationNumber } from '../../src/authority/registration/service';
import { tempDir } from '../support/fixtures';
import { acceptedRegistration, asServerCaller, hostCode, otherReseller } from '../support/offers';
import { freshPgDatabase } from '../support/postgres';
import { describeStores, type StoreKind } from '../support/stores';

const VENDOR: Actor = { resellerId: null, vendor: true, label: 'vendor' };
const HOST = Buffer.alloc(16, 0xc3);

const audited = (authority: Authority, action: string) =>
  authority.ctx.db.read.all(
    authority.ctx.db.qb.selectFrom('audit_log').select(['subject', 'data']).where('action', '=', action),
  );

/** Rows that a refused call must leave as they were. */
async function state(authority: Authority) {
  const { qb, read } = authority.ctx.db;
  const count = async (table: 'licences' | 'trials' | 'eula_acceptances' | 'audit_log') =>
    Number((await read.first(qb.selectFrom(table).select((eb) => eb.fn.countAll().as('n'))))!.n);
  const devices = await read.all(qb.selectFrom('devices').select(['serial', 'registration_id']).orderBy('id'));
  const coupons = await read.all(qb.selectFrom('coupons').select(['redeemed_at']).orderBy('id'));
  return {
    devices,
    coupons,
    licences: await count('licences'),
    trials: await count('trials'),
    acceptances: await count('eula_acceptances'),
    audit: await count('audit_log'),
  };
}

/** A database at schema step 3 (before blocking existed), with one registration, then migrated. */
async function migratedFromStep3(store: StoreKind): Promise<unknown[]> {
  const insert =
    "INSERT INTO resellers (name, created_at) VALUES ('A', 'then'); INSERT INTO registrations (reseller_id, number, company, email, created_at) VALUES (1, 'MIKO-OLD', 'Old GmbH', 'old@old.test', 'then')";
  const track = 'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)';
  const select = 'SELECT number, blocked_at, blocked_reason FROM registrations';
  if (store === 'sqlite') {
    const db = new Database(`${tempDir('ld-block-mig-')}/a.sqlite`);
    db.exec(track);
    SCHEMA_STEPS.slice(0, 3).forEach((step, i) => {
      db.exec(schemaSql(step, 'sqlite'));
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(i + 1, 'then');
    });
    db.exec(insert);
    migrateSqlite(db);
    const rows = db.prepare(select).all();
    db.close();
    return rows;
  }
  const pool = new pg.Pool({ connectionString: await freshPgDatabase() });
  const client = await pool.connect();
  try {
    await client.query(track);
    for (const [i, step] of SCHEMA_STEPS.slice(0, 3).entries()) {
      await client.query(schemaSql(step, 'postgres'));
      await client.query('INSERT INTO schema_migrations VALUES ($1, $2)', [i + 1, 'then']);
    }
    await client.query(insert);
    await migratePostgres(client);
    return (await client.query(select)).rows;
  } finally {
    client.release();
    await pool.end();
  }
}

describeStores('blocked registration numbers', ({ open, store }) => {
  it('a blocked number refuses link, trial, coupon, grant, EULA and recovery (REGISTRATION_BLOCKED); nothing changes; unblocked it works again', async () => {
    const { authority } = await open();
    const number = await acceptedRegistration(authority);
    await authority.call('devices.add', { serial: 'B1', model: 'askozia-pbx' });
    await authority.call('devices.add', { serial: 'B2', model: 'askozia-pbx' });
    await authority.call('registrations.link', { registration: number, serial: 'B1' });
    const [coupon] = (await authority.call('coupons.mint', { feature: 33 })).codes;
    const blocked = await authority.call('registrations.block', { registration: number, reason: 'chargeback' }, VENDOR);
    expect(blocked).toMatchObject({ registration: number, blocked: true, reason: 'chargeback', changed: true });
    expect(await audited(authority, 'registration.block')).toEqual([
      { subject: number, data: JSON.stringify({ reason: 'chargeback' }) },
    ]);

    const before = await state(authority);
    // Thunks, run one after the other: each refusal is checked against the same unchanged state.
    const refusals = [
      () => authority.call('registrations.link', { registration: number, serial: 'B2' }),
      () =>
        authority.call('trials.start', {
          registration: number,
          serial: 'B2',
          initCode: hostCode('B2', 'askozia-pbx', HOST),
        }),
      () => authority.call('coupons.redeem', { code: coupon, serial: 'B1' }),
      () => authority.call('licences.grant', { serial: 'B1', feature: 33 }),
      () => authority.call('eula.accept', { registration: number }),
      () => authority.call('registrations.recover', { email: 'it@acme.test' }),
      () => authority.call('registrations.recover', { email: 'it@acme.test' }, asServerCaller(authority)),
    ];
    for (const refused of refusals)
      await expect(refused()).rejects.toMatchObject({ code: 'REGISTRATION_BLOCKED', kind: 'rule' });
    await expect(refusals[0]!()).rejects.toThrow(`Registration ${number} was blocked by the vendor on`);
    await expect(refusals[0]!()).rejects.toThrow('(chargeback)');
    expect(await state(authority)).toEqual(before);

    // Blocking twice changes nothing and is not audited again.
    expect(await authority.call('registrations.block', { registration: number }, VENDOR)).toMatchObject({
      changed: false,
      blocked: true,
      blockedAt: blocked.blockedAt,
      reason: 'chargeback',
    });
    expect(await authority.call('registrations.unblock', { registration: number }, VENDOR)).toMatchObject({
      blocked: false,
      blockedAt: null,
      changed: true,
    });
    expect(await audited(authority, 'registration.unblock')).toHaveLength(1);
    expect(await authority.call('registrations.unblock', { registration: number }, VENDOR)).toMatchObject({
      changed: false,
    });
    await authority.call('registrations.link', { registration: number, serial: 'B2' });
    expect((await authority.call('coupons.redeem', { code: coupon, serial: 'B1' })).licences).toHaveLength(1);
    expect((await authority.call('registrations.recover', { email: 'it@acme.test' })).numbers).toEqual([number]);
    expect(await verifyAudit(authority.ctx.db)).toMatchObject({ ok: true });
  });

  it("only the vendor blocks, any reseller's number; typos and unknown numbers have their own codes", async () => {
    const { authority } = await open();
    const other = await otherReseller(authority);
    const theirs = await acceptedRegistration(authority, 'Initech', other);
    await expect(authority.call('registrations.block', { registration: theirs }, other)).rejects.toMatchObject({
      code: 'VENDOR_ONLY',
    });
    const typo = `${theirs.slice(0, 6)}${theirs[6] === 'Z' ? 'Y' : 'Z'}${theirs.slice(7)}`;
    await expect(authority.call('registrations.block', { registration: typo }, VENDOR)).rejects.toMatchObject({
      code: 'REGISTRATION_NUMBER_TYPO',
      params: { group: 1 },
    });
    await expect(
      authority.call('registrations.block', { registration: randomRegistrationNumber() }, VENDOR),
    ).rejects.toMatchObject({ code: 'REGISTRATION_NOT_FOUND' });
    await authority.call('registrations.block', { registration: theirs }, VENDOR);
    await authority.call('devices.add', { serial: 'T1', model: 'askozia-pbx' }, other);
    await expect(
      authority.call('registrations.link', { registration: theirs, serial: 'T1' }, other),
    ).rejects.toMatchObject({ code: 'REGISTRATION_BLOCKED' });
    // Another reseller learns it is not theirs to use, not that it is blocked.
    await authority.call('devices.add', { serial: 'L1', model: 'askozia-pbx' });
    await expect(authority.call('registrations.link', { registration: theirs, serial: 'L1' })).rejects.toMatchObject({
      code: 'REGISTRATION_OTHER_RESELLER',
    });
  });

  it('a recovery leaves out blocked numbers when the address has others', async () => {
    const { authority } = await open();
    const kept = await acceptedRegistration(authority);
    const gone = await acceptedRegistration(authority);
    await authority.call('registrations.block', { registration: gone }, VENDOR);
    expect((await authority.call('registrations.recover', { email: 'it@acme.test' })).numbers).toEqual([kept]);
  });

  it('schema step 4 adds the block to an existing database; its numbers stay usable', async () => {
    expect(await migratedFromStep3(store)).toEqual([{ number: 'MIKO-OLD', blocked_at: null, blocked_reason: '' }]);
  });
});
