// One-time offers and what precedes them: the COMtrexx VM tryout, MIKO registration numbers with
// the Askozia 30-day trial, and the licence agreement (EULA) a registration's owner accepts.
import { z } from 'zod';
import { registrationNumberSchema } from '../registration-number';
import { code, empty, isoDate, op, serial, text } from './define';
import { AnswerSchema } from './devices';

/** Typed by people: read by the authority itself so a typo gets its own error code and group. */
const registrationRef = z.string().trim().min(1).max(64);
const email = text(254)
  .min(3)
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'an email address such as name@example.com');
/** EULA text: line breaks and tabs allowed, other control characters not. */
const eulaText = z
  .string()
  .min(1)
  .max(64 * 1024)
  .regex(/^(?:[^\p{Cc}\p{Cf}]|[\n\t\r])*$/u, 'must not contain control characters other than line breaks and tabs');
const eulaVersion = z
  .string()
  .trim()
  .regex(/^\d{1,4}(?:\.\d{1,4}){0,3}$/, 'a version such as 1.1');

const TryoutSchema = z.object({
  serial: z.string(),
  state: z.enum(['active', 'ended', 'expired', 'never']),
  available: z.boolean(),
  reason: z.string().nullable(),
  startedAt: isoDate.nullable(),
  endsAt: isoDate.nullable(),
  endedAt: isoDate.nullable(),
  endReason: z.string().nullable(),
  daysLeft: z.number(),
  testUsers: z.number(),
});
const RegistrationSchema = z.object({
  number: registrationNumberSchema,
  company: z.string(),
  contact: z.string(),
  email: z.string(),
  createdAt: isoDate,
});
/** changed: false when the number already was in the asked state (blocking twice is harmless). */
const BlockSchema = z.object({
  registration: z.string(),
  blocked: z.boolean(),
  blockedAt: isoDate.nullable(),
  reason: z.string(),
  changed: z.boolean(),
});
const EulaSchema = z.object({ version: z.string(), text: z.string(), publishedAt: isoDate });
const AcceptanceSchema = z.object({
  registration: z.string(),
  version: z.string(),
  acceptedAt: isoDate,
  acceptedBy: z.string(),
  host: z.string(),
  alreadyAccepted: z.boolean(),
});

export const offersOps = {
  'tryout.start': op({
    name: 'tryout.start',
    summary: 'Start the one-time tryout of a COMtrexx VM (and answer its initialisation code)',
    mutating: true,
    input: z.object({ serial, initCode: code.optional() }).strict(),
    output: TryoutSchema.extend({ answer: AnswerSchema.nullable() }),
  }),
  'tryout.status': op({
    name: 'tryout.status',
    summary: "Whether a PBX's tryout is active, ended, expired or never started",
    mutating: false,
    input: z.object({ serial }).strict(),
    output: TryoutSchema,
  }),
  'tryout.end': op({
    name: 'tryout.end',
    summary: 'Leave tryout mode (it can never start again on that PBX)',
    mutating: true,
    input: z.object({ serial }).strict(),
    output: TryoutSchema,
  }),
  'registrations.create': op({
    name: 'registrations.create',
    summary: 'Register a customer and get a MIKO registration number',
    mutating: true,
    input: z.object({ company: text(200).min(1), email, contact: text(200).optional() }).strict(),
    output: RegistrationSchema,
  }),
  'registrations.recover': op({
    name: 'registrations.recover',
    summary: 'Recover forgotten registration numbers by email',
    mutating: true,
    input: z.object({ email }).strict(),
    output: z.object({
      email: z.string(),
      numbers: z.array(z.string()),
      masked: z.boolean(),
      sentByEmail: z.boolean(),
      message: z.string(),
    }),
  }),
  'registrations.link': op({
    name: 'registrations.link',
    summary: "Link a host-bound PBX to a customer's registration number (entering it under System > Licences)",
    mutating: true,
    input: z.object({ registration: registrationRef, serial }).strict(),
    output: z.object({ registration: z.string(), serial: z.string(), alreadyLinked: z.boolean() }),
  }),
  'registrations.block': op({
    name: 'registrations.block',
    summary: 'Block a registration number: no link, trial, coupon, grant or recovery with it until unblocked',
    mutating: true,
    vendorOnly: true,
    input: z.object({ registration: registrationRef, reason: text(400).optional() }).strict(),
    output: BlockSchema,
  }),
  'registrations.unblock': op({
    name: 'registrations.unblock',
    summary: 'Unblock a registration number the vendor blocked',
    mutating: true,
    vendorOnly: true,
    input: z.object({ registration: registrationRef }).strict(),
    output: BlockSchema,
  }),
  'trials.start': op({
    name: 'trials.start',
    summary: 'Start the 30-day trial of an Askozia host and answer its initialisation code',
    mutating: true,
    input: z.object({ registration: registrationRef, serial, initCode: code }).strict(),
    output: z.object({
      registration: z.string(),
      serial: z.string(),
      feature: z.number(),
      hostFingerprint: z.string(),
      startedAt: isoDate,
      endsAt: isoDate,
      answer: AnswerSchema,
    }),
  }),
  'eula.show': op({
    name: 'eula.show',
    summary: 'The current licence agreement (EULA)',
    mutating: false,
    input: empty,
    output: EulaSchema,
  }),
  'eula.publish': op({
    name: 'eula.publish',
    summary: 'Publish a new licence agreement version',
    mutating: true,
    vendorOnly: true,
    input: z.object({ version: eulaVersion, text: eulaText }).strict(),
    output: EulaSchema,
  }),
  'eula.accept': op({
    name: 'eula.accept',
    summary: "Record that a registration's owner accepted the current licence agreement",
    mutating: true,
    input: z.object({ registration: registrationRef, host: text(200).optional() }).strict(),
    output: AcceptanceSchema,
  }),
};
