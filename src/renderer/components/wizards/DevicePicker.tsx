// Choose the PBX a wizard is for. A select (the first field, so Enter continues at once); with a
// large fleet a search field narrows the options first, so the select never holds 100,000 rows.
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import type { Device } from '../../store/types';
import { modelName } from '../../lib/wizards/catalogue';

const MAX_OPTIONS = 200;

export interface DevicePickerProps {
  devices: Device[];
  value: string;
  onChange(serial: string): void;
  /** Which devices fit this wizard (e.g. Askozia models only). */
  accept?: (d: Device) => boolean;
  autoFocus?: boolean;
}

export function DevicePicker({ devices, value, onChange, accept, autoFocus }: DevicePickerProps) {
  const { t } = useTranslation();
  const catalogue = useStore((s) => s.info?.catalogue);
  const [search, setSearch] = useState('');
  const id = useId();
  const fitting = useMemo(() => (accept ? devices.filter(accept) : devices), [devices, accept]);
  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    const hits = q
      ? fitting.filter((d) => `${d.serial} ${d.name} ${d.customer ?? ''}`.toLowerCase().includes(q))
      : fitting;
    const list = hits.slice(0, MAX_OPTIONS);
    const current = fitting.find((d) => d.serial === value);
    return current && !list.includes(current) ? [current, ...list] : list;
  }, [fitting, search, value]);

  if (fitting.length === 0)
    return (
      <p className="wizard-note" role="status">
        {t('wizard.device.none')}
      </p>
    );
  const label = (d: Device) =>
    [d.serial, d.name, modelName(catalogue, d.model), d.customer].filter(Boolean).join(' · ');
  return (
    <div className="wizard-field">
      {fitting.length > MAX_OPTIONS && (
        <label className="wizard-field">
          <span>{t('wizard.device.search')}</span>
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" />
        </label>
      )}
      <label htmlFor={id}>{t('wizard.device.label')}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-autofocus={autoFocus ? true : undefined}
      >
        {value === '' && <option value="">{t('wizard.device.choose')}</option>}
        {shown.map((d) => (
          <option key={d.serial} value={d.serial}>
            {label(d)}
          </option>
        ))}
      </select>
    </div>
  );
}
