// Tryout rules (COMtrexx manual) as plain functions over plain data: which models have one, what
// it grants, and in which state a device's tryout is on a given day.
import { type Catalogue, type Model } from '../../licensing/catalogue';
import { err } from '../../shared/errors';
import { DAYS } from '../certificates/licence-rules';

export interface TryoutRow {
  device_id: number;
  started_at: string;
  ends_at: string;
  ended_at: string | null;
  end_reason: string | null;
}
export type TryoutState = 'active' | 'ended' | 'expired' | 'never';

/** Why a model has no tryout, or null when it has one. */
export function noTryoutReason(model: Model): string | null {
  if (model.tryout) return null;
  if (model.needsSystemActivation) return `${model.name} has no tryout: it always needs bought licences`;
  if (model.trial) return `${model.name} has no tryout: registering it starts a ${model.trial.days}-day trial instead`;
  return `${model.name} has no tryout`;
}

export function requireTryoutModel(model: Model): NonNullable<Model['tryout']> {
  const reason = noTryoutReason(model);
  if (reason || !model.tryout) throw err.TRYOUT_NOT_AVAILABLE({ variant: 'reason', reason, model: model.id });
  return model.tryout;
}

/** What a tryout grants: the model's floating user licence × testUsers, ending after `days`. */
export function planTryout(
  cat: Catalogue,
  model: Model,
  now: Date,
): { feature: number; quantity: number; startedAt: string; endsAt: string } {
  const tryout = requireTryoutModel(model);
  const users = cat.features.find((f) => f.kind === 'countable' && model.features.includes(f.number));
  // The catalogue loader already refuses a tryout model without a countable feature.
  if (!users) throw err.TRYOUT_NOT_AVAILABLE({ variant: 'noUserFeature', name: model.name });
  return {
    feature: users.number,
    quantity: tryout.testUsers,
    startedAt: now.toISOString(),
    endsAt: new Date(now.getTime() + tryout.days * DAYS).toISOString(),
  };
}

export function tryoutState(row: TryoutRow | undefined, now: Date): TryoutState {
  if (!row) return 'never';
  if (row.ended_at) return 'ended';
  return new Date(row.ends_at) > now ? 'active' : 'expired';
}

/** Whole days left, rounded up (a tryout with 3 hours left shows "1 day left"). */
export const daysLeft = (row: TryoutRow | undefined, now: Date): number =>
  tryoutState(row, now) === 'active' ? Math.ceil((new Date(row!.ends_at).getTime() - now.getTime()) / DAYS) : 0;

const END_REASONS: Record<string, string> = { bought: 'licences were bought', left: 'it was left' };

/** "Once per device, ever": the refusal says when it started and how it ended. */
export function alreadyUsed(serial: string, row: TryoutRow, now: Date) {
  const started = row.started_at.slice(0, 10);
  const state = tryoutState(row, now);
  const how =
    state === 'active'
      ? `it runs until ${row.ends_at.slice(0, 10)}`
      : state === 'expired'
        ? `it expired on ${row.ends_at.slice(0, 10)}`
        : `it ended on ${row.ended_at!.slice(0, 10)} because ${END_REASONS[row.end_reason ?? ''] ?? row.end_reason ?? 'it ended'}`;
  return err.TRYOUT_ALREADY_USED({
    serial,
    started,
    how,
    startedAt: row.started_at,
    endsAt: row.ends_at,
    endedAt: row.ended_at,
    state,
  });
}

export const alreadyLicensed = (serial: string) =>
  err.TRYOUT_NOT_AVAILABLE({ variant: 'licensed', serial, reason: 'licensed' });
