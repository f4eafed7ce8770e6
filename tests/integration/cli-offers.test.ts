// The tryout, registration, trial and EULA commands of the real CLI, one process per command:
// outputs a script can use, exit codes 0 done / 1 refused by a rule / 2 bad input, one-line
// errors. The authority is prepared in-process to keep spawns (~0.4 s each) few.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProcess } from '../support/cli';
import { Authority } from '../../src/authority/authority';
import { initPbx, installAnswer } from '../../src/device/simulator';

interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

const cli = (data: string, args: string[], input = ''): Promise<Result> =>
  runProcess(['--data', data, ...args], { input });

function ok(r: Result): string {
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

function fails(r: Result, exit: 1 | 2, code: string): void {
  expect(r.stderr).toMatch(new RegExp(`^licence-desk: .*\\[${code}\\]\\n$`));
  expect(r.status).toBe(exit);
}

describe('licence-desk tryout / registration / trial / eula (separate processes)', () => {
  let data: string;
  let work: string;
  let vmCode: string;
  let askoziaCode: string;

  // Not tempDir(): that one is removed after each test, and these tests share the folder.
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'ld-cli-offers-'));
    data = join(work, 'data');
    await Authority.init(data);
    const authority = await Authority.open({ dataDir: data });
    const { pem } = await authority.call('ca.root', {});
    for (const [serial, model] of [
      ['VM1', 'comtrexx-vm'],
      ['BIZ1', 'comtrexx-business'],
      ['ASK1', 'askozia-pbx'],
    ] as const)
      await authority.call('devices.add', { serial, model });
    await authority.close();
    vmCode = (await initPbx(join(work, 'vm'), { serial: 'VM1', model: 'comtrexx-vm', trustPem: pem })).code;
    askoziaCode = (await initPbx(join(work, 'askozia'), { serial: 'ASK1', model: 'askozia-pbx', trustPem: pem })).code;
    writeFileSync(join(work, 'askozia.txt'), askoziaCode);
  });

  it('tryout start answers the code, registration create prints the number, refusals exit 1 and bad input 2', async () => {
    const [tryout, business, created, badEmail] = await Promise.all([
      cli(data, ['tryout', 'start', '--serial', 'VM1', '--init-code', '-'], vmCode),
      cli(data, ['tryout', 'start', '--serial', 'BIZ1']),
      cli(data, ['registration', 'create', '--company', 'Acme', '--email', 'it@acme.test', '--contact', 'Ada']),
      cli(data, ['registration', 'create', '--company', 'Acme', '--email', 'not-an-email']),
    ]);
    const answer = ok(tryout);
    expect(answer).toMatch(/^ANS1-/);
    expect(
      (await installAnswer(join(work, 'vm'), answer)).licences.map((l) => [l.number, l.quantity, l.source]),
    ).toEqual([[11, 3, 'tryout']]);
    fails(business, 1, 'TRYOUT_NOT_AVAILABLE');
    expect(business.stderr).toContain('COMtrexx Business has no tryout: it always needs bought licences');
    expect(ok(created)).toMatch(/^MIKO-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}\n$/);
    fails(badEmail, 2, 'INPUT_INVALID');
  });

  it('eula accept, trial start (answer installed by the PBX), tryout status --json, recover, and a typo (exit 2)', async () => {
    const number = ok(await cli(data, ['registration', 'recover', '--email', 'IT@acme.test'])).trim();
    expect(number).toMatch(/^MIKO-/);
    const refused = await cli(data, [
      'trial',
      'start',
      '--registration',
      number,
      '--serial',
      'ASK1',
      '--init-code',
      join(work, 'askozia.txt'),
    ]);
    fails(refused, 1, 'EULA_NOT_ACCEPTED');
    expect(ok(await cli(data, ['eula', 'accept', '--registration', number, '--host', 'pc-office']))).toMatch(
      /^Accepted: licence agreement 1\.0 for MIKO-.* by local on \d{4}-\d\d-\d\d from pc-office\n$/,
    );
    const typo = number.slice(0, -1) + (number.endsWith('0') ? '1' : '0');
    const [trial, status, mistyped] = await Promise.all([
      cli(data, [
        'trial',
        'start',
        '--registration',
        number,
        '--serial',
        'ASK1',
        '--init-code',
        join(work, 'askozia.txt'),
      ]),
      cli(data, ['tryout', 'status', '--serial', 'VM1', '--json']),
      cli(data, ['eula', 'accept', '--registration', typo]),
    ]);
    const answer = ok(trial);
    expect((await installAnswer(join(work, 'askozia'), answer)).licences.map((l) => [l.number, l.source])).toEqual([
      [33, 'trial'],
    ]);
    expect(JSON.parse(ok(status))).toMatchObject({ serial: 'VM1', state: 'active', daysLeft: 14, testUsers: 3 });
    fails(mistyped, 2, 'REGISTRATION_NUMBER_TYPO');
    expect(mistyped.stderr).toContain('group 4, character 5');
  });
});
