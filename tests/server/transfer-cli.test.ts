// `device transfer …` as real processes against a real `serve`: a serial held elsewhere is refused
// with the way forward, asked for, and moved when the vendor approves.
import { expect, it } from 'vitest';
import { Authority } from '../../src/authority/authority';
import { tempDir } from '../support/fixtures';
import { cli, startServe, type CliResult } from './support';

const done = (r: CliResult): string => {
  expect(r.stderr, 'stderr').toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
};

it('refuses a held serial with DEVICE_HELD_ELSEWHERE, then moves it by request and vendor approval', async () => {
  const dir = tempDir();
  await Authority.init(dir);
  const server = await startServe(dir);
  const as = (token: string) => ['--server', server.url, '--token', token];
  const vendor = as(server.token()!);
  const tokenFor = async (name: string) => {
    done(await cli([...vendor, 'reseller', 'create', '--name', name]));
    return as(done(await cli([...vendor, 'token', 'create', '--role', 'reseller', '--reseller', name])).trim());
  };
  const holder = await tokenFor('Holder Ltd');
  const asker = await tokenFor('Asker Ltd');
  done(await cli([...holder, 'device', 'add', '--serial', 'ASK-0003', '--model', 'comtrexx-vm']));

  const refused = await cli([...asker, 'device', 'add', '--serial', 'ask-0003', '--model', 'comtrexx-vm']);
  expect(refused.status).toBe(1);
  expect(refused.stderr).toMatch(/device transfer request ask-0003.*\[DEVICE_HELD_ELSEWHERE\]\n$/);
  expect(refused.stderr).not.toMatch(/Holder/);

  expect(done(await cli([...asker, 'device', 'transfer', 'request', 'ask-0003', '--note', 'our customer']))).toMatch(
    /^Asked for ASK-0003 \(request #(\d+)\); the current holder keeps it until the vendor decides\.\n$/,
  );
  const again = await cli([...asker, 'device', 'transfer', 'request', 'ASK-0003']);
  expect(again.stderr).toMatch(/\[TRANSFER_ALREADY_REQUESTED\]\n$/);
  const pending = JSON.parse(done(await cli([...vendor, 'device', 'transfer', 'list', '--pending', '--json'])));
  expect(pending).toEqual([expect.objectContaining({ serial: 'ASK-0003', from: 'Holder Ltd', to: 'Asker Ltd' })]);
  const byAsker = await cli([...asker, 'device', 'transfer', 'approve', String(pending[0].id)]);
  expect(byAsker.stderr).toMatch(/\[VENDOR_ONLY\]\n$/);

  expect(done(await cli([...vendor, 'device', 'transfer', 'approve', `#${pending[0].id}`]))).toMatch(
    new RegExp(
      `^#${pending[0].id} ASK-0003 from Holder Ltd to Asker Ltd: approved on \\d{4}-\\d{2}-\\d{2} — our customer\n$`,
    ),
  );
  expect(
    JSON.parse(done(await cli([...asker, 'device', 'list', '--json']))).map((d: { serial: string }) => d.serial),
  ).toEqual(['ASK-0003']);
  expect(JSON.parse(done(await cli([...holder, 'device', 'list', '--json'])))).toEqual([]);
  expect(done(await cli([...holder, 'device', 'transfer', 'list']))).toMatch(/ASK-0003 \(incoming\): approved/);
});
