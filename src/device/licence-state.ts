// The PBX's one licence state machine (docs/device.md, "Licence states"): a pure function of the
// installed certificate, what signed receipts said about it (the online status) and the trusted
// time. It decides which state the PBX is in and, per feature, whether it works now and why not.
import type { FeatureKind, Model } from '../licensing/catalogue';
import type { LicensedFeature, LicenceSource } from '../licensing/extensions';
import type { OnlineStatus } from './grace';

export const PBX_STATES = [
  'unlicensed',
  'tryout',
  'trial',
  'licensed',
  'grace',
  'restricted',
  'revoked',
  'expired',
] as const;
export type PbxLicenceState = (typeof PBX_STATES)[number];

export interface LicenceLine {
  number: number;
  quantity: number;
  /** ISO 8601; null = perpetual */
  notAfter: string | null;
  source: LicenceSource;
  /** Its own end (or the certificate's, or the tryout's or trial's length) has passed, by the trusted time. */
  expired: boolean;
  /** Whether the feature works now. */
  usable: boolean;
  /** Why it does not work, or what limits it (restricted: existing users only). */
  reason?: string;
}

export interface LicenceDecision {
  state: PbxLicenceState;
  /** One sentence: why the PBX is in this state. */
  reason: string;
  licences: LicenceLine[];
}

export interface StateInput {
  /** The PBX's model from the catalogue; undefined for a model the catalogue does not know (no model rules). */
  model?: Model;
  /** The kind of each feature number (activation, countable, addon, product). */
  kindOf: (feature: number) => FeatureKind | undefined;
  leaf?: { notBefore: Date; notAfter: Date; features: readonly LicensedFeature[] };
  online?: OnlineStatus;
  /** max(clock, high-water mark): every time rule is measured against it. */
  at: Date;
}

const DAY_MS = 86_400_000;
/** The authority back-dates a certificate's start by 5 minutes; the tryout/trial length allows for that twice over. */
const LENGTH_SLACK_MS = 10 * 60_000;
const day = (d: Date): string => d.toISOString().slice(0, 10);

export function decideLicenceState(input: StateInput): LicenceDecision {
  const { leaf } = input;
  if (!leaf) return { state: 'unlicensed', reason: 'No certificate is installed.', licences: [] };
  const lines = leaf.features.map((f) => line(f, input));
  const o = input.online;
  const verdict = o?.state;
  if (verdict === 'revoked' || verdict === 'superseded') {
    const when = o!.verdictAt ?? o!.lastCheck?.serverTime ?? '';
    const why = `the licence server said on ${when.slice(0, 10)} that this certificate was ${verdict}`;
    return { state: 'revoked', reason: `Revoked: ${why}.`, licences: lines.map((l) => off(l, why)) };
  }
  if (verdict === 'expired') {
    const why = 'the licence server said this certificate has expired';
    return { state: 'expired', reason: `Expired: ${why}.`, licences: lines.map((l) => off(l, why)) };
  }
  // A certificate past its end has every line expired (line()); what that means follows from which licences they were.
  return input.model?.needsSystemActivation ? withActivation(lines, input) : byLicences(lines, input);
}

/** COMtrexx Business/Advanced: nothing works without a live system activation. */
function withActivation(lines: LicenceLine[], input: StateInput): LicenceDecision {
  const activations = lines.filter((l) => input.kindOf(l.number) === 'activation');
  if (activations.length === 0) {
    const why = `a ${input.model!.name} needs a system activation, and this certificate carries none`;
    return { state: 'unlicensed', reason: `Unlicensed: ${why}.`, licences: lines.map((l) => off(l, why)) };
  }
  if (activations.every((l) => l.expired)) {
    const end = activations.map((l) => l.notAfter ?? '').sort()[activations.length - 1]!;
    const why = `the system activation ended on ${end.slice(0, 10)}`;
    return { state: 'expired', reason: `Expired: ${why}.`, licences: lines.map((l) => off(l, why)) };
  }
  return byLicences(lines, input);
}

