// The PBX's state folder (layout in docs/device.md). pbx.json is the single commit point: every
// other file is written first under a name pbx.json does not refer to yet, then pbx.json is
// replaced atomically, then files nothing refers to any more are removed. A crash at any moment
// therefore leaves either the old or the new state, never a mix of both.
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { err, LdError } from '../shared/errors';
import { issueText } from '../shared/zod-issues';
import { fromPem, toPem } from '../licensing/pem';
import { VERIFY_STATUSES } from '../shared/api/verification';

export const STATE_FILE = 'pbx.json';
export const TRUST_FILE = 'trust.pem';
/** Names derive from the generation, so pbx.json never holds a path a corrupt file could abuse. */
export const keyFile = (generation: number): string => `key-${generation}.pem`;
export const chainFile = (generation: number): string => `licence-${generation}.pem`;

const hex = z.string().regex(/^(?:[0-9a-f]{2})+$/);
const generation = z
  .number()
  .int()
  .min(1)
  .max(2 ** 31 - 1);
const keyRecord = z.strictObject({ generation, keySha256: hex });

const StoredState = z.strictObject({
  version: z.literal(1),
  serial: z.string().min(1),
  model: z.string().min(1),
  firmware: z.string().min(1),
  hostName: z.string().min(1).optional(),
  hostFingerprint: hex,
  /** The last generation an initialisation code was made for (0 before the first). */
  generation: z.number().int().min(0),
  pending: z.strictObject({ generation, keySha256: hex, nonce: hex, request: z.base64() }).optional(),
  installed: keyRecord.optional(),
  /** Keys of earlier generations (newest last), so an old answer is called stale, not foreign. */
  retired: z.array(keyRecord),
});

export type PbxState = z.infer<typeof StoredState>;
export type KeyRecord = z.infer<typeof keyRecord>;
export const MAX_RETIRED = 64;

export const stateMissing = (dir: string): LdError => err.PBX_STATE_MISSING({ path: dir });

export const stateCorrupt = (path: string, problem: string): LdError => err.PBX_STATE_CORRUPT({ path, problem });

/** ENOTDIR too: a path through a plain file cannot hold state either. */
const isMissing = (e: unknown): boolean =>
  ['ENOENT', 'ENOTDIR'].includes((e as NodeJS.ErrnoException | undefined)?.code ?? '');

/** The state, or undefined for a folder that was never initialised (absent or without pbx.json). */
export async function readStateIfAny(dir: string): Promise<PbxState | undefined> {
  return readJsonFile(join(dir, STATE_FILE), StoredState);
}

/** A JSON file checked against its schema; undefined when absent, PBX_STATE_CORRUPT when damaged. */
async function readJsonFile<T>(path: string, schema: z.ZodType<T>): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if (isMissing(e)) return undefined;
    throw e;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw stateCorrupt(path, 'it is not JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw stateCorrupt(path, issueText(parsed.error.issues[0]!, 'the file'));
  }
  return parsed.data;
}

export async function readState(dir: string): Promise<PbxState> {
  const state = await readStateIfAny(dir);
  if (!state) throw stateMissing(dir);
  return state;
}

export async function saveState(dir: string, state: PbxState): Promise<void> {
  await writeAtomic(join(dir, STATE_FILE), JSON.stringify(state, null, 2) + '\n', 0o600);
}

/** Creates the folder (owner only: it holds private keys). */
export async function ensureFolder(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
}

// ---- online verification (src/device/verify.ts, docs/verification.md) ------------------------
// A file of its own rather than fields in pbx.json: it changes on every check-in, and an init or
// install must neither lose it nor wait for it. It refers to no other file.

export const ONLINE_FILE = 'online.json';
const isoText = z.string().min(1).max(40);

const OnlineRecordSchema = z.strictObject({
  version: z.literal(1),
  /** The last receipt this PBX accepted (its times as signed, checkedAt by this PBX's clock). */
  lastReceipt: z
    .strictObject({
      certificateSerial: hex,
      status: z.enum(VERIFY_STATUSES),
      serverTime: isoText,
      nextCheckIn: isoText,
      checkedAt: isoText,
    })
    .optional(),
  /** The last attempt, successful or not (code of the failure). */
  lastAttempt: z.strictObject({ at: isoText, ok: z.boolean(), code: z.string().max(80).optional() }).optional(),
  /**
   * The first signed receipt that said the installed certificate is no longer good. Kept apart from
   * lastReceipt so a later receipt cannot undo it: only a newer certificate (another serial) does.
   */
  verdict: z
    .strictObject({
      certificateSerial: hex,
      status: z.enum(['revoked', 'superseded', 'expired']),
      serverTime: isoText,
    })
    .optional(),
});

export type OnlineRecord = z.infer<typeof OnlineRecordSchema>;

