// Registration numbers, the Askozia trial with its licence agreement, and the COMtrexx VM tryout.
import { api, unwrap } from '../client';
import type { Result } from '../../../shared/result';
import type { TrialStarted, TryoutStarted } from '../../lib/wizards/api-types';

export async function createRegistration(input: { company: string; email: string; contact?: string }) {
  return unwrap(await api().registrationsCreate(input));
}

/** Entering the registration number on the host (System > Licences) links it; coupons need it. */
export async function linkRegistration(registration: string, serial: string) {
  return unwrap(await api().registrationsLink({ registration, serial }));
}

export async function showEula() {
  return unwrap(await api().eulaShow({}));
}

export async function acceptEula(registration: string) {
  return unwrap(await api().eulaAccept({ registration }));
}

export async function startTrial(input: { registration: string; serial: string; initCode: string }) {
  return unwrap((await api().trialsStart(input)) as Result<TrialStarted>);
}

export async function tryoutStatus(serial: string) {
  return unwrap(await api().tryoutStatus({ serial }));
}

export async function startTryout(serial: string, initCode?: string) {
  return unwrap((await api().tryoutStart(initCode ? { serial, initCode } : { serial })) as Result<TryoutStarted>);
}
