// Devices, customers, licences and certificates: the core of "My devices".
import { z } from 'zod';
import { code, empty, featureRef, isoDate, op, serial, text } from './define';
import { VERIFY_STATUSES } from './verification';

/**
 * The authority's view of a device, in the PBX's words where they mean the same (revoked, expired,
 * tryout, trial, licensed, unlicensed). unbound: its host binding was reset and no certificate
 * for a new host was issued since (it needs re-linking). tryout_over / trial_over: only test
 * licences were ever held and they have ended (the PBX shows unlicensed).
 */
export const DEVICE_STATUSES = [
  'retired',
  'revoked',
  'unbound',
  'unlicensed',
  'expired',
  'tryout_over',
  'trial_over',
  'verification_overdue',
  'expiring',
  'tryout',
  'trial',
  'licensed',
] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

/** What "My devices" shows per row besides the device itself. */
export const DeviceSummarySchema = z.object({
  status: z.enum(DEVICE_STATUSES),
  licences: z.string(),
  endDate: isoDate.nullable(),
  lastVerifiedAt: isoDate.nullable(),
  tryoutDaysLeft: z.number().nullable(),
  verificationOverdue: z.boolean(),
});

export const DeviceSchema = z.object({
  serial: z.string(),
  model: z.string(),
  name: z.string(),
  customer: z.string().nullable(),
  registration: z.string().nullable(),
  createdAt: isoDate,
  retiredAt: isoDate.nullable(),
  summary: DeviceSummarySchema.optional(),
});
export const LicenceSchema = z.object({
  id: z.number(),
  feature: z.number(),
  featureName: z.string(),
  quantity: z.number(),
  source: z.enum(['grant', 'coupon', 'tryout', 'trial']),
  notAfter: isoDate.nullable(),
  createdAt: isoDate,
  endedAt: isoDate.nullable(),
});
export const CertificateSchema = z.object({
  serialHex: z.string(),
  issuedAt: isoDate,
  notBefore: isoDate,
  notAfter: isoDate,
  generation: z.number(),
  hostFingerprint: z.string(),
  supersededBy: z.string().nullable(),
  revokedAt: isoDate.nullable(),
  revokedReason: z.string().nullable(),
  /** As a verification receipt would say it today: the most serious fact wins. */
  status: z.enum(VERIFY_STATUSES),
});
export const LicensedFeatureSchema = z.object({
  number: z.number(),
  quantity: z.number(),
  notAfter: isoDate.nullable(),
  source: z.enum(['grant', 'coupon', 'tryout', 'trial']),
});
export const AnswerSchema = z.object({
  serial: z.string(),
  code: z.string(),
  certificateSerial: z.string(),
  notAfter: isoDate,
  features: z.array(LicensedFeatureSchema),
  superseded: z.array(z.string()),
});

export const devicesOps = {
  'devices.add': op({
    name: 'devices.add',
    summary: 'Register a PBX by serial number',
    mutating: true,
    rateLimit: 'register',
    input: z
      .object({
        serial,
        model: z.string().trim().min(1).max(40),
        name: text(120).optional(),
        customer: text(120).optional(),
      })
      .strict(),
    output: DeviceSchema,
  }),
  'devices.list': op({
    name: 'devices.list',
    summary:
      'Every PBX of this reseller (by serial), only the given serials (to refresh rows a change touched), or the first `limit` (to show first rows at once)',
    mutating: false,
    input: z
      .object({
        includeRetired: z.boolean().optional(),
        serials: z.array(serial).min(1).max(1000).optional(),
        limit: z.number().int().min(1).max(1000).optional(),
      })
      .strict(),
    output: z.array(DeviceSchema),
  }),
  'devices.get': op({
    name: 'devices.get',
    summary: 'One PBX with its licences and certificates',
    mutating: false,
    input: z.object({ serial }).strict(),
    output: z.object({
      device: DeviceSchema,
      licences: z.array(LicenceSchema),
      certificates: z.array(CertificateSchema),
    }),
  }),
  'devices.rename': op({
    name: 'devices.rename',
    summary: 'Give a PBX another name',
    mutating: true,
    input: z.object({ serial, name: text(120) }).strict(),
    output: DeviceSchema,
  }),
  'devices.move': op({
    name: 'devices.move',
    summary: 'Move a PBX to another customer (created if new)',
    mutating: true,
    input: z.object({ serial, customer: text(120).min(1) }).strict(),
    output: DeviceSchema,
  }),
  'devices.retire': op({
    name: 'devices.retire',
    summary: 'Retire a PBX (kept for history)',
    mutating: true,
    input: z.object({ serial }).strict(),
    output: DeviceSchema,
  }),
  'devices.import': op({
    name: 'devices.import',
    summary: 'Register many PBXs at once (a CSV import sends up to 1,000 rows a call)',
    mutating: true,
    rateLimit: 'register',
    input: z
      .object({
        rows: z
          .array(
            z
              .object({
                serial: z.string().max(200),
                model: z.string().max(200),
                name: z.string().max(400).optional(),
                customer: z.string().max(400).optional(),
              })
              .strict(),
          )
          .min(1)
          .max(1000),
      })
      .strict(),
    output: z.object({
      added: z.number(),
      errors: z.array(
        z.object({
          row: z.number(),
          code: z.string(),
          message: z.string(),
          params: z.record(z.string(), z.unknown()).optional(),
        }),
      ),
    }),
  }),
  'customers.list': op({
    name: 'customers.list',
    summary: 'Customers of this reseller',
    mutating: false,
    input: empty,
    output: z.array(z.object({ name: z.string(), devices: z.number() })),
  }),
  'licences.grant': op({
    name: 'licences.grant',
    summary: 'Grant a licence to a PBX',
    mutating: true,
    input: z
      .object({
        serial,
        feature: featureRef,
        quantity: z.number().int().min(1).max(100_000).optional(),
        days: z.number().int().min(1).max(36_500).optional(),
      })
      .strict(),
    output: LicenceSchema,
  }),
  'certificates.recreate': op({
    name: 'certificates.recreate',
    summary: 'Turn an initialisation code into an answer code',
    mutating: true,
    input: z.object({ serial: serial.optional(), initCode: code }).strict(),
    output: AnswerSchema,
  }),
};
