// One typed contract for every operation of the licence authority. Each operation has a name,
// zod schemas for its input and output, and how it travels over HTTP. The server builds its
// routes (and /openapi.json) from this list, the CLI and the desktop app call through it, and
// the embedded authority dispatches through it — so all three validate the same way.
import { z } from 'zod';
import { MAX_CODE_TEXT } from '../typed-codes/limits';

export interface Operation<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  name: string;
  summary: string;
  input: I;
  output: O;
  /** Mutating operations take an Idempotency-Key over HTTP. */
  mutating: boolean;
  /** Only a vendor token may call it (mint coupons, edit the catalogue). */
  vendorOnly?: boolean;
  /** Rate-limited bucket over HTTP. */
  rateLimit?: 'redeem' | 'verify' | 'register';
  /** Callable without a token (a PBX checking in, a health probe). */
  public?: boolean;
}

export const op = <I extends z.ZodType, O extends z.ZodType>(o: Operation<I, O>): Operation<I, O> => o;

// Shared field schemas: bounded, trimmed, no control characters.
const visible = /^[^\p{Cc}\p{Cf}]*$/u;
export const text = (max: number) =>
  z.string().trim().max(max).regex(visible, 'must not contain control or invisible characters');
export const serial = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, . _ - only');
export const code = z.string().min(1).max(MAX_CODE_TEXT);
export const isoDate = z.string().max(40);
export const featureRef = z.union([z.number().int().min(1).max(65535), z.string().trim().min(1).max(40)]);
export const empty = z.object({}).strict();
