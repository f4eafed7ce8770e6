// The status badge of a device: the word in the UI language, a colour per urgency (never colour
// alone: the text says it), and the days left for a tryout.
import { useTranslation } from 'react-i18next';
import type { DeviceStatus } from '../../shared/api/devices';
import type { Device } from '../store/types';

// Statuses that share another's colour: revoked and over are as final as expired; a reset host
// needs action soon, like an expiring licence.
const COLOUR_OF: Partial<Record<DeviceStatus, DeviceStatus>> = {
  revoked: 'expired',
  tryout_over: 'expired',
  trial_over: 'expired',
  unbound: 'expiring',
};

export function StatusBadge({ summary }: { summary: Device['summary'] }) {
  const { t } = useTranslation();
  const status = summary?.status ?? 'unlicensed';
  const text =
    status === 'tryout' && summary?.tryoutDaysLeft != null
      ? t('status.tryoutDays', { count: summary.tryoutDaysLeft })
      : t(`status.${status}`);
  return (
    <span className={`badge badge-${COLOUR_OF[status] ?? status}`} data-status={status}>
      {text}
    </span>
  );
}
