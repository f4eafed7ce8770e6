// The real `licence-desk` CLI, one process per command, as a user (or a script) runs it: the
// README's loop through separate processes, --json output, OpenSSL on what `code decode` prints,
// exit codes 0/1/2 with one-line errors, the data folder from the environment, and the demo.
// Each spawn costs ~0.4 s of tsx start-up, so independent cases run concurrently.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, REPO, runProcess } from '../support/cli';
import { makeRequest, tempDir } from '../support/fixtures';

const SERIAL = 'DEMO-0001';

interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

interface RunOptions {
  cwd?: string;
  input?: string;
  env?: NodeJS.ProcessEnv;
  script?: string;
}

let spawns = 0;

/** Runs a script of the repo (default: the CLI entry) in a fresh Node process. */
function node(args: string[], o: RunOptions = {}): Promise<Result> {
  spawns++;
  return runProcess(args, { ...o, env: o.env ?? cleanEnv() });
}

/** The test's environment without a LICENCE_DESK_DATA that could point at real data. */
/** Success: exit 0 and nothing on stderr. */
function ok(r: Result): string {
  expect(r.stderr, `stderr of a successful command`).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

/**
 * A failure: the exit code, and stderr is exactly one line, with our prefix (or commander's
 * "error:" for usage errors), the error code if given, and never a stack trace.
 */
function fails(r: Result, exit: 1 | 2, code?: string | RegExp): string {
  expect(r.stderr.endsWith('\n'), `stderr ends with a line break: ${JSON.stringify(r.stderr)}`).toBe(true);
  const lines = r.stderr.slice(0, -1).split('\n');
  expect(lines, 'stderr is exactly one line').toHaveLength(1);
  const line = lines[0]!;
  expect(line).toMatch(/^(licence-desk: |error: )/);
  expect(r.stderr).not.toContain('    at ');
  if (typeof code === 'string') expect(line).toContain(`[${code}]`);
  else if (code) expect(line).toMatch(code);
  expect(r.status, `exit code for: ${line}`).toBe(exit);
  return line;
}

const openssl = (args: string[], cwd: string): string =>
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
const pemBlocks = (text: string): string[] => text.match(/-----BEGIN ([A-Z ]+)-----[\s\S]+?-----END \1-----\n/g) ?? [];

describe('licence-desk CLI (separate processes)', () => {
  // One authority and one simulated PBX for the whole file, built by the README's loop below.
  let work: string;
  let cli: (args: string[], o?: RunOptions) => Promise<Result>;
  let initCode: string;
  let answerCode: string;

  // Not tempDir(): that one is removed after each test, and these tests share the folder.
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'ld-cli-'));
    cli = (args, o = {}) => node(['--data', join(work, 'data'), ...args], { cwd: work, ...o });
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('walks the README loop: init, ca export, device add, licence grant, pbx init, certificate recreate, pbx install, pbx status', async () => {
    // Two lines: what was made, and where the sealed root key is (to be moved offline).
    expect(ok(await cli(['init']))).toMatch(
      /^Created a licence authority in .*data\nThe root key is sealed in .*data\/ca\/root\.key\.sealed\. Move it offline.*\n$/,
    );
    expect(ok(await cli(['init']))).toMatch(/already exists; nothing changed/);

    const root = ok(await cli(['ca', 'export']));
    expect(pemBlocks(root).map((b) => b.split('\n')[0])).toEqual(['-----BEGIN CERTIFICATE-----']);
    writeFileSync(join(work, 'root.pem'), root);

    expect(
      ok(await cli(['device', 'add', '--serial', SERIAL, '--model', 'comtrexx-vm', '--name', 'Front office'])),
    ).toBe(`Added ${SERIAL} (comtrexx-vm) "Front office"\n`);
    expect(
      ok(await cli(['licence', 'grant', '--serial', SERIAL, '--feature', 'user-licence', '--quantity', '5'])),
    ).toBe(`Granted feature 11 (User licence (floating)) × 5 to ${SERIAL}, perpetual\n`);
    expect(
      ok(await cli(['licence', 'grant', '--serial', SERIAL, '--feature', 'call-assist-v1', '--days', '365'])),
    ).toMatch(/^Granted feature 12 \(PBX Call Assist V1\) × 1 to DEMO-0001, until \d{4}-\d\d-\d\d\n$/);

    initCode = ok(
      await cli(['pbx', 'init', '--state', 'pbx', '--serial', SERIAL, '--model', 'comtrexx-vm', '--trust', 'root.pem']),
    );
    expect(initCode).toMatch(/^REQ1-[0-9A-Z]{8}-/);
    writeFileSync(join(work, 'init.txt'), initCode);

    answerCode = ok(
      await cli(['certificate', 'recreate', '--serial', SERIAL, '--init-code', '-'], { input: initCode }),
    );
    expect(answerCode).toMatch(/^ANS1-[0-9A-Z]{8}-/);
    writeFileSync(join(work, 'answer.txt'), answerCode);

    expect(ok(await cli(['pbx', 'install', '--state', 'pbx', '-'], { input: answerCode }))).toMatch(
      /^Installed: DEMO-0001 is licensed until \d{4}-/,
    );

    const status = JSON.parse(ok(await cli(['pbx', 'status', '--state', 'pbx', '--json']))) as Record<string, unknown>;
    expect(status).toMatchObject({
      serial: SERIAL,
      model: 'comtrexx-vm',
      state: 'licensed',
      pending: false,
      installedGeneration: 1,
    });
    const licences = status.licences as {
      number: number;
      quantity: number;
      notAfter: string | null;
      expired: boolean;
    }[];
    expect(licences.map((l) => [l.number, l.quantity, l.expired])).toEqual([
      [11, 5, false],
      [12, 1, false],
    ]);
    expect(licences[0]!.notAfter).toBeNull();
    const days = (Date.parse(licences[1]!.notAfter!) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(364);
    expect(days).toBeLessThanOrEqual(365);
  });

  it('prints JSON for device list, device show and code inspect', async () => {
    const [list, show, inspectAnswer, inspectInit] = await Promise.all([
      cli(['device', 'list', '--json']),
      cli(['device', 'show', SERIAL, '--json']),
      cli(['code', 'inspect', '--json'], { input: answerCode }),
      cli(['code', 'inspect', 'init.txt', '--json']),
    ]);
    expect(JSON.parse(ok(list))).toEqual([
      expect.objectContaining({ serial: SERIAL, model: 'comtrexx-vm', name: 'Front office' }),
    ]);

    const detail = JSON.parse(ok(show)) as {
      device: { serial: string };
      licences: { feature: number; quantity: number }[];
      certificates: { serialHex: string; supersededBy: string | null; generation: number }[];
    };
    expect(detail.device.serial).toBe(SERIAL);
    expect(detail.licences.map((l) => [l.feature, l.quantity])).toEqual([
      [11, 5],
      [12, 1],
    ]);
    expect(detail.certificates).toHaveLength(1);
    expect(detail.certificates[0]).toMatchObject({ generation: 1 });
    expect(detail.certificates[0]!.supersededBy ?? null).toBeNull();

    const answer = JSON.parse(ok(inspectAnswer)) as { kind: string; ok: boolean; fields: Record<string, unknown> };
    expect(answer).toMatchObject({
      kind: 'answer',
      format: 'code',
      ok: true,
      fields: { serial: SERIAL, model: 'comtrexx-vm', isCa: false, binding: { generation: 1 } },
    });
    expect(answer.fields.certificateSerial).toBe(detail.certificates[0]!.serialHex);
    expect(
      (answer.fields.features as { number: number; quantity: number }[]).map((f) => [f.number, f.quantity]),
    ).toEqual([
      [11, 5],
      [12, 1],
    ]);
    expect(answer.fields.chain).toHaveLength(1);

    expect(JSON.parse(ok(inspectInit))).toMatchObject({
      kind: 'init',
      format: 'code',
      ok: true,
      fields: { serial: SERIAL, model: 'comtrexx-vm', keyType: 'ec-p256', signature: 'valid', generation: 1 },
    });
  });

  it('code decode gives PEM that openssl accepts: the request verifies, the answer chains to root.pem', async () => {
    const [req, ans] = await Promise.all([
      cli(['code', 'decode', 'init.txt']),
      cli(['code', 'decode', '-'], { input: answerCode }),
    ]);
    const request = pemBlocks(ok(req));
    expect(request).toHaveLength(1);
    writeFileSync(join(work, 'req.pem'), request[0]!);
    openssl(['req', '-verify', '-noout', '-in', 'req.pem'], work); // throws unless the signature verifies
    expect(openssl(['req', '-noout', '-subject', '-in', 'req.pem'], work)).toMatch(
      /serialNumber\s*=\s*DEMO-0001, CN\s*=\s*comtrexx-vm/,
    );

    const [leaf, ...chain] = pemBlocks(ok(ans));
    expect(leaf).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(chain).toHaveLength(1);
    writeFileSync(join(work, 'leaf.pem'), leaf!);
    writeFileSync(join(work, 'chain.pem'), chain.join(''));
    expect(openssl(['verify', '-CAfile', 'root.pem', '-untrusted', 'chain.pem', 'leaf.pem'], work)).toContain(
      'leaf.pem: OK',
    );
    // The leaf alone does not reach the root: the chain certificate is what links them.
    expect(() => openssl(['verify', '-CAfile', 'root.pem', 'leaf.pem'], work)).toThrow();
  });

  it('refuses a replayed answer: the installed one again, then after a newer init code (exit 1)', async () => {
    fails(await cli(['pbx', 'install', '--state', 'pbx', 'answer.txt']), 1, 'PBX_NO_PENDING');
    expect(ok(await cli(['pbx', 'init', '--state', 'pbx', '--serial', SERIAL, '--model', 'comtrexx-vm']))).toMatch(
      /^REQ1-/,
    );
    const line = fails(
      await cli(['pbx', 'install', '--state', 'pbx', '-'], { input: answerCode }),
      1,
      /\[(ANSWER_STALE|PBX_NO_PENDING)\]/,
    );
    expect(line).toContain('[ANSWER_STALE]');
    const status = JSON.parse(ok(await cli(['pbx', 'status', '--state', 'pbx', '--json']))) as Record<string, unknown>;
    expect(status).toMatchObject({ state: 'licensed', pending: true, generation: 2, installedGeneration: 1 });
  });

  it('exits 1 when a rule refuses: a second device add, a certificate for a device without licences', async () => {
    const bare = makeRequest('BARE-0001', 'comtrexx-vm').code;
    expect(ok(await cli(['device', 'add', '--serial', 'BARE-0001', '--model', 'comtrexx-vm']))).toContain(
      'Added BARE-0001',
    );
    const [twice, noLicences] = await Promise.all([
      cli(['device', 'add', '--serial', SERIAL, '--model', 'comtrexx-vm']),
      cli(['certificate', 'recreate', '--serial', 'BARE-0001'], { input: bare }),
    ]);
    fails(twice, 1, 'DEVICE_EXISTS');
    fails(noLicences, 1, 'NO_LICENCES');
    expect(noLicences.stdout).toBe('');
  });

  it('exits 2 on bad input, naming what is wrong in one line', async () => {
    // One substituted character in group 3 (data characters only, so it stays a valid character).
    const groups = initCode.split(/[-\n]/).slice(1);
    const g3 = groups[2]!;
    const typo = g3.slice(0, 2) + (g3[2] === 'A' ? 'B' : 'A') + g3.slice(3);
    const typoed = initCode.replace(g3, typo);
    const [model, garbage, typoResult, wrongKind, wrongKind2, unknownOption, missingOption, badQuantity] =
      await Promise.all([
        cli(['device', 'add', '--serial', 'NEW-1', '--model', 'comtrexx-mega']),
        cli(['certificate', 'recreate', '--serial', SERIAL], { input: 'Hello, here is the code you wanted\n' }),
        cli(['certificate', 'recreate', '--serial', SERIAL, '--init-code', '-'], { input: typoed }),
        cli(['certificate', 'recreate', '--serial', SERIAL, '--init-code', 'answer.txt']),
        cli(['pbx', 'install', '--state', 'pbx', 'init.txt']),
        cli(['device', 'list', '--colour']),
        cli(['device', 'add', '--serial', 'NEW-2']),
        cli(['licence', 'grant', '--serial', SERIAL, '--feature', '11', '--quantity', 'five']),
      ]);
    expect(fails(model, 2, 'UNKNOWN_MODEL')).toContain('comtrexx-mega');
    fails(garbage, 2, 'CODE_NOT_RECOGNISED');
    expect(fails(typoResult, 2, 'CODE_GROUP_TYPO')).toContain(`Group 3 (${typo})`);
    expect(fails(wrongKind, 2, 'CODE_WRONG_KIND')).toContain('answer code where an initialisation code belongs');
    expect(fails(wrongKind2, 2, 'CODE_WRONG_KIND')).toContain('initialisation code where an answer code belongs');
    expect(fails(unknownOption, 2)).toBe("error: unknown option '--colour'");
    expect(fails(missingOption, 2)).toBe("error: required option '--model <model>' not specified");
    fails(badQuantity, 2, 'OPTION_INVALID');
    // Nothing was changed by any of them.
    const devices = JSON.parse(ok(await cli(['device', 'list', '--json']))) as { serial: string }[];
    expect(devices.map((d) => d.serial).sort()).toEqual(['BARE-0001', SERIAL]);
  });

  it('takes the data folder from LICENCE_DESK_DATA when --data is not given', async () => {
    const home = tempDir('ld-home-');
    const data = join(home, 'from-env');
    // HOME and XDG_CONFIG_HOME point into the temp folder too: a broken override cannot touch real data.
    const env = cleanEnv({
      LICENCE_DESK_DATA: data,
      HOME: home,
      XDG_CONFIG_HOME: join(home, 'config'),
      APPDATA: join(home, 'appdata'),
    });
    expect(ok(await node(['init'], { env, cwd: home }))).toMatch(
      new RegExp(`^Created a licence authority in ${data}\n`),
    );
    expect(existsSync(join(data, 'ca', 'root.pem'))).toBe(true);
    expect(ok(await node(['device', 'list'], { env, cwd: home }))).toMatch(/^No devices yet/);
    expect(existsSync(join(home, 'config'))).toBe(false);
    // --data still wins over the environment.
    fails(
      await node(['--data', join(home, 'elsewhere'), 'device', 'list'], { env, cwd: home }),
      1,
      'AUTHORITY_MISSING',
    );
  });

  it('demo walks the whole loop, ends with the Done line and leaves no folder behind', async () => {
    const [demo] = await Promise.all([node(['demo'])]);
    for (const r of [demo]) {
      const out = ok(r);
      for (const step of [
        '--data authority init',
        '--data authority ca export',
        '--data authority device add',
        '--data authority licence grant',
        'pbx init',
        '--data authority certificate recreate',
        'pbx install',
        'pbx status',
      ]) {
        expect(out).toContain(`$ licence-desk ${step}`);
      }
      expect(out).toMatch(/\nREQ1-[0-9A-Z]{8}-/);
      expect(out).toMatch(/\nANS1-[0-9A-Z]{8}-/);
      const lines = out.trimEnd().split('\n');
      expect(lines.at(-1)).toMatch(
        /^Done: PBX DEMO-0001 is licensed \(feature 11 × 5, feature 12 × 1\)\. The loop took \d+ ms\.$/,
      );
      const folder = /^ {2}(\S*licence-desk-demo-\S+)$/m.exec(out)?.[1];
      expect(folder).toBeDefined();
      expect(existsSync(folder!)).toBe(false);
    }
  });

  it('stays within its budget of processes', () => {
    expect(spawns).toBeLessThan(40);
  });
});

describe('README', () => {
  it('documents every command the CLI has', () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    for (const cmd of [
      'init',
      'ca export',
      'device add',
      'device list',
      'device show',
      'licence grant',
      'certificate recreate',
      'code decode',
      'code inspect',
      'pbx init',
      'pbx install',
      'pbx status',
      'demo',
    ]) {
      expect(readme, cmd).toContain(`licence-desk ${cmd}`);
    }
  });
});
