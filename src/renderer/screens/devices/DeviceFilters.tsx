// Search and filters of My devices. The search runs on every keystroke (filterDevices is built for
// that); the number fields filter once they hold a number and are off when empty.
import { useTranslation } from 'react-i18next';
import { setQuery } from '../../actions/devices';
import { EMPTY_QUERY, STATUS_ORDER, isFiltered, type DeviceQuery } from '../../lib/device-filter';
import { useStore } from '../../store';

const days = (text: string): number | null => {
  const n = Number.parseInt(text, 10);
  return Number.isFinite(n) && n >= 0 ? Math.min(n, 36_500) : null;
};

export function DeviceFilters() {
  const { t } = useTranslation();
  const query = useStore((s) => s.query);
  const models = useStore((s) => s.info?.catalogue.models ?? []);
  const set = (patch: Partial<DeviceQuery>) => setQuery(patch);
  return (
    <div className="filters" role="search" aria-label={t('filters.label')}>
      <label className="search-field">
        <span className="visually-hidden">{t('filters.search')}</span>
        <input
          type="search"
          value={query.search}
          placeholder={t('filters.searchPlaceholder')}
          aria-label={t('filters.search')}
          onChange={(e) => set({ search: e.target.value })}
        />
      </label>
      <label className="inline-field">
        <span>{t('filters.status')}</span>
        <select
          value={query.status}
          aria-label={t('filters.status')}
          onChange={(e) => set({ status: e.target.value as DeviceQuery['status'] })}
        >
          <option value="all">{t('filters.allStatuses')}</option>
          {STATUS_ORDER.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        <span>{t('filters.model')}</span>
        <select value={query.model} aria-label={t('filters.model')} onChange={(e) => set({ model: e.target.value })}>
          <option value="all">{t('filters.allModels')}</option>
          {models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field days-field">
        <span>{t('filters.expiresWithin')}</span>
        <input
          type="number"
          min={0}
          max={36500}
          inputMode="numeric"
          value={query.expiresWithinDays ?? ''}
          aria-label={t('filters.expiresWithinLabel')}
          placeholder="–"
          onChange={(e) => set({ expiresWithinDays: days(e.target.value) })}
        />
        <span className="unit">{t('filters.days')}</span>
      </label>
      <label className="inline-field days-field">
        <span>{t('filters.notVerifiedFor')}</span>
        <input
          type="number"
          min={0}
          max={36500}
          inputMode="numeric"
          value={query.notVerifiedDays ?? ''}
          aria-label={t('filters.notVerifiedLabel')}
          placeholder="–"
          onChange={(e) => set({ notVerifiedDays: days(e.target.value) })}
        />
        <span className="unit">{t('filters.days')}</span>
      </label>
      {isFiltered(query) && (
        <button type="button" className="link-button" onClick={() => setQuery(EMPTY_QUERY)}>
          {t('filters.clear')}
        </button>
      )}
    </div>
  );
}
