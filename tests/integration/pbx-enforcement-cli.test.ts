// The PBX enforces its licence, through the real CLI, one process per command: a reset host goes
// `revoked` while the new host is `licensed`; a 10-day licence stays expired when the PBX clock is
// set back; a tryout is over at day 15. `--clock` is what the simulated PBX's clock reads.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runProcess, type CliResult } from '../support/cli';
import { tempDir } from '../support/fixtures';

const cli = (args: string[], input = ''): Promise<CliResult> => runProcess(args, { input });
const ok = (r: CliResult): string => {
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
};
const fails = (r: CliResult, exit: 1 | 2, code: string): string => {
  expect(r.stderr).toMatch(new RegExp(`^licence-desk: .+ \\[${code}\\]\\n$`));
  expect(r.status).toBe(exit);
  return r.stderr;
};

interface Status {
  state: string;
  reason: string;
  clock: string;
  trustedTime: string;
  clockBehind: boolean;
  licences: { number: number; usable: boolean; expired: boolean; reason?: string }[];
}

type Run = (args: string[], input?: string) => Promise<CliResult>;

/** A fresh authority with its root exported; `ld` runs a command against it. */
async function authority(): Promise<{ ld: Run; rootFile: string }> {
  const data = tempDir('ld-enforce-data-');
  const ld: Run = (args, input = '') => cli(['--data', data, ...args], input);
  ok(await ld(['init']));
  const rootFile = join(data, 'root.pem');
  writeFileSync(rootFile, ok(await ld(['ca', 'export'])), { mode: 0o600 }); // the data folder is owner-only
  return { ld, rootFile };
}

const status = async (dir: string, ...extra: string[]): Promise<Status> =>
  JSON.parse(ok(await cli(['pbx', 'status', '--state', dir, '--json', ...extra]))) as Status;

/** pbx init → certificate recreate → pbx install, each its own process. */
async function activate(ld: Run, rootFile: string, dir: string, serial: string, model: string): Promise<void> {
  const code = ok(
    await cli(['pbx', 'init', '--state', dir, '--serial', serial, '--model', model, '--trust', rootFile]),
  );
  const answer = ok(await ld(['certificate', 'recreate', '--serial', serial, '--init-code', '-'], code));
  ok(await cli(['pbx', 'install', '--state', dir], answer));
}

it('binding reset: the old host is revoked at its next check and stays so; the new host is licensed', async () => {
  const { ld, rootFile } = await authority();
  const [pcA, pcB] = [tempDir('ld-enforce-a-'), tempDir('ld-enforce-b-')];
  ok(await ld(['device', 'add', '--serial', 'ASK-1', '--model', 'askozia-pbx']));
  const number = ok(await ld(['registration', 'create', '--company', 'Acme', '--email', 'it@acme.test'])).trim();
  ok(await ld(['eula', 'accept', '--registration', number]));
  ok(await ld(['registration', 'link', '--registration', number, '--serial', 'ASK-1']));
  ok(await ld(['licence', 'grant', '--serial', 'ASK-1', '--feature', '33']));
  await activate(ld, rootFile, pcA, 'ASK-1', 'askozia-pbx');
  expect(ok(await ld(['pbx', 'verify', '--state', pcA]))).toMatch(/^ASK-1: verified online, the certificate is valid/);
  expect((await status(pcA)).state).toBe('licensed');

  const [binding] = JSON.parse(ok(await ld(['binding', 'list', '--json']))) as { id: number }[];
  ok(await ld(['binding', 'reset', String(binding!.id), '--feature', '33']));
  // Until it checks in, the old host cannot know; its next check is a signed "revoked".
  expect(fails(await ld(['pbx', 'verify', '--state', pcA]), 1, 'PBX_CERTIFICATE_REVOKED')).toContain(
    "reports this PBX's certificate as revoked",
  );
  const revoked = await status(pcA);
  expect(revoked).toMatchObject({
    state: 'revoked',
    reason: expect.stringMatching(/^Revoked: the licence server said on/),
  });
  expect(revoked.licences.map((l) => l.usable)).toEqual([false]);
  const text = ok(await cli(['pbx', 'status', '--state', pcA]));
  expect(text).toMatch(/^ASK-1 \(askozia-pbx\): revoked\n/);
  expect(text).toContain('feature 33 × 1  grant  perpetual  NOT USABLE: the licence server said on');

  await activate(ld, rootFile, pcB, 'ASK-1', 'askozia-pbx');
  expect(ok(await ld(['pbx', 'verify', '--state', pcB]))).toContain('the certificate is valid');
  expect(await status(pcB)).toMatchObject({ state: 'licensed', licences: [{ number: 33, usable: true }] });
  // Neither time nor another check brings the old host back: only a newer answer would.
  expect((await status(pcA, '--clock', '-30d')).state).toBe('revoked');
  fails(await ld(['pbx', 'verify', '--state', pcA]), 1, 'PBX_CERTIFICATE_REVOKED');
  expect((await status(pcA, '--clock', '+400d')).state).toBe('revoked');
}, 180_000);

