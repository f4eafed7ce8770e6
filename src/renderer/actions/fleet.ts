// Fleet health's calendar export: the end dates of the devices, as an .ics file.
import { i18n } from '../i18n';
import { toIcs } from '../lib/ics';
import { withEndDates } from '../lib/fleet-health';
import type { Device } from '../store/types';
import { downloadText, today } from './download';
import { toast } from './toasts';

export function exportIcs(devices: readonly Device[], now = new Date()): void {
  const dated = withEndDates(devices, now.getTime());
  const text = toIcs(dated, {
    now,
    summary: (d) => i18n.t('fleet.icsSummary', { name: d.name || d.serial }),
    description: (d) =>
      [
        `${i18n.t('columns.serial')}: ${d.serial}`,
        `${i18n.t('columns.model')}: ${d.model}`,
        d.customer ? `${i18n.t('columns.customer')}: ${d.customer}` : '',
        d.summary?.licences ? `${i18n.t('columns.licences')}: ${d.summary.licences}` : '',
      ]
        .filter((l) => l !== '')
        .join('\n'),
  });
  downloadText(`licence-desk-end-dates-${today(now)}.ics`, text, 'text/calendar;charset=utf-8');
  toast('success', i18n.t('fleet.icsSaved', { count: dated.length }));
}
