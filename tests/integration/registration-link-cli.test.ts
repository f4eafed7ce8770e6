// The dead end, walked through the real CLI (one process per command): a customer whose
// trial ran on host 1 links host 2 to the same registration number and redeems a coupon there;
// host 2's PBX then installs the coupon licence. A link typo is bad input (exit 2).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runProcess } from '../support/cli';
import { tempDir } from '../support/fixtures';

interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

const cli = (args: string[], input = ''): Promise<Result> => runProcess(args, { input });

const ok = (r: Result): string => {
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
};

const fails = (r: Result, exit: 1 | 2, code: string): void => {
  expect(r.stderr).toMatch(new RegExp(`^licence-desk: .+ \\[${code}\\]\\n$`));
  expect(r.status).toBe(exit);
};

it('CLI: trial on host 1, then registration link + coupon redeem on host 2 of the same customer', async () => {
  const [data, pc1, pc2] = [tempDir('ld-link-data-'), tempDir('ld-link-pc1-'), tempDir('ld-link-pc2-')];
  const ld = (args: string[], input = '') => cli(['--data', data, ...args], input);
  ok(await ld(['init']));
  const rootFile = join(data, 'root.pem');
  writeFileSync(rootFile, ok(await ld(['ca', 'export'])), { mode: 0o600 }); // the data folder is owner-only
  const init = async (dir: string, serial: string) =>
    ok(await cli(['pbx', 'init', '--state', dir, '--serial', serial, '--model', 'askozia-pbx', '--trust', rootFile]));

  const number = ok(await ld(['registration', 'create', '--company', 'Acme', '--email', 'it@acme.test'])).trim();
  ok(await ld(['eula', 'accept', '--registration', number]));
  for (const serial of ['ASK-0001', 'ASK-0003'])
    ok(await ld(['device', 'add', '--serial', serial, '--model', 'askozia-pbx']));
  const trial = ok(
    await ld(
      ['trial', 'start', '--registration', number, '--serial', 'ASK-0001', '--init-code', '-'],
      await init(pc1, 'ASK-0001'),
    ),
  );
  ok(await cli(['pbx', 'install', '--state', pc1], trial));

  const code2 = await init(pc2, 'ASK-0003');
  fails(
    await ld(['trial', 'start', '--registration', number, '--serial', 'ASK-0003', '--init-code', '-'], code2),
    1,
    'TRIAL_ALREADY_USED_REGISTRATION',
  );
  const typo = number.slice(0, -1) + (number.endsWith('Z') ? 'Y' : 'Z');
  fails(
    await ld(['registration', 'link', '--registration', typo, '--serial', 'ASK-0003']),
    2,
    'REGISTRATION_NUMBER_TYPO',
  );
  expect(ok(await ld(['registration', 'link', '--registration', number, '--serial', 'ASK-0003']))).toBe(
    `ASK-0003 is now linked to ${number}\n`,
  );
  const [coupon] = ok(await ld(['coupon', 'mint', '--feature', '33']))
    .trim()
    .split('\n');
  ok(await ld(['coupon', 'redeem', coupon!, '--serial', 'ASK-0003']));
  const answer = ok(await ld(['certificate', 'recreate', '--serial', 'ASK-0003'], code2));
  ok(await cli(['pbx', 'install', '--state', pc2], answer));
  const status = JSON.parse(ok(await cli(['pbx', 'status', '--state', pc2, '--json']))) as {
    licences: { number: number; source: string; usable: boolean }[];
  };
  expect(status.licences).toMatchObject([{ number: 33, source: 'coupon', usable: true }]);
});

it('CLI: registration block / unblock (the embedded desktop is its own vendor); a blocked number refuses the link (exit 1)', async () => {
  const data = tempDir('ld-block-data-');
  const ld = (args: string[]) => cli(['--data', data, ...args]);
  ok(await ld(['init']));
  const number = ok(await ld(['registration', 'create', '--company', 'Acme', '--email', 'it@acme.test'])).trim();
  ok(await ld(['device', 'add', '--serial', 'ASK-0009', '--model', 'askozia-pbx']));
  expect(ok(await ld(['registration', 'block', number, '--reason', 'chargeback']))).toBe(
    `${number} is now blocked (chargeback)\n`,
  );
  expect(ok(await ld(['registration', 'block', number]))).toMatch(
    new RegExp(`^${number} was already blocked on \\d{4}-\\d\\d-\\d\\d \\(chargeback\\)\\n$`),
  );
  fails(
    await ld(['registration', 'link', '--registration', number, '--serial', 'ASK-0009']),
    1,
    'REGISTRATION_BLOCKED',
  );
  fails(await ld(['registration', 'recover', '--email', 'it@acme.test']), 1, 'REGISTRATION_BLOCKED');
  expect(ok(await ld(['registration', 'unblock', number]))).toBe(`${number} is unblocked\n`);
  expect(ok(await ld(['registration', 'link', '--registration', number, '--serial', 'ASK-0009']))).toBe(
    `ASK-0009 is now linked to ${number}\n`,
  );
  const audit = JSON.parse(ok(await ld(['audit', 'list', '--action', 'registration.block', '--json']))) as unknown[];
  expect(audit).toHaveLength(1);
});
