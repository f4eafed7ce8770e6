// An old initialisation code through the CLI, as separate processes: after the PBX's newer code
// was answered, the older one is refused with REQUEST_STALE_GENERATION and exit 1, in one line
// that names both generations, and the newer certificate stays the current one.
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runProcess } from '../support/cli';
import { tempDir } from '../support/fixtures';

it('CLI: certificate recreate with a stale initialisation code exits 1 (REQUEST_STALE_GENERATION)', async () => {
  const work = tempDir('ld-cli-stale-');
  const cli = (args: string[], input?: string) =>
    runProcess(['--data', join(work, 'data'), ...args], { cwd: work, ...(input ? { input } : {}) });
  const ok = async (args: string[], input?: string) => {
    const r = await cli(args, input);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    return r.stdout;
  };
  await ok(['init']);
  const root = await ok(['ca', 'export']);
  await ok(['device', 'add', '--serial', 'STALE-1', '--model', 'comtrexx-vm']);
  await ok(['licence', 'grant', '--serial', 'STALE-1', '--feature', 'user-licence', '--quantity', '5']);
  const pbxInit = () =>
    ok(['pbx', 'init', '--state', 'pbx', '--serial', 'STALE-1', '--model', 'comtrexx-vm', '--trust', '-'], root);
  const older = await pbxInit();
  const newer = await pbxInit();
  await ok(['certificate', 'recreate', '--serial', 'STALE-1', '--init-code', '-'], newer);

  const refused = await cli(['certificate', 'recreate', '--serial', 'STALE-1', '--init-code', '-'], older);
  expect(refused.status).toBe(1);
  expect(refused.stdout).toBe('');
  expect(refused.stderr).not.toContain('    at ');
  expect(refused.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(refused.stderr).toContain('[REQUEST_STALE_GENERATION]');
  expect(refused.stderr).toContain('generation 1');
  expect(refused.stderr).toContain('generation 2');

  const detail = JSON.parse(await ok(['device', 'show', 'STALE-1', '--json'])) as {
    certificates: { generation: number; supersededBy: string | null }[];
  };
  expect(detail.certificates.map((c) => [c.generation, c.supersededBy])).toEqual([[2, null]]);
});
