// What a backup holds, inside the encryption: a manifest and the data folder's files. Private keys
// travel as PEM inside the encrypted archive and are sealed again on restore under the restoring
// machine's sealer, so a backup still opens when the keychain's wrapping key is gone (the reason
// to restore) or on another computer. The database is an online-backup snapshot (consistent).
import { createHash, X509Certificate } from 'node:crypto';
import { z } from 'zod';

export const manifest = z.object({
  formatVersion: z.number().int().positive(),
  /** SHA-256 of the root certificate (DER), hex: which authority this is. */
  authorityId: z.string().regex(/^[0-9a-f]{64}$/),
  created: z.string(),
  files: z.array(
    z.object({
      path: z.string(),
      kind: z.enum(['file', 'key', 'database']),
      sha256: z.string(),
    }),
  ),
});
export type Manifest = z.infer<typeof manifest>;

export const payload = z.object({ manifest: z.unknown(), files: z.record(z.string(), z.string()) });
export type Payload = { manifest: Manifest; files: Record<string, string> };

export const DATABASE_PATH = 'authority.db';
export const ROOT_CERT_PATH = 'ca/root.pem';

export const sha256Hex = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

export const authorityIdOf = (rootPem: Buffer | string): string => sha256Hex(new X509Certificate(rootPem).raw);

/** A path inside the data folder, never outside it (an edited manifest must not write elsewhere). */
export const safeRelative = (p: string): boolean =>
  /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(p) && !p.split('/').some((s) => s === '..' || s === '.');