function byLicences(lines: LicenceLine[], input: StateInput): LicenceDecision {
  const live = (sources: LicenceSource[]) => lines.some((l) => sources.includes(l.source) && !l.expired);
  const had = (sources: LicenceSource[]) => lines.some((l) => sources.includes(l.source));
  if (live(['grant', 'coupon'])) return online(lines, input);
  if (live(['tryout'])) return { state: 'tryout', reason: `Tryout until ${endOf(lines, 'tryout')}.`, licences: lines };
  if (live(['trial'])) return { state: 'trial', reason: `Trial until ${endOf(lines, 'trial')}.`, licences: lines };
  if (had(['grant', 'coupon'])) {
    const why =
      input.at > input.leaf!.notAfter
        ? `the certificate ended on ${day(input.leaf!.notAfter)}`
        : 'every bought licence has ended';
    return { state: 'expired', reason: `Expired: ${why}.`, licences: lines };
  }
  if (had(['tryout', 'trial'])) {
    const which = had(['tryout']) ? 'tryout' : 'trial';
    return {
      state: 'unlicensed',
      reason: `Unlicensed: the ${which} ended on ${endOf(lines, which)}; install bought licences to go on.`,
      licences: lines,
    };
  }
  return { state: 'unlicensed', reason: 'Unlicensed: the certificate carries no licences.', licences: lines };
}

/** Bought licences hold only while the PBX keeps checking in (docs/verification.md, "Grace period"). */
function online(lines: LicenceLine[], input: StateInput): LicenceDecision {
  const o = input.online;
  if (o?.state === 'grace' && overdue(o, input))
    return {
      state: 'grace',
      reason: `Grace: the online check is overdue; restricted from ${o.graceUntil.slice(0, 16).replace('T', ' ')} UTC unless it succeeds.`,
      licences: lines,
    };
  if (o?.state === 'lapsed') {
    const limited = 'restricted: existing users keep working, no new ones until an online check succeeds';
    const stopped = 'restricted: add-ons stop until an online check succeeds';
    return {
      state: 'restricted',
      reason: `Restricted: no successful online check since the grace period ended (${o.graceUntil.slice(0, 10)}).`,
      licences: lines.map((l) =>
        l.expired ? l : input.kindOf(l.number) === 'addon' ? off(l, stopped) : { ...l, reason: limited },
      ),
    };
  }
  return { state: 'licensed', reason: 'Licensed.', licences: lines };
}

/** A PBX just installed is licensed, not already in grace: its first check is due one interval later (grace.ts). */
const overdue = (o: OnlineStatus, input: StateInput): boolean => input.at.getTime() > Date.parse(o.checkDue);

function line(f: LicensedFeature, input: StateInput): LicenceLine {
  const end = endTime(f, input);
  const expired = input.at > input.leaf!.notAfter || (end !== undefined && input.at > end);
  const base = {
    number: f.number,
    quantity: f.quantity,
    notAfter: f.notAfter?.toISOString() ?? null,
    source: f.source,
  };
  const certEnd = input.leaf!.notAfter;
  const ended = end && end < certEnd ? end : certEnd;
  const what = f.source === 'tryout' ? 'the tryout' : f.source === 'trial' ? 'the trial' : 'it';
  return expired
    ? { ...base, expired, usable: false, reason: `${what} ended on ${day(ended)}` }
    : { ...base, expired, usable: true };
}

/** A feature's end: its own, or, for a tryout or trial, at most the model's length after the certificate's start. */
function endTime(f: LicensedFeature, input: StateInput): Date | undefined {
  const days =
    f.source === 'tryout' ? input.model?.tryout?.days : f.source === 'trial' ? input.model?.trial?.days : undefined;
  const cap =
    days !== undefined ? new Date(input.leaf!.notBefore.getTime() + days * DAY_MS + LENGTH_SLACK_MS) : undefined;
  if (!f.notAfter) return cap;
  return cap && cap < f.notAfter ? cap : f.notAfter;
}

const off = (l: LicenceLine, why: string): LicenceLine => ({
  ...l,
  usable: false,
  reason: l.expired ? l.reason! : why,
});

function endOf(lines: LicenceLine[], source: LicenceSource): string {
  const ends = lines.filter((l) => l.source === source && l.notAfter).map((l) => l.notAfter!);
  return ends.length ? ends.sort()[ends.length - 1]!.slice(0, 10) : 'its end';
}
