// Sealing a private key (PKCS#8 PEM) for the data folder. Our own small JSON format rather than
// PKCS#8 `ENCRYPTED PRIVATE KEY`: Node can write that only with PBKDF2 (no scrypt), and it has no
// room for the second way to seal, under the OS keychain's wrapping key. A sealed file is
//   {"format":"licence-desk-sealed-key","version":1,"kdf":"keychain"|"scrypt",
//    "salt"?,"scrypt"?:{N,r,p},"wrappedKey":{iv,tag,data},"iv","tag","data"}   (base64 values)
// AES-256-GCM with a random data key per file (envelope.ts). The sealer is passed in by the
// caller (the desktop app and the CLI choose keychain or passphrase); this layer never reaches
// for the keychain itself, and there is no plain-text fallback.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { err, type LdError } from '../../shared/errors';
import { open, seal } from './envelope';
import { deriveKey, scryptParams, validScryptParams, type ScryptParams } from './kdf';

export interface KeySealer {
  /** How keys are sealed, for messages ("the OS keychain's wrapping key", "a passphrase"). */
  readonly describe: string;
  seal(pem: string): Buffer;
  /** `where` names the file in errors. */
  unseal(sealed: Buffer, where?: string): string;
}

export const SEALED_KEY_FORMAT = 'licence-desk-sealed-key' as const;
const VERSION = 1;

const sealedFile = z.object({
  format: z.literal(SEALED_KEY_FORMAT),
  version: z.number().int(),
  kdf: z.enum(['keychain', 'scrypt']),
  salt: z.string().optional(),
  scrypt: z.object({ N: z.number(), r: z.number(), p: z.number() }).optional(),
  wrappedKey: z.object({ iv: z.string(), tag: z.string(), data: z.string() }),
  iv: z.string(),
  tag: z.string(),
  data: z.string(),
});
type SealedFile = z.infer<typeof sealedFile>;

const aadOf = (f: Pick<SealedFile, 'format' | 'version' | 'kdf' | 'salt' | 'scrypt'>): Buffer =>
  Buffer.from(JSON.stringify([f.format, f.version, f.kdf, f.salt ?? null, f.scrypt ?? null]));

export interface SealerSecrets {
  /** 32 bytes from the OS keychain (entry ca.wrapping-key). Preferred for sealing when given. */
  wrappingKey?: Buffer;
  /** The keychain answered but holds no wrapping key although keys were sealed under one. */
  wrappingKeyMissing?: boolean;
  passphrase?: string;
  /** Which variable or prompt the passphrase comes from, for messages. */
  passphraseSource?: string;
  env?: NodeJS.ProcessEnv;
}

/** Reads what the header of a sealed key file says, or undefined for anything else (a plain PEM). */
export function sealedKind(buf: Buffer): 'keychain' | 'scrypt' | undefined {
  try {
    const f = sealedFile.safeParse(JSON.parse(buf.toString('utf8')));
    return f.success ? f.data.kdf : undefined;
  } catch {
    return undefined;
  }
}

export function makeSealer(s: SealerSecrets): KeySealer {
  const source = s.passphraseSource ?? 'LICENCE_DESK_PASSPHRASE';
  // One salt (so one slow derivation) per sealer: every file it seals this run shares it.
  let derived: { salt: Buffer; params: ScryptParams; key: Buffer } | undefined;
  const kekFor = (f: SealedFile, where: string): Buffer => {
    if (f.kdf === 'keychain') return keychainKey(s, where);
    if (!s.passphrase) throw passphraseMissing(where, source);
    if (!validScryptParams(f.scrypt) || !f.salt) throw fileInvalid(where, 'its scrypt parameters are not valid');
    const salt = Buffer.from(f.salt, 'base64');
    if (!derived || !derived.salt.equals(salt))
      derived = { salt, params: f.scrypt, key: deriveKey(s.passphrase, salt, f.scrypt) };
    return derived.key;
  };
  return {
    describe: s.wrappingKey ? "the OS keychain's wrapping key" : `a passphrase (${source})`,
    seal(pem) {
      const plain = Buffer.from(pem, 'utf8');
      if (s.wrappingKey)
        return encode({ format: SEALED_KEY_FORMAT, version: VERSION, kdf: 'keychain' }, s.wrappingKey, plain);
      if (!s.passphrase) throw sealerMissing();
      if (!derived) {
        const salt = randomBytes(16);
        const params = scryptParams(s.env);
        derived = { salt, params, key: deriveKey(s.passphrase, salt, params) };
      }
      const head = {
        format: SEALED_KEY_FORMAT as typeof SEALED_KEY_FORMAT,
        version: VERSION,
        kdf: 'scrypt' as const,
        salt: derived.salt.toString('base64'),
        scrypt: derived.params,
      };
      return encode(head, derived.key, plain);
    },
    unseal(buf, where = 'a sealed key file') {
      const f = decode(buf, where);
      const opened = open(kekFor(f, where), { ...f, data: Buffer.from(f.data, 'base64') }, aadOf(f));
      if (opened.ok) return opened.plain.toString('utf8');
      throw openFailed(opened.stage, f.kdf, where, source);
    },
  };
}

function openFailed(stage: 'key' | 'data', kdf: SealedFile['kdf'], where: string, source: string): LdError {
  if (stage === 'data') return err.KEY_FILE_EDITED({ where });
  if (kdf === 'keychain') return err.KEY_WRAPPING_KEY_WRONG({ where });
  return err.KEY_PASSPHRASE_WRONG({ where, source });
}

function encode(head: Omit<SealedFile, 'wrappedKey' | 'iv' | 'tag' | 'data'>, kek: Buffer, plain: Buffer): Buffer {
  const s = seal(kek, plain, aadOf(head));
  return Buffer.from(`${JSON.stringify({ ...head, ...s, data: s.data.toString('base64') })}\n`);
}

function decode(buf: Buffer, where: string): SealedFile {
  let json: unknown;
  try {
    json = JSON.parse(buf.toString('utf8'));
  } catch {
    throw fileInvalid(where, 'it is not a sealed key (truncated or not ours)');
  }
  const f = sealedFile.safeParse(json);
  if (!f.success) throw fileInvalid(where, 'it is not a sealed key (truncated or not ours)');
  if (f.data.version > VERSION) throw err.KEY_FILE_NEWER({ where, version: f.data.version, supported: VERSION });
  return f.data;
}

function keychainKey(s: SealerSecrets, where: string): Buffer {
  if (s.wrappingKey) return s.wrappingKey;
  if (s.wrappingKeyMissing) throw err.KEY_WRAPPING_KEY_MISSING({ where });
  throw err.KEY_KEYCHAIN_NEEDED({ where });
}

export const sealerMissing = (): LdError => err.KEY_SEALER_MISSING();

const passphraseMissing = (where: string, source: string): LdError => err.KEY_PASSPHRASE_MISSING({ where, source });

const fileInvalid = (where: string, why: string): LdError => err.KEY_FILE_INVALID({ where, why });

/** The sealer the environment provides (LICENCE_DESK_PASSPHRASE), for callers that pass none. */
export const envSealer = (env: NodeJS.ProcessEnv = process.env): KeySealer =>
  makeSealer({ ...(env.LICENCE_DESK_PASSPHRASE ? { passphrase: env.LICENCE_DESK_PASSPHRASE } : {}), env });
