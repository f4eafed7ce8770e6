// Synthetic devices for the renderer's pure-logic tests and for bench/ui.ts: the shape
// devices:list returns, with every status and realistic names, serials and customers.
import type { Device, DeviceStatus } from '../../src/renderer/store/types';

const DAY = 86_400_000;
const STATUSES: DeviceStatus[] = [
  'licensed',
  'licensed',
  'expiring',
  'unlicensed',
  'tryout',
  'trial',
  'expired',
  'verification_overdue',
  'retired',
];
const MODELS = ['comtrexx-business', 'comtrexx-advanced', 'comtrexx-vm', 'askozia-pbx'];
const TOWNS = ['Berlin', 'Hamburg', 'München', 'Köln', 'Leipzig', 'Москва', 'Wien', 'Zürich'];

export function makeDevice(
  i: number,
  now: number,
  over: Partial<Device> & { status?: DeviceStatus; endInDays?: number | null; verifiedDaysAgo?: number | null } = {},
): Device {
  const status = over.status ?? STATUSES[i % STATUSES.length]!;
  const endInDays =
    over.endInDays !== undefined
      ? over.endInDays
      : status === 'unlicensed' || status === 'expired' || status === 'retired'
        ? null
        : (i % 400) + 1;
  const verifiedDaysAgo = over.verifiedDaysAgo !== undefined ? over.verifiedDaysAgo : i % 5 === 0 ? null : i % 40;
  return {
    serial: over.serial ?? `PBX-${String(i).padStart(6, '0')}`,
    model: over.model ?? MODELS[i % MODELS.length]!,
    name: over.name ?? `${TOWNS[i % TOWNS.length]} site ${i}`,
    customer: over.customer !== undefined ? over.customer : i % 11 === 0 ? null : `Customer ${i % 977} GmbH`,
    registration: null,
    createdAt: new Date(now - 500 * DAY).toISOString(),
    retiredAt: status === 'retired' ? new Date(now - DAY).toISOString() : null,
    summary: {
      status,
      licences: status === 'unlicensed' ? '' : `11×${(i % 20) + 1}`,
      endDate: endInDays === null ? null : new Date(now + endInDays * DAY - 3600_000).toISOString(),
      lastVerifiedAt: verifiedDaysAgo === null ? null : new Date(now - verifiedDaysAgo * DAY).toISOString(),
      tryoutDaysLeft: status === 'tryout' ? (i % 14) + 1 : null,
      verificationOverdue: status === 'verification_overdue',
    },
  };
}

export const makeDevices = (n: number, now: number): Device[] =>
  Array.from({ length: n }, (_, i) => makeDevice(i, now));
