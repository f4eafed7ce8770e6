// One logged-in session on the token a PKCS#11 URI names: find or make the P-256 issuing key,
// sign digests with it, read its public half. The key is created unextractable and sensitive, so
// it never leaves the module. pkcs11js is loaded only here, on first use: a CLI without an HSM
// never needs the native module.
import type * as Pkcs11 from 'pkcs11js';
import * as d from '../../licensing/der';
import { OID } from '../../licensing/oids';
import { err, LdError } from '../../shared/errors';
import { resolvePin, type Pkcs11Uri } from './pkcs11-uri';

type Lib = typeof Pkcs11;
const P256_PARAMS = d.encode(d.oid(OID.prime256v1));

export interface Pkcs11Token {
  /** The private key the URI names (exactly one, an EC P-256 key). */
  findKey(): Pkcs11.Handle;
  /** A new P-256 key pair under the URI's label/id; refused if a key of that name exists. */
  generateKey(): { privateKey: Pkcs11.Handle; spkiDer: Buffer };
  /** Raw r||s ECDSA over a SHA-256 digest. */
  signDigest(key: Pkcs11.Handle, digest: Buffer): Buffer;
  close(): void;
}

export async function openToken(uri: Pkcs11Uri, opts: { write?: boolean } = {}): Promise<Pkcs11Token> {
  const lib = (await import('pkcs11js')).default as unknown as Lib;
  const module = new lib.PKCS11();
  try {
    module.load(uri.modulePath);
  } catch (e) {
    throw err.HSM_MODULE_UNAVAILABLE({ modulePath: uri.modulePath, reason: brief(e) });
  }
  let session: Pkcs11.Handle | undefined;
  try {
    module.C_Initialize();
    const slot = findSlot(lib, module, uri);
    session = module.C_OpenSession(slot, lib.CKF_SERIAL_SESSION | (opts.write ? lib.CKF_RW_SESSION : 0));
    login(lib, module, session, uri);
  } catch (e) {
    release(module, session);
    throw hsmError(lib, e);
  }
  return tokenSession(lib, module, session, uri);
}

function tokenSession(lib: Lib, module: Pkcs11.PKCS11, session: Pkcs11.Handle, uri: Pkcs11Uri): Pkcs11Token {
  const guard = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      throw hsmError(lib, e);
    }
  };
  return {
    findKey: () => guard(() => findKey(lib, module, session, uri)),
    generateKey: () => guard(() => generateKey(lib, module, session, uri)),
    signDigest: (key, digest) =>
      guard(() => {
        module.C_SignInit(session, { mechanism: lib.CKM_ECDSA }, key);
        return module.C_Sign(session, digest, Buffer.alloc(64));
      }),
    close: () => release(module, session),
  };
}

function findSlot(lib: Lib, module: Pkcs11.PKCS11, uri: Pkcs11Uri): Pkcs11.Handle {
  const seen: string[] = [];
  const matches = module.C_GetSlotList(true).filter((slot) => {
    const info = module.C_GetTokenInfo(slot);
    if (!(info.flags & lib.CKF_TOKEN_INITIALIZED)) return false; // an empty slot (SoftHSM2 always keeps one)
    const [label, serial, manufacturer, model] = [info.label, info.serialNumber, info.manufacturerID, info.model].map(
      (s) => s.trim(),
    );
    seen.push(`"${label}"`);
    const t = uri.token;
    return (
      label === t.label &&
      (t.serial ?? serial) === serial &&
      (t.manufacturer ?? manufacturer) === manufacturer &&
      (t.model ?? model) === model
    );
  });
  if (matches.length === 0)
    throw err.HSM_TOKEN_NOT_FOUND({
      label: uri.token.label,
      modulePath: uri.modulePath,
      seen: seen.join(', ') || 'none',
    });
  if (matches.length > 1) throw err.HSM_TOKEN_AMBIGUOUS({ length: matches.length, label: uri.token.label });
  return matches[0]!;
}

function login(lib: Lib, module: Pkcs11.PKCS11, session: Pkcs11.Handle, uri: Pkcs11Uri): void {
  try {
    module.C_Login(session, lib.CKU_USER, resolvePin(uri.pin));
  } catch (e) {
    if (code(e) === lib.CKR_USER_ALREADY_LOGGED_IN) return; // another session of this process did
    throw e;
  }
}

function keyTemplate(lib: Lib, uri: Pkcs11Uri, cls: number): Pkcs11.Template {
  return [
    { type: lib.CKA_CLASS, value: cls },
    ...(uri.object !== undefined ? [{ type: lib.CKA_LABEL, value: uri.object }] : []),
    ...(uri.id ? [{ type: lib.CKA_ID, value: uri.id }] : []),
  ];
}

