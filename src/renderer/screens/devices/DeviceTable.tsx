// The device list as an ARIA table whose body is virtual (@tanstack/react-virtual): only the rows
// in view (plus a few) exist in the DOM, so 100,000 devices scroll as smoothly as 10. Rows have a
// fixed height, which keeps the virtualiser's arithmetic exact.
import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { sortBy } from '../../actions/devices';
import type { SortKey } from '../../lib/device-filter';
import { useStore } from '../../store';
import type { Device } from '../../store/types';
import { DeviceRow } from './DeviceRow';
import { useLicenceWords, useModelNames } from './useVisibleDevices';

export const ROW_HEIGHT = 44;
const COLUMNS: SortKey[] = ['serial', 'name', 'model', 'customer', 'status', 'licences', 'endDate', 'lastVerifiedAt'];

export function DeviceTable({ devices }: { devices: Device[] }) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const models = useModelNames();
  const licenceWords = useLicenceWords();
  const virtualizer = useVirtualizer({
    count: devices.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (i) => devices[i]!.serial,
  });
  return (
    <div className="device-table" role="table" aria-label={t('nav.devices')} aria-rowcount={devices.length + 1}>
      <div role="rowgroup" className="thead">
        <div role="row" className="grid-row header-row" aria-rowindex={1}>
          {COLUMNS.map((key) => (
            <SortHeader key={key} column={key} />
          ))}
          <div role="columnheader" className="cell actions-cell">
            <span className="visually-hidden">{t('columns.actions')}</span>
          </div>
        </div>
      </div>
      <div role="rowgroup" className="tbody" ref={scrollRef} tabIndex={0} aria-label={t('devices.rows')}>
        <div role="presentation" className="tbody-sizer" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => (
            <DeviceRow
              key={item.key}
              device={devices[item.index]!}
              index={item.index}
              top={item.start}
              modelName={models.get(devices[item.index]!.model)}
              licences={licenceWords(devices[item.index]!.summary?.licences ?? '')}
            />
          ))}
        </div>
      </div>
    </div>
  );
}

function SortHeader({ column }: { column: SortKey }) {
  const { t } = useTranslation();
  const sort = useStore((s) => s.sort);
  const active = sort.key === column;
  const aria = active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <div role="columnheader" className={`cell col-${column}`} aria-sort={aria}>
      <button type="button" className="sort-button" onClick={() => sortBy(column)}>
        {t(`columns.${column}`)}
        <span className="sort-mark" aria-hidden="true">
          {active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
        </span>
      </button>
    </div>
  );
}