/** The online record, or undefined before the first check. */
export async function readOnline(dir: string): Promise<OnlineRecord | undefined> {
  return readJsonFile(join(dir, ONLINE_FILE), OnlineRecordSchema);
}

export async function saveOnline(dir: string, record: OnlineRecord): Promise<void> {
  await writeAtomic(join(dir, ONLINE_FILE), JSON.stringify(record, null, 2) + '\n', 0o600);
}

// ---- the trusted clock (src/device/clock.ts) ------------------------------------------------
// Its own file too: every command moves it forward, and losing it loses little (the certificate's
// start and the last receipt's server time are evidence of time as well).

export const CLOCK_FILE = 'clock.json';

const ClockRecordSchema = z.strictObject({
  version: z.literal(1),
  /** The newest time this PBX has evidence of: its clock readings, installs, receipts' server times. */
  trustedTime: isoText,
});

export type ClockRecord = z.infer<typeof ClockRecordSchema>;

export async function readClock(dir: string): Promise<ClockRecord | undefined> {
  return readJsonFile(join(dir, CLOCK_FILE), ClockRecordSchema);
}

export async function saveClock(dir: string, record: ClockRecord): Promise<void> {
  await writeAtomic(join(dir, CLOCK_FILE), JSON.stringify(record, null, 2) + '\n', 0o600);
}

// ---- keys, chains, trust ---------------------------------------------------------------------

export async function writeKey(dir: string, gen: number, key: KeyObject): Promise<void> {
  await writeAtomic(join(dir, keyFile(gen)), key.export({ type: 'pkcs8', format: 'pem' }).toString(), 0o600);
}

export async function readKey(dir: string, gen: number): Promise<KeyObject> {
  const path = join(dir, keyFile(gen));
  const text = await readRequired(path);
  try {
    return createPrivateKey({ key: text, format: 'pem' });
  } catch {
    throw stateCorrupt(path, 'it is not a PKCS#8 private key');
  }
}

export async function writeChain(dir: string, gen: number, ders: Uint8Array[]): Promise<void> {
  await writeAtomic(join(dir, chainFile(gen)), ders.map((der) => toPem('CERTIFICATE', der)).join(''), 0o644);
}

/** The installed certificates, leaf first. */
export async function readChain(dir: string, gen: number): Promise<Uint8Array[]> {
  return readCertificates(join(dir, chainFile(gen)), 0);
}

export async function writeTrust(dir: string, rootDer: Uint8Array): Promise<void> {
  await writeAtomic(join(dir, TRUST_FILE), toPem('CERTIFICATE', rootDer), 0o644);
}

export async function readTrust(dir: string): Promise<{ pem: string; der: Uint8Array }> {
  const path = join(dir, TRUST_FILE);
  const [der] = await readCertificates(path, 1);
  return { pem: toPem('CERTIFICATE', der!), der: der! };
}

async function readCertificates(path: string, exactly: number): Promise<Uint8Array[]> {
  const text = await readRequired(path);
  let blocks: { label: string; der: Uint8Array }[];
  try {
    blocks = fromPem(text);
  } catch {
    throw stateCorrupt(path, 'it is not PEM');
  }
  if (blocks.length === 0 || blocks.some((b) => b.label !== 'CERTIFICATE') || (exactly && blocks.length !== exactly)) {
    throw stateCorrupt(
      path,
      exactly === 1 ? 'it must hold exactly one CERTIFICATE' : 'it must hold CERTIFICATE blocks only',
    );
  }
  return blocks.map((b) => b.der);
}

async function readRequired(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if (isMissing(e)) throw stateCorrupt(path, 'the file is missing');
    throw e;
  }
}

/** After a commit, files of superseded generations are only clutter: failing to remove them is harmless. */
export async function removeQuietly(dir: string, names: string[]): Promise<void> {
  await Promise.all(names.map((name) => rm(join(dir, name), { force: true }).catch(() => undefined)));
}

// ---- atomic writes and serialisation ------------------------------------------------------------

/** Temp file + fsync + rename (write-file-atomic), then fsync of the folder: the file is the old or the new one, whole. */
export async function writeAtomic(path: string, data: string, mode: number): Promise<void> {
  // An explicit mode is set with chmod after creation, so the umask cannot take bits away: a key file is exactly 0600.
  await writeFileAtomic(path, data, { mode, encoding: 'utf8', fsync: true });
  await syncFolder(resolve(path, '..'));
}

/** Makes the rename itself durable. Some platforms (Windows) cannot open a folder: nothing to do there. */
async function syncFolder(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort by design, see above
  }
}

const queues = new Map<string, Promise<unknown>>();

/** Runs operations on one folder one after another within this process (read-check-write must not interleave). */
export function withStateLock<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const key = resolve(dir);
  const run = (queues.get(key) ?? Promise.resolve()).then(fn);
  const tail = run.catch(() => undefined);
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}