function find(module: Pkcs11.PKCS11, session: Pkcs11.Handle, template: Pkcs11.Template): Pkcs11.Handle[] {
  module.C_FindObjectsInit(session, template);
  try {
    return module.C_FindObjects(session, 2);
  } finally {
    module.C_FindObjectsFinal(session);
  }
}

function findKey(lib: Lib, module: Pkcs11.PKCS11, session: Pkcs11.Handle, uri: Pkcs11Uri): Pkcs11.Handle {
  const keys = find(module, session, keyTemplate(lib, uri, lib.CKO_PRIVATE_KEY));
  const name = keyName(uri);
  if (keys.length === 0) throw err.HSM_KEY_NOT_FOUND({ label: uri.token.label, name });
  if (keys.length > 1) throw err.HSM_KEY_AMBIGUOUS({ label: uri.token.label, name });
  const [type, params] = module.C_GetAttributeValue(session, keys[0]!, [
    { type: lib.CKA_KEY_TYPE },
    { type: lib.CKA_EC_PARAMS },
  ]);
  const isEc = ulong(type!.value as Buffer) === lib.CKK_EC;
  if (!isEc || !P256_PARAMS.equals(params!.value as Buffer)) throw err.HSM_KEY_UNSUPPORTED({ name });
  return keys[0]!;
}

function generateKey(lib: Lib, module: Pkcs11.PKCS11, session: Pkcs11.Handle, uri: Pkcs11Uri) {
  if (find(module, session, keyTemplate(lib, uri, lib.CKO_PRIVATE_KEY)).length > 0)
    throw err.HSM_KEY_EXISTS({ label: uri.token.label, name: keyName(uri) });
  const named = keyTemplate(lib, uri, lib.CKO_PUBLIC_KEY).slice(1);
  const pair = module.C_GenerateKeyPair(
    session,
    { mechanism: lib.CKM_EC_KEY_PAIR_GEN },
    [
      ...named,
      { type: lib.CKA_TOKEN, value: true },
      { type: lib.CKA_VERIFY, value: true },
      { type: lib.CKA_EC_PARAMS, value: P256_PARAMS },
    ],
    [
      ...named,
      { type: lib.CKA_TOKEN, value: true },
      { type: lib.CKA_PRIVATE, value: true },
      { type: lib.CKA_SENSITIVE, value: true },
      { type: lib.CKA_EXTRACTABLE, value: false },
      { type: lib.CKA_SIGN, value: true },
    ],
  );
  const [point] = module.C_GetAttributeValue(session, pair.publicKey, [{ type: lib.CKA_EC_POINT }]);
  return { privateKey: pair.privateKey, spkiDer: p256Spki(point!.value as Buffer) };
}

/** CKA_EC_POINT is the DER OCTET STRING around the uncompressed point; X.509 wants it in a BIT STRING. */
function p256Spki(ecPoint: Buffer): Buffer {
  const point = d.bytesOf(d.parseDer(ecPoint, 'EC point'));
  return d.encode(d.seq([d.seq([d.oid(OID.ecPublicKey), d.oid(OID.prime256v1)]), d.bitString(point)]));
}

const keyName = (uri: Pkcs11Uri): string =>
  [uri.object !== undefined ? `object="${uri.object}"` : '', uri.id ? `id=${uri.id.toString('hex')}` : '']
    .filter(Boolean)
    .join(' ');

function release(module: Pkcs11.PKCS11, session: Pkcs11.Handle | undefined): void {
  try {
    if (session) module.C_CloseSession(session);
    module.C_Finalize();
  } catch {
    // already finalised or never initialised: nothing left to release
  }
  module.close();
}

/** A CK_ULONG attribute in the platform's byte order and width (8 bytes on 64-bit Linux). */
const ulong = (b: Buffer): number => (b.length === 8 ? Number(b.readBigUInt64LE()) : b.readUIntLE(0, b.length));
const code = (e: unknown): number | undefined => (e as { code?: unknown }).code as number | undefined;
const brief = (e: unknown): string => (e instanceof Error ? e.message.split('\n')[0]! : String(e));

/** PKCS#11 return values a user can act on, as our errors; anything else names the CKR_ code. */
function hsmError(lib: Lib, e: unknown): unknown {
  if (e instanceof LdError) return e;
  const c = code(e);
  if (c === lib.CKR_PIN_INCORRECT || c === lib.CKR_PIN_LEN_RANGE) return err.HSM_PIN_INCORRECT();
  if (c === lib.CKR_PIN_LOCKED) return err.HSM_PIN_LOCKED();
  if (c === lib.CKR_USER_PIN_NOT_INITIALIZED) return err.HSM_TOKEN_UNINITIALISED();
  return err.HSM_FAILED({ reason: brief(e) });
}
