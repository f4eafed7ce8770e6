// Online verification: a PBX checks in with a request signed by its device key and gets a signed
// receipt back (docs/verification.md). The field formats live here so the PBX, the authority and
// the HTTP schema agree; the bytes that are signed live in src/licensing/verification.ts.
import { z } from 'zod';
import { op, serial } from './define';

/** A certificate serial as the authority stores it: lower-case hex, 1 to 20 bytes. */
export const CERT_SERIAL_HEX = /^(?:[0-9a-f]{2}){1,20}$/;
/** 16 random bytes, base64url without padding. */
export const NONCE_B64URL = /^[A-Za-z0-9_-]{22}$/;
/** ISO 8601 with seconds and an explicit zone (Z or ±hh:mm); no line breaks can hide in it. */
export const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;
export const SIGNATURE_B64 = /^[A-Za-z0-9+/]+={0,2}$/;

export const VERIFY_STATUSES = ['valid', 'revoked', 'superseded', 'expired'] as const;
export type VerifyStatus = (typeof VERIFY_STATUSES)[number];

export const VerifyRequestSchema = z
  .object({
    certificateSerial: z.string().regex(CERT_SERIAL_HEX, 'lower-case hex of the certificate serial (1 to 20 bytes)'),
    deviceTime: z.string().max(40).regex(ISO_TIME, 'an ISO 8601 time with seconds and a zone (Z or ±hh:mm)'),
    nonce: z.string().regex(NONCE_B64URL, '16 random bytes in base64url without padding (22 characters)'),
    signature: z.string().min(4).max(2048).regex(SIGNATURE_B64, 'base64'),
  })
  .strict();

export const ReceiptLicenceSchema = z.object({
  number: z.number().int(),
  quantity: z.number().int(),
  notAfter: z.string().nullable(),
});

export const ReceiptSchema = z.object({
  status: z.enum(VERIFY_STATUSES),
  serverTime: z.string().max(40),
  nextCheckIn: z.string().max(40),
  licences: z.array(ReceiptLicenceSchema).max(1000),
  certificateSerial: z.string().max(40),
  nonce: z.string().max(40),
  /** base64 signature over the receipt's canonical bytes, by the first certificate of `chain`. */
  signature: z.string().max(2048),
  /** base64 DER: the signing CA first, then any CAs up to (not including) the root. */
  chain: z.array(z.string().max(8192)).min(1).max(8),
});

export type VerifyRequest = z.infer<typeof VerifyRequestSchema>;
export type Receipt = z.infer<typeof ReceiptSchema>;

export const VerificationRecordSchema = z.object({
  certificateSerial: z.string(),
  status: z.string(),
  deviceTime: z.string(),
  serverTime: z.string(),
});

export const verificationOps = {
  'verification.check': op({
    name: 'verification.check',
    summary: "A PBX's regular online check: a signed request in, a signed receipt out",
    mutating: true,
    public: true,
    rateLimit: 'verify',
    input: VerifyRequestSchema,
    output: ReceiptSchema,
  }),
  'verification.history': op({
    name: 'verification.history',
    summary: "A PBX's online checks, newest first",
    mutating: false,
    input: z.object({ serial, limit: z.number().int().min(1).max(1000).optional() }).strict(),
    output: z.array(VerificationRecordSchema),
  }),
};
