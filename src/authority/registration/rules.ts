// Trial rules (MIKO handbook) as plain functions over plain data: which models have a trial,
// what it grants, and the refusals when a registration or a host already had one.
import type { Model } from '../../licensing/catalogue';
import { err } from '../../shared/errors';
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
    throw err.TRIAL_NOT_AVAILABLE({ variant: 'model', name: model.name, why, model: model.id });
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
    return err.TRIAL_ALREADY_USED_REGISTRATION({
      registration,
      name: feature.name,
      number: feature.number,
      span: span(own),
      onDevice: own.serial ? ` on device ${own.serial}` : '',
      ...details(own),
    });
  }
  const onHost = used.find((t) => t.sameHost) ?? used[0]!;
  const under = onHost.registration ? `under registration ${onHost.registration}` : 'under another registration';
  return err.TRIAL_ALREADY_USED_HOST({
    host: host.slice(0, 16),
    productWithArticle: withArticle(feature.name),
    number: feature.number,
    span: span(onHost),
    under,
    ...details(onHost),
  });
}

export const alreadyLicensed = (serial: string, feature: { number: number; name: string }) =>
  err.TRIAL_NOT_AVAILABLE({
    variant: 'licensed',
    serial,
    name: feature.name,
    number: feature.number,
    reason: 'licensed',
  });

export const otherRegistration = (serial: string, registration: string | null) =>
  err.DEVICE_OTHER_REGISTRATION({
    serial,
    owner: registration ? `registration ${registration}` : 'another registration',
  });

/** A blocked number refuses every new use; the reason is the vendor's note, when given. */
export const blockedError = (r: { number: string; blocked_at: string | null; blocked_reason?: string }) =>
  r.blocked_reason
    ? err.REGISTRATION_BLOCKED({
        variant: 'numberWithReason',
        number: r.number,
        blockedOn: r.blocked_at!.slice(0, 10),
        reason: r.blocked_reason,
      })
    : err.REGISTRATION_BLOCKED({ variant: 'number', number: r.number, blockedOn: r.blocked_at!.slice(0, 10) });

/** For a device already linked: its registration's block refuses coupons and grants too. */
export function refuseBlockedRegistration(device: {
  registration: string | null;
  registration_blocked_at: string | null;
}) {
  if (device.registration !== null && device.registration_blocked_at !== null)
    throw blockedError({ number: device.registration, blocked_at: device.registration_blocked_at });
}
