// A SoftHSM2 token of the test's own, in a temp folder: its own config file (SOFTHSM2_CONF) so
// that no system token is touched. No vitest imports: the bench uses it too.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SOFTHSM_MODULE = '/usr/lib/softhsm/libsofthsm2.so';

export interface SoftToken {
  label: string;
  pin: string;
  /** SOFTHSM2_CONF plus the PIN variable the URIs name. */
  env: Record<string, string>;
  /** A URI for `object` with the PIN from the environment (the way the docs show it). */
  uri: (object: string, extra?: string) => string;
}

/** Why SoftHSM2 cannot be used here, or undefined when it can. */
export function softhsmMissing(): string | undefined {
  if (!existsSync(SOFTHSM_MODULE)) return `${SOFTHSM_MODULE} is missing (apt-get install softhsm2)`;
  try {
    execFileSync('softhsm2-util', ['--version'], { stdio: 'ignore' });
  } catch {
    return 'softhsm2-util is not on PATH (apt-get install softhsm2)';
  }
  return undefined;
}

/** A fresh SoftHSM2 folder with the given tokens initialised (each with its own label, one PIN). */
export function createSoftTokens(
  labels: string[],
  pin = '461207',
): { dir: string; env: Record<string, string>; tokens: SoftToken[] } {
  const dir = mkdtempSync(join(tmpdir(), 'ld-softhsm-'));
  mkdirSync(join(dir, 'tokens'));
  const conf = join(dir, 'softhsm2.conf');
  writeFileSync(conf, `directories.tokendir = ${join(dir, 'tokens')}\nobjectstore.backend = file\nlog.level = ERROR\n`);
  const env = { SOFTHSM2_CONF: conf, LD_TEST_HSM_PIN: pin };
  for (const label of labels)
    execFileSync('softhsm2-util', ['--init-token', '--free', '--label', label, '--pin', pin, '--so-pin', '90210'], {
      env: { ...process.env, ...env },
      stdio: 'ignore',
    });
  const tokens = labels.map((label) => ({
    label,
    pin,
    env,
    uri: (object: string, extra = '') =>
      `pkcs11:token=${encodeURIComponent(label)};object=${encodeURIComponent(object)};type=private?module-path=${SOFTHSM_MODULE}&pin-source=env:LD_TEST_HSM_PIN${extra}`,
  }));
  return { dir, env, tokens };
}