it('a 10-day licence is expired at +20d and stays expired with the clock set back to +2d', async () => {
  const { ld, rootFile } = await authority();
  const pbx = tempDir('ld-enforce-vm-');
  ok(await ld(['device', 'add', '--serial', 'VM-10', '--model', 'comtrexx-vm']));
  ok(await ld(['licence', 'grant', '--serial', 'VM-10', '--feature', '11', '--quantity', '5', '--days', '10']));
  await activate(ld, rootFile, pbx, 'VM-10', 'comtrexx-vm');
  expect(await status(pbx, '--clock', '+2d')).toMatchObject({ state: 'licensed', clockBehind: false });

  const late = await status(pbx, '--clock', '+20d');
  expect(late).toMatchObject({ state: 'expired', clockBehind: false, licences: [{ usable: false, expired: true }] });
  const back = await status(pbx, '--clock', '+2d');
  expect(back).toMatchObject({ state: 'expired', clockBehind: true, trustedTime: late.clock });
  expect(back.licences).toMatchObject([{ usable: false, expired: true }]);
  const text = ok(await cli(['pbx', 'status', '--state', pbx, '--clock', '+2d']));
  expect(text).toMatch(/^VM-10 \(comtrexx-vm\): expired\n {2}Expired: the certificate ended on \d{4}-\d\d-\d\d\.\n/);
  expect(text).toMatch(
    /Clock .* UTC is 18 days behind the trusted time .*; licences are measured against the trusted time\./,
  );
  // An ISO clock works the same; a clock the PBX cannot read is bad input, and changes nothing.
  expect((await status(pbx, '--clock', back.clock.replace(/\.\d{3}Z$/, 'Z'))).state).toBe('expired');
  fails(await cli(['pbx', 'status', '--state', pbx, '--clock', 'yesterday']), 2, 'OPTION_INVALID');
  fails(await cli(['pbx', 'status', '--state', pbx, '--clock', '2026-02-30T00:00:00Z']), 2, 'OPTION_INVALID');
}, 180_000);

it('a tryout is over at +15d: unlicensed, the test users stop counting, and setting the clock back does not revive it', async () => {
  const { ld, rootFile } = await authority();
  const pbx = tempDir('ld-enforce-tryout-');
  ok(await ld(['device', 'add', '--serial', 'VM-T', '--model', 'comtrexx-vm']));
  const code = ok(
    await cli(['pbx', 'init', '--state', pbx, '--serial', 'VM-T', '--model', 'comtrexx-vm', '--trust', rootFile]),
  );
  const answer = ok(await ld(['tryout', 'start', '--serial', 'VM-T', '--init-code', '-'], code));
  expect(ok(await cli(['pbx', 'install', '--state', pbx], answer))).toMatch(/^Installed: VM-T is tryout until /);
  expect(await status(pbx, '--clock', '+13d')).toMatchObject({
    state: 'tryout',
    licences: [{ number: 11, usable: true }],
  });
  const over = await status(pbx, '--clock', '+15d');
  expect(over).toMatchObject({
    state: 'unlicensed',
    reason: expect.stringMatching(/^Unlicensed: the tryout ended on \d{4}-\d\d-\d\d; install bought licences/),
    licences: [{ number: 11, usable: false, expired: true, reason: expect.stringMatching(/^the tryout ended on/) }],
  });
  expect(await status(pbx, '--clock', '+1d')).toMatchObject({ state: 'unlicensed', clockBehind: true });
}, 180_000);
