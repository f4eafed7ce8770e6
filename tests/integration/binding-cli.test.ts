// The coupon and binding commands through the real CLI, one process per command, the way a
// reseller moves an Askozia PBX to another PC: two simulated PCs (two state folders, so two host
// fingerprints), activation on A, refusal on B, a wrong-feature reset refused, reset, B activates.
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

function cli(args: string[], input = ''): Promise<Result> {
  return runProcess(args, { input });
}

const ok = (r: Result): string => {
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
};
const fails = (r: Result, exit: 1 | 2, code: string): string => {
  expect(r.stderr).toMatch(new RegExp(`^licence-desk: .+ \\[${code}\\]\\n$`));
  expect(r.status).toBe(exit);
  return r.stderr;
};

it('CLI: coupon mint/redeem/block and binding list/show/reset move an Askozia licence to another PC', async () => {
  const [data, pcA, pcB] = [tempDir('ld-cli-data-'), tempDir('ld-cli-pc-a-'), tempDir('ld-cli-pc-b-')];
  const ld = (...args: string[]) => cli(['--data', data, ...args]);
  ok(await ld('init'));
  const root = ok(await ld('ca', 'export'));
  const rootFile = join(data, 'root.pem');
  writeFileSync(rootFile, root, { mode: 0o600 }); // the data folder is owner-only
  ok(await ld('device', 'add', '--serial', 'ASK-9', '--model', 'askozia-pbx'));
  const number = ok(await ld('registration', 'create', '--company', 'Acme', '--email', 'it@acme.test')).trim();
  ok(await ld('eula', 'accept', '--registration', number));
  ok(await ld('registration', 'link', '--registration', number, '--serial', 'ASK-9'));
  ok(await ld('licence', 'grant', '--serial', 'ASK-9', '--feature', '33'));

  // Coupons: a typo is bad input (exit 2); blocking, then redeeming a blocked one is refused (exit 1).
  const [code] = ok(await ld('coupon', 'mint', '--feature', '33', '--count', '2'))
    .trim()
    .split('\n');
  const typo = code!.slice(0, -1) + (code!.endsWith('Z') ? 'Y' : 'Z');
  const [typoRun, blockRun] = await Promise.all([
    ld('coupon', 'redeem', typo, '--serial', 'ASK-9'),
    ld('coupon', 'block', code!.toLowerCase()),
  ]);
  fails(typoRun, 2, 'COUPON_TYPO');
  expect(ok(blockRun)).toBe('Blocked the coupon; it can no longer be redeemed\n');
  fails(await ld('coupon', 'redeem', ...code!.split('-'), '--serial', 'ASK-9'), 1, 'COUPON_BLOCKED');

  // Activate on PC A and install there.
  const initA = ok(
    await cli(['pbx', 'init', '--state', pcA, '--serial', 'ASK-9', '--model', 'askozia-pbx', '--trust', rootFile]),
  );
  const recreatedA = ok(await cli(['--data', data, 'certificate', 'recreate', '--serial', 'ASK-9'], initA));
  ok(await cli(['pbx', 'install', '--state', pcA], recreatedA));

  // PC B is refused with where and since.
  const initB = ok(
    await cli(['pbx', 'init', '--state', pcB, '--serial', 'ASK-9', '--model', 'askozia-pbx', '--trust', rootFile]),
  );
  expect(
    fails(await cli(['--data', data, 'certificate', 'recreate', '--serial', 'ASK-9'], initB), 1, 'BINDING_ELSEWHERE'),
  ).toMatch(/since \d{4}-\d\d-\d\d \d\d:\d\d UTC/);

  const [binding] = JSON.parse(ok(await ld('binding', 'list', '--json'))) as {
    id: number;
    feature: number;
    active: boolean;
  }[];
  expect(binding).toMatchObject({ feature: 33, active: true });
  const id = String(binding!.id);
  const [shown, wrong] = await Promise.all([ld('binding', 'show', id), ld('binding', 'reset', id, '--feature', '34')]);
  expect(ok(shown)).toContain(`licence-desk binding reset ${id} --feature 33`);
  expect(fails(wrong, 1, 'BINDING_FEATURE_MISMATCH')).toContain(
    'is feature 33 (Askozia PBX), not 34 (Askozia CFE); nothing was reset',
  );
  expect(ok(await ld('binding', 'reset', id, '--feature', '33'))).toMatch(
    /^Reset binding \d+: feature 33 \(Askozia PBX\) of ASK-9 .*revoked 1 certificate\./,
  );

  const recreatedB = ok(await cli(['--data', data, 'certificate', 'recreate', '--serial', 'ASK-9'], initB));
  ok(await cli(['pbx', 'install', '--state', pcB], recreatedB));
  const list = ok(await ld('binding', 'list'));
  expect(list.split('\n').filter((l) => /active|reset/.test(l))).toHaveLength(2);
}, 120_000);
