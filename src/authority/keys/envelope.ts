// Two-layer AES-256-GCM: a random 256-bit data key per file encrypts the content, and the key
// encryption key (the keychain's wrapping key, or one derived from a passphrase) encrypts the
// data key. The split tells apart the two ways opening can fail: the data key does not unwrap
// (wrong passphrase or wrapping key) or the content does not decrypt (the file was edited).
// Both layers authenticate `aad`, the file's header, so no header field can be changed unseen.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface Sealed {
  wrappedKey: { iv: string; tag: string; data: string };
  iv: string;
  tag: string;
  data: Buffer;
}

export type Opened = { ok: true; plain: Buffer } | { ok: false; stage: 'key' | 'data' };

function gcmSeal(key: Buffer, plain: Buffer, aad: Buffer) {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv).setAAD(aad);
  const data = Buffer.concat([c.update(plain), c.final()]);
  return { iv, tag: c.getAuthTag(), data };
}

function gcmOpen(key: Buffer, iv: Buffer, tag: Buffer, data: Buffer, aad: Buffer): Buffer | undefined {
  if (iv.length !== 12 || tag.length !== 16) return undefined;
  try {
    const d = createDecipheriv('aes-256-gcm', key, iv).setAAD(aad).setAuthTag(tag);
    return Buffer.concat([d.update(data), d.final()]);
  } catch {
    return undefined;
  }
}

export function seal(kek: Buffer, plain: Buffer, aad: Buffer): Sealed {
  const dataKey = randomBytes(32);
  const w = gcmSeal(kek, dataKey, aad);
  const body = gcmSeal(dataKey, plain, aad);
  const b64 = (b: Buffer) => b.toString('base64');
  return {
    wrappedKey: { iv: b64(w.iv), tag: b64(w.tag), data: b64(w.data) },
    iv: b64(body.iv),
    tag: b64(body.tag),
    data: body.data,
  };
}

export function open(kek: Buffer, s: Sealed, aad: Buffer): Opened {
  const b = (t: string) => Buffer.from(t, 'base64');
  const w = s.wrappedKey;
  const dataKey = gcmOpen(kek, b(w.iv), b(w.tag), b(w.data), aad);
  if (!dataKey || dataKey.length !== 32) return { ok: false, stage: 'key' };
  const plain = gcmOpen(dataKey, b(s.iv), b(s.tag), s.data, aad);
  return plain ? { ok: true, plain } : { ok: false, stage: 'data' };
}
