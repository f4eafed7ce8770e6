// Stored answers of idempotent requests can hold secrets: a new API token, freshly minted coupon
// codes — which the database otherwise keeps only as hashes. So the key's row holds neither the
// Idempotency-Key nor the answer in the clear: the row is found by a hash of the key, the request
// digest is keyed (HMAC), and the answer is sealed (AES-256-GCM) with a key derived from the
// Idempotency-Key itself, which only the client knows. A copy of the database reveals no answer (given keys with entropy: the CLI
// sends random UUIDs).
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/** What the row is found by: a hash of the caller's scope and key. */
export const keyId = (scope: string, key: string): string =>
  createHash('sha256').update(`${scope}\n${key}`).digest('hex');

/** The request's digest as stored: keyed, so that low-entropy fields (an email) cannot be confirmed by guessing. */
export const requestId = (key: string, digest: string): string =>
  createHmac('sha256', key).update(digest).digest('hex');

const cipherKey = (scope: string, key: string): Buffer =>
  Buffer.from(hkdfSync('sha256', key, scope, 'licence-desk idempotent answer', 32));

export function seal(scope: string, key: string, plain: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', cipherKey(scope, key), iv);
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return `${VERSION}:${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')}`;
}

/** The sealed text, or undefined if it is not a sealed answer for this key. */
export function unseal(scope: string, key: string, sealed: string): string | undefined {
  if (!sealed.startsWith(`${VERSION}:`)) return undefined;
  const raw = Buffer.from(sealed.slice(VERSION.length + 1), 'base64');
  try {
    const d = createDecipheriv('aes-256-gcm', cipherKey(scope, key), raw.subarray(0, 12));
    d.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
