// Licence agreement (EULA) rules as plain functions: which version is current, whether a new one
// may be published, and the refusal for a registration whose owner has not accepted it.
import { err } from '../../shared/errors';

export interface EulaRow {
  version: string;
  text: string;
  published_at: string;
}

/** An authority always has a current EULA: this one until the vendor publishes another. */
export const SEED_EULA: Omit<EulaRow, 'published_at'> = {
  version: '1.0',
  text: [
    'Licence agreement (EULA), version 1.0',
    '',
    '1. The licensor grants the customer a non-exclusive, non-transferable right to use the licensed software on the host or PBX the licence certificate was issued for, for the term stated in the certificate.',
    '2. Trial and tryout licences are for evaluation only and end on the date shown; they are granted once per registration, host or PBX.',
    '3. The customer must not copy, resell, reverse engineer or circumvent the licence checks of the software, nor move a licence to another host except by resetting its binding as documented.',
    '4. The software is provided as is. To the extent permitted by law, the licensor is liable only for intent and gross negligence.',
    '5. Registration data (company, contact, email) is processed to administer licences and is not passed to third parties.',
    '6. Refusing this agreement ends the installation: the software may not be used.',
  ].join('\n'),
};

/** Compares dotted version numbers numerically: 1.10 is newer than 1.9, and 1 equals 1.0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The current version: the highest number (publication time breaks a 1 / 1.0 tie). */
export function currentOf<T extends Pick<EulaRow, 'version' | 'published_at'>>(rows: readonly T[]): T | undefined {
  return [...rows].sort(
    (x, y) => compareVersions(y.version, x.version) || y.published_at.localeCompare(x.published_at),
  )[0];
}

/** A published version must be newer than the current one, so "current" never goes backwards. */
export function checkPublishable(version: string, current: Pick<EulaRow, 'version'> | undefined): void {
  if (current && compareVersions(version, current.version) <= 0) {
    const same = compareVersions(version, current.version) === 0;
    if (same && version === current.version) throw err.EULA_VERSION_EXISTS({ version });
    throw err.EULA_VERSION_NOT_NEWER({ version, current: current.version });
  }
}

export const notAccepted = (registration: string, version: string) => err.EULA_NOT_ACCEPTED({ registration, version });
