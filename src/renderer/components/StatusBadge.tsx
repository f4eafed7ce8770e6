// The status badge of a device: the word in the UI language, a colour per urgency (never colour
// alone: the text says it), and the days left for a tryout.
import { useTranslation } from 'react-i18next';
import type { Device } from '../store/types';

export function StatusBadge({ summary }: { summary: Device['summary'] }) {
  const { t } = useTranslation();
  const status = summary?.status ?? 'unlicensed';
  const text =
    status === 'tryout' && summary?.tryoutDaysLeft != null
      ? t('status.tryoutDays', { count: summary.tryoutDaysLeft })
      : t(`status.${status}`);
  return <span className={`badge badge-${status}`}>{text}</span>;
}
