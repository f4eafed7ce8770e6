// What My devices shows with no devices at all, and when the filters match none.
import { useTranslation } from 'react-i18next';
import { setQuery } from '../../actions/devices';
import { EMPTY_QUERY } from '../../lib/device-filter';

export function NoDevices({ onAdd, onImport }: { onAdd(): void; onImport(): void }) {
  const { t } = useTranslation();
  return (
    <div className="empty-state">
      <div className="empty-icon" aria-hidden="true">
        ▦
      </div>
      <h2>{t('devices.emptyTitle')}</h2>
      <p className="muted">{t('devices.emptyText')}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={onAdd}>
          {t('devices.add')}
        </button>
        <button type="button" onClick={onImport}>
          {t('devices.import')}
        </button>
      </div>
    </div>
  );
}

export function NoMatch() {
  const { t } = useTranslation();
  return (
    <div className="empty-state compact">
      <h2>{t('devices.noMatch')}</h2>
      <button type="button" onClick={() => setQuery(EMPTY_QUERY)}>
        {t('filters.clear')}
      </button>
    </div>
  );
}
