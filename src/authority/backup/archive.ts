// The backup file: one archive encrypted under a passphrase, checked completely before anything
// is read from it. Layout:
//   LICENCE-DESK-BACKUP\n
//   {"format":"licence-desk-backup","version":1,"salt","scrypt":{N,r,p},"wrappedKey","iv","tag","length"}\n
//   <length bytes: AES-256-GCM of the gzipped payload JSON>
// The same two-layer envelope as sealed keys (keys/envelope.ts), so a wrong passphrase (the data
// key does not unwrap) is told apart from an edited archive (the content does not decrypt); the
// declared length tells a truncated file from one with bytes added. The header is authenticated.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { err } from '../../shared/errors';
import { writeFileAtomic } from '../files';
import { open, seal } from '../keys/envelope';
import { deriveKey, scryptParams, validScryptParams } from '../keys/kdf';

export const BACKUP_VERSION = 1;
const MAGIC = 'LICENCE-DESK-BACKUP\n';
const MIN_PASSPHRASE = 8;

const header = z.object({
  format: z.literal('licence-desk-backup'),
  version: z.number().int(),
  salt: z.string(),
  scrypt: z.object({ N: z.number(), r: z.number(), p: z.number() }),
  wrappedKey: z.object({ iv: z.string(), tag: z.string(), data: z.string() }),
  iv: z.string(),
  tag: z.string(),
  length: z.number().int().nonnegative(),
});
type Header = z.infer<typeof header>;

const aadOf = (h: Pick<Header, 'format' | 'version' | 'salt' | 'scrypt' | 'length'>) =>
  Buffer.from(JSON.stringify([h.format, h.version, h.salt, h.scrypt, h.length]));

/** `forNew`: a passphrase for a new backup must also be long enough; an old backup's is what it is. */
export function checkBackupPassphrase(passphrase: string | undefined, forNew = true): string {
  if (!passphrase) throw err.BACKUP_PASSPHRASE_MISSING();
  if (forNew && passphrase.length < MIN_PASSPHRASE) throw err.BACKUP_PASSPHRASE_WEAK({ min: MIN_PASSPHRASE });
  return passphrase;
}

export function writeArchive(file: string, payload: unknown, passphrase: string, env = process.env): void {
  const plain = gzipSync(Buffer.from(JSON.stringify(payload)));
  const salt = randomBytes(16);
  const params = scryptParams(env);
  // The ciphertext is as long as the plain text (GCM), so the length is known before sealing.
  const head = {
    format: 'licence-desk-backup' as const,
    version: BACKUP_VERSION,
    salt: salt.toString('base64'),
    scrypt: params,
    length: plain.length,
  };
  const s = seal(deriveKey(passphrase, salt, params), plain, aadOf(head));
  const line = JSON.stringify({ ...head, wrappedKey: s.wrappedKey, iv: s.iv, tag: s.tag });
  writeFileAtomic(file, Buffer.concat([Buffer.from(`${MAGIC}${line}\n`), s.data]));
}

export function readArchive(file: string, passphrase: string): unknown {
  const buf = readBackupFile(file);
  const h = parseHeader(buf, file);
  const body = buf.subarray(buf.indexOf(0x0a, MAGIC.length) + 1);
  if (body.length < h.length) throw err.BACKUP_TRUNCATED({ file, detail: `${body.length} of ${h.length} bytes` });
  if (body.length > h.length) throw edited(file);
  const opened = open(deriveKey(passphrase, Buffer.from(h.salt, 'base64'), h.scrypt), { ...h, data: body }, aadOf(h));
  if (!opened.ok && opened.stage === 'key') throw err.BACKUP_PASSPHRASE_WRONG({ file });
  if (!opened.ok) throw edited(file);
  try {
    return JSON.parse(gunzipSync(opened.plain).toString('utf8'));
  } catch {
    throw edited(file);
  }
}

function readBackupFile(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch {
    throw err.BACKUP_UNREADABLE({ file });
  }
}

function parseHeader(buf: Buffer, file: string): Header {
  if (!buf.subarray(0, MAGIC.length).equals(Buffer.from(MAGIC))) throw err.BACKUP_NOT_A_BACKUP({ file });
  const end = buf.indexOf(0x0a, MAGIC.length);
  if (end < 0) throw err.BACKUP_TRUNCATED({ file, detail: 'its header is incomplete' });
  let json: unknown;
  try {
    json = JSON.parse(buf.subarray(MAGIC.length, end).toString('utf8'));
  } catch {
    throw edited(file);
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > BACKUP_VERSION)
    throw err.BACKUP_VERSION_NEWER({ file, version, supported: BACKUP_VERSION });
  const h = header.safeParse(json);
  if (!h.success || !validScryptParams(h.data.scrypt)) throw edited(file);
  return h.data;
}

const edited = (file: string) =>
  err.BACKUP_EDITED({ file, why: 'it has been changed since it was made (it does not authenticate)' });
