// Trial rules (MIKO handbook) as plain functions over plain data: which models have a trial,
// what it grants, and the refusals when a registration or a host already had one.
import type { Model } from '../../licensing/catalogue';
import { ruleError } from '../../shared/errors';
import { DAYS } from '../certificates/licence-rules';

export interface TrialPlan {
  feature: number;
  startedAt: string;
  endsAt: string;
}

/** An Askozia model's trial: its product feature (33/34) for `trial.days` days. */
export function planTrial(model: Model, now: Date): TrialPlan {
  if (!model.trial || model.productFeature === null) {
    const why = model.tryout
      ? `it has a ${model.tryout.days}-day tryout instead (tryout start)`
      : 'it always needs bought licences';
    throw ruleError('TRIAL_NOT_AVAILABLE', `${model.name} has no trial: ${why}.`, { model: model.id });
  }
  return {
    feature: model.productFeature,
    startedAt: now.toISOString(),
    endsAt: new Date(now.getTime() + model.trial.days * DAYS).toISOString(),
  };
}

/** A trial that already used the registration's or the host's one chance for a feature. */
export interface UsedTrial {
  registration: string | null;
  sameRegistration: boolean;
  sameHost: boolean;
  serial: string | null;
  startedAt: string;
  endsAt: string;
}

/** "an Askozia PBX", "a COMtrexx VM": the article follows the sound of the first letter. */
export const withArticle = (name: string) => `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name}`;

const span = (t: UsedTrial) => `from ${t.startedAt.slice(0, 10)} to ${t.endsAt.slice(0, 10)}`;

/** The registration's own trial is named first: it is the reason the customer can act on. */
export function trialUsed(
  used: UsedTrial[],
  registration: string,
  host: string,
  feature: { number: number; name: string },
) {
  const own = used.find((t) => t.sameRegistration);
  const details = (t: UsedTrial) => ({ feature: feature.number, startedAt: t.startedAt, endsAt: t.endsAt });
  if (own) {
    return ruleError(
      'TRIAL_ALREADY_USED_REGISTRATION',
      `Registration ${registration} already had its ${feature.name} trial (feature ${feature.number}) ${span(own)}${own.serial ? ` on device ${own.serial}` : ''}: a registration gets one trial per product.`,
      details(own),
    );
  }
  const onHost = used.find((t) => t.sameHost) ?? used[0]!;
  const under = onHost.registration ? `under registration ${onHost.registration}` : 'under another registration';
  return ruleError(
    'TRIAL_ALREADY_USED_HOST',
    `This host (fingerprint ${host.slice(0, 16)}…) already had ${withArticle(feature.name)} trial (feature ${feature.number}) ${span(onHost)} ${under}: a host gets one trial per product.`,
    details(onHost),
  );
}

export const alreadyLicensed = (serial: string, feature: { number: number; name: string }) =>
  ruleError(
    'TRIAL_NOT_AVAILABLE',
    `Device ${serial} already has a bought ${feature.name} licence (feature ${feature.number}): it needs no trial.`,
    { reason: 'licensed' },
  );

export const otherRegistration = (serial: string, registration: string | null) =>
  ruleError(
    'DEVICE_OTHER_REGISTRATION',
    `Device ${serial} belongs to ${registration ? `registration ${registration}` : 'another registration'}; it cannot start a trial under a second one.`,
  );

/** A blocked number refuses every new use; the reason is the vendor's note, when given. */
export const blockedError = (r: { number: string; blocked_at: string | null; blocked_reason?: string }) =>
  ruleError(
    'REGISTRATION_BLOCKED',
    `Registration ${r.number} was blocked by the vendor on ${r.blocked_at!.slice(0, 10)}${r.blocked_reason ? ` (${r.blocked_reason})` : ''}: it cannot be linked, start a trial, redeem coupons, get licences or be recovered. Ask the vendor.`,
    { blockedAt: r.blocked_at },
  );

/** For a device already linked: its registration's block refuses coupons and grants too. */
export function refuseBlockedRegistration(device: {
  registration: string | null;
  registration_blocked_at: string | null;
}) {
  if (device.registration !== null && device.registration_blocked_at !== null)
    throw blockedError({ number: device.registration, blocked_at: device.registration_blocked_at });
}
