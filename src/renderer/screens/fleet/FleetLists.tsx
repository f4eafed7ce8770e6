// The lists of Fleet health: devices with an end date and days left, or plain device lists.
// Long lists show their first 200 rows (the count says how many there are).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { openDevice } from '../../actions/nav';
import { DataSection } from '../../components/DataSection';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate } from '../../lib/format';
import type { Ending } from '../../lib/fleet-health';
import type { Device } from '../../store/types';

const LIMIT = 200;

function DeviceCells({ d }: { d: Device }) {
  return (
    <>
      <td>
        <button type="button" className="serial-button" onClick={() => openDevice(d.serial)}>
          {d.serial}
        </button>
      </td>
      <td>{d.name}</td>
      <td>{d.customer ?? ''}</td>
    </>
  );
}

export function FleetEndingList({ id, title, items }: { id: string; title: string; items: Ending[] }) {
  const { t, i18n } = useTranslation();
  return (
    <div id={id}>
      <DataSection
        title={title}
        empty={t('fleet.none')}
        count={items.length}
        head={
          <tr>
            <th scope="col">{t('columns.serial')}</th>
            <th scope="col">{t('columns.name')}</th>
            <th scope="col">{t('columns.customer')}</th>
            <th scope="col">{t('columns.endDate')}</th>
            <th scope="col">{t('fleet.daysLeft')}</th>
          </tr>
        }
      >
        {items.slice(0, LIMIT).map((e) => (
          <tr key={e.device.serial}>
            <DeviceCells d={e.device} />
            <td>{formatDate(e.device.summary?.endDate, i18n.language)}</td>
            <td>{t('fleet.daysLeftValue', { count: e.daysLeft })}</td>
          </tr>
        ))}
      </DataSection>
    </div>
  );
}

export function FleetList({
  id,
  title,
  devices,
  extra,
}: {
  id: string;
  title: string;
  devices: Device[];
  extra?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div id={id}>
      <DataSection
        title={title}
        empty={t('fleet.none')}
        count={devices.length}
        extra={extra}
        head={
          <tr>
            <th scope="col">{t('columns.serial')}</th>
            <th scope="col">{t('columns.name')}</th>
            <th scope="col">{t('columns.customer')}</th>
            <th scope="col">{t('columns.status')}</th>
            <th scope="col">{t('columns.lastVerifiedAt')}</th>
          </tr>
        }
      >
        {devices.slice(0, LIMIT).map((d) => (
          <tr key={d.serial}>
            <DeviceCells d={d} />
            <td>
              <StatusBadge summary={d.summary} />
            </td>
            <td>
              {formatDate(d.summary?.lastVerifiedAt, i18n.language) || (
                <span className="muted">{t('devices.never')}</span>
              )}
            </td>
          </tr>
        ))}
      </DataSection>
    </div>
  );
}
