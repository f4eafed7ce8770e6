// My devices: the toolbar (add, import, export), the filters, and the virtual list; an empty
// state with the two ways to get devices in when there are none.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportCsv } from '../../actions/devices';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatNumber } from '../../lib/format';
import { useStore } from '../../store';
import { AddDeviceDialog } from './AddDeviceDialog';
import { DeviceFilters } from './DeviceFilters';
import { DeviceTable } from './DeviceTable';
import { ImportCsvDialog } from './ImportCsvDialog';
import { NoMatch, NoDevices } from './EmptyStates';
import { useVisibleDevices } from './useVisibleDevices';

type Dialog = 'add' | 'import' | null;

export function MyDevices() {
  const { t, i18n } = useTranslation();
  const total = useStore((s) => s.devices.length);
  const loaded = useStore((s) => s.devicesLoaded);
  const partial = useStore((s) => s.devicesPartial);
  const error = useStore((s) => s.devicesError);
  const visible = useVisibleDevices();
  const [dialog, setDialog] = useState<Dialog>(null);

  return (
    <section className="screen screen-devices" aria-labelledby="devices-title">
      <header className="screen-header">
        <div>
          <h1 id="devices-title" tabIndex={-1}>
            {t('nav.devices')}
          </h1>
          {partial && (
            <p className="muted" role="status">
              {t('devices.loading')}
            </p>
          )}
          {loaded && total > 0 && (
            <p className="muted" aria-live="polite">
              {t('devices.count', {
                shown: formatNumber(visible.length, i18n.language),
                total: formatNumber(total, i18n.language),
                count: total,
              })}
            </p>
          )}
        </div>
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => setDialog('add')}>
            {t('devices.add')}
          </button>
          <button type="button" onClick={() => setDialog('import')}>
            {t('devices.import')}
          </button>
          <button type="button" disabled={visible.length === 0} onClick={() => exportCsv(visible)}>
            {t('devices.export')}
          </button>
        </div>
      </header>
      <ErrorMessage error={error} />
      {!loaded && !partial && !error ? (
        <div className="list-loading" role="status" aria-busy="true">
          {t('devices.loading')}
        </div>
      ) : loaded && total === 0 ? (
        <NoDevices onAdd={() => setDialog('add')} onImport={() => setDialog('import')} />
      ) : (
        <>
          <DeviceFilters />
          {loaded && visible.length === 0 ? <NoMatch /> : <DeviceTable devices={visible} />}
        </>
      )}
      {dialog === 'add' && <AddDeviceDialog onClose={() => setDialog(null)} />}
      {dialog === 'import' && <ImportCsvDialog onClose={() => setDialog(null)} />}
    </section>
  );
}
