// The PBX enforces what signed receipts and its trusted clock say (docs/device.md, "Licence
// states"): supersede takes effect at the next check and only a newer answer undoes it; a
// receipt from the future and a clock far ahead are believed; setting the clock back gains nothing.
import { describe, expect, it } from 'vitest';
import type { Authority } from '../../src/authority/authority';
import { oneOffRequest } from '../../src/device/one-off';
import { initPbx, installAnswer, pbxStatus } from '../../src/device/simulator';
import { verifyOnline } from '../../src/device/verify';
import { signerOf } from '../../src/licensing/signer';
import { receiptBytes } from '../../src/licensing/verification';
import { freshAuthority, recreate, type TestClock } from '../support/fixtures';
import { inProcess, licensedPbx } from '../support/pbx';

const DAY = 86_400_000;
const YEAR = 365 * DAY;
const later = (t: Date, ms: number) => new Date(t.getTime() + ms);

/** Another certificate issued for the same PBX serial (a newer code from elsewhere): the installed one is superseded. */
async function supersede(authority: Authority, serial: string): Promise<void> {
  await recreate(authority, oneOffRequest({ serial, model: 'comtrexx-vm', generation: 50 }).code, serial);
}

async function reinstall(authority: Authority, clock: TestClock, dir: string, serial: string) {
  const { code } = await initPbx(dir, { serial, model: 'comtrexx-vm', now: clock.now });
  return installAnswer(dir, (await recreate(authority, code, serial)).code, clock.now);
}

describe('signed verdicts', () => {
  it('superseded: revoked at the next check, nothing usable; a newer answer brings it back', async () => {
    const { authority, clock } = await freshAuthority();
    const pbx = await licensedPbx(authority, clock, 'E-1');
    expect((await verifyOnline(pbx.dir, inProcess(authority), clock.now)).online.state).toBe('licensed');
    await supersede(authority, 'E-1');
    expect((await pbxStatus(pbx.dir, clock.now)).state).toBe('licensed'); // it cannot know before it checks in
    const r = await verifyOnline(pbx.dir, inProcess(authority), clock.now);
    expect(r).toMatchObject({ outcome: 'verified', receipt: { status: 'superseded' } });
    const revoked = await pbxStatus(pbx.dir, clock.now);
    expect(revoked).toMatchObject({ state: 'revoked', online: { verdict: 'superseded' } });
    expect(revoked.reason).toMatch(/that this certificate was superseded\.$/);
    expect(revoked.licences.map((l) => l.usable)).toEqual([false]);

    expect((await reinstall(authority, clock, pbx.dir, 'E-1')).state).toBe('licensed');
    expect((await verifyOnline(pbx.dir, inProcess(authority), clock.now)).online.state).toBe('licensed');
  });

  it('a verdict is kept: a later receipt saying "valid", even genuinely signed, does not undo it', async () => {
    const { authority, clock } = await freshAuthority();
    const pbx = await licensedPbx(authority, clock, 'E-2');
    await supersede(authority, 'E-2');
    await verifyOnline(pbx.dir, inProcess(authority), clock.now);
    const issuer = authority.ctx.ca.issuer;
    const valid = await verifyOnline(
      pbx.dir,
      async (req) => {
        const r = { ...(await authority.call('verification.check', req)), status: 'valid' as const };
        return { ...r, signature: signerOf(issuer.key).sign(receiptBytes(r)).toString('base64') };
      },
      clock.now,
    );
    expect(valid).toMatchObject({ outcome: 'verified', receipt: { status: 'valid' } });
    expect(await pbxStatus(pbx.dir, later(clock.now, DAY))).toMatchObject({
      state: 'revoked',
      online: { state: 'superseded' },
    });
  });
});

describe('the trusted clock', () => {
  it('a receipt from the future is believed (it is signed): a 30-day licence ends, and the clock is shown behind', async () => {
    const { authority, clock } = await freshAuthority();
    const pbx = await licensedPbx(authority, clock, 'E-3', { days: 30 });
    const pbxNow = clock.now;
    const r = await verifyOnline(
      pbx.dir,
      async (req) => {
        clock.now = later(pbxNow, YEAR);
        return authority.call('verification.check', req);
      },
      pbxNow,
    );
    expect(r).toMatchObject({ outcome: 'verified', clockBehind: true });
    expect(await pbxStatus(pbx.dir, pbxNow)).toMatchObject({
      state: 'expired',
      clock: pbxNow.toISOString(),
      trustedTime: later(pbxNow, YEAR).toISOString(),
      clockBehind: true,
    });
  });

  it('a clock ten years ahead is believed and stays believed when set back; an hour, a day, a year back change nothing', async () => {
    const { authority, clock } = await freshAuthority();
    const pbx = await licensedPbx(authority, clock, 'E-4');
    await verifyOnline(pbx.dir, inProcess(authority), clock.now);
    const now = await pbxStatus(pbx.dir, clock.now);
    for (const back of [-3_600_000, -DAY, -YEAR]) {
      const s = await pbxStatus(pbx.dir, later(clock.now, back));
      expect({ state: s.state, licences: s.licences, trustedTime: s.trustedTime }).toEqual({
        state: now.state,
        licences: now.licences,
        trustedTime: now.trustedTime,
      });
      expect(s.clockBehind).toBe(back < -5 * 60_000);
    }
    const ahead = await pbxStatus(pbx.dir, later(clock.now, 10 * YEAR));
    expect(ahead).toMatchObject({ state: 'expired', clockBehind: false });
    const back = await pbxStatus(pbx.dir, clock.now);
    expect(back).toMatchObject({ state: 'expired', clockBehind: true, trustedTime: ahead.clock });
  });

  it('an answer that has ended cannot be installed by setting the clock back', async () => {
    const { authority, clock } = await freshAuthority();
    const pbx = await licensedPbx(authority, clock, 'E-5');
    await pbxStatus(pbx.dir, later(clock.now, 6 * YEAR)); // the PBX has seen this time
    const { code } = await initPbx(pbx.dir, { serial: 'E-5', model: 'comtrexx-vm', now: clock.now });
    const answer = await recreate(authority, code, 'E-5'); // issued today, for 5 years
    await expect(installAnswer(pbx.dir, answer.code, clock.now)).rejects.toMatchObject({ code: 'CERT_EXPIRED' });
  });
});
