// Issuance with the issuing key in a PKCS#11 token (SoftHSM2) against in-process issuance from
// the data folder's key, both measured in this run on the same machine load: the ratio is what a
// vendor gives up by keeping the key in a module. SoftHSM2 is software, so a real HSM's figure
// depends on the device (its signs per second and the round trip to it).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Authority } from '../src/authority/authority';
import { hsmIssue } from '../src/authority/hsm/hsm-issue';
import { openPkcs11Signer } from '../src/authority/hsm/pkcs11-signer';
import { oneOffRequest } from '../src/device/one-off';
import { createSoftTokens, softhsmMissing } from '../tests/support/softhsm';

const DEVICES = 20;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const ROUNDS = 5;
/** Codes made ahead of each timed part: more than one part issues on this machine. */
const BATCH = Number(process.env.BENCH_PKCS11_CODES ?? 2000);

export async function benchPkcs11(seconds: number): Promise<Record<string, number>> {
  const missing = softhsmMissing();
  if (missing) {
    console.log(`pkcs11   skipped: ${missing}`);
    return {};
  }
  const soft = createSoftTokens(['LD-Bench']);
  Object.assign(process.env, soft.env); // SoftHSM2 reads its config when the module initialises
  const dir = mkdtempSync(join(tmpdir(), 'ld-bench-hsm-'));
  const uri = soft.tokens[0]!.uri('issuing');
  try {
    await Authority.init(dir);
    await Authority.init(dir, join(dir, 'hsm.db'));
    await hsmIssue(dir, uri);
    const signer = await openPkcs11Signer(uri);
    const file = await Authority.open({ dataDir: dir });
    const hsm = await Authority.open({ dataDir: dir, database: join(dir, 'hsm.db'), issuingKey: signer });
    try {
      await prepare([file, hsm]);
      // Each side has its own database, so both walk one list of codes, each with its own cursor;
      // generations rise per device along the list (the authority refuses an older code).
      const codes = new Codes();
      const cursors = new Map<Authority, number>([
        [file, 0],
        [hsm, 0],
      ]);
      const [fileRates, hsmRates] = [[] as number[], [] as number[]];
      // Which side goes first alternates, so an order effect (a WAL checkpoint, warm caches) hits both alike.
      for (let r = 0; r < ROUNDS; r++) {
        const pair = r % 2 ? ([hsm, file] as const) : ([file, hsm] as const);
        const rates: number[] = [];
        for (const side of pair) {
          codes.reserve(cursors.get(side)!);
          const { rate, used } = await issueRate(side, codes.list, cursors.get(side)!, seconds / ROUNDS / 2);
          cursors.set(side, cursors.get(side)! + used);
          rates.push(rate);
        }
        fileRates.push(rates[r % 2]!);
        hsmRates.push(rates[1 - (r % 2)]!);
      }
      const [inProcess, pkcs11] = [median(fileRates), median(hsmRates)];
      return {
        issue_per_s_pkcs11: Math.round(pkcs11),
        issue_per_s_inprocess: Math.round(inProcess),
        issue_pkcs11_ratio: Number((pkcs11 / inProcess).toFixed(3)),
        pkcs11_sign_per_s: Math.round(signRate(signer, seconds / ROUNDS)),
      };
    } finally {
      await file.close();
      await hsm.close();
      signer.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(soft.dir, { recursive: true, force: true });
  }
}

async function prepare(authorities: Authority[]): Promise<void> {
  for (const a of authorities)
    for (let i = 0; i < DEVICES; i++) {
      await a.call('devices.add', { serial: `HSM${i}`, model: 'comtrexx-vm' });
      await a.call('licences.grant', { serial: `HSM${i}`, feature: 11, quantity: 20 });
    }
}

/** Initialisation codes made ahead of the timed part (a PBX key each): always BATCH beyond a cursor. */
class Codes {
  readonly list: string[] = [];
  reserve(cursor: number): void {
    while (this.list.length < cursor + BATCH) {
      const i = this.list.length;
      this.list.push(oneOffRequest({ serial: `HSM${i % DEVICES}`, model: 'comtrexx-vm', generation: i + 1 }).code);
    }
  }
}

/**
 * As bench/issue.ts: requests in flight like a busy server has them; each answer after its commit.
 * Stops early (rate over the time taken) when the codes made ahead run out.
 */
async function issueRate(authority: Authority, codes: string[], from: number, seconds: number) {
  let done = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end && from + done + CONCURRENCY <= codes.length) {
    await Promise.all(
      Array.from({ length: CONCURRENCY }, (_, i) =>
        authority.call('certificates.recreate', { initCode: codes[from + done + i]! }),
      ),
    );
    done += CONCURRENCY;
  }
  return { rate: done / ((performance.now() - start) / 1000), used: done };
}

/** The token's own limit: one certificate-sized signature after another, nothing else. */
function signRate(signer: { sign(data: Uint8Array): Buffer }, seconds: number): number {
  const body = Buffer.alloc(460, 9);
  let n = 0;
  const start = performance.now();
  while (performance.now() < start + seconds * 1000) {
    for (let i = 0; i < 50; i++) signer.sign(body);
    n += 50;
  }
  return n / ((performance.now() - start) / 1000);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
