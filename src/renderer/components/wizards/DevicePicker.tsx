// Choose the PBX a wizard is for: a combobox (WAI-ARIA APG "editable combobox with list
// autocomplete"). Typing part of a serial, name, model or customer narrows the list; the arrows
// move through it, Enter takes the device (Enter again continues the wizard), Escape closes the
// list before it closes the dialog. The list is virtual (@tanstack/react-virtual), so every
// matching device is in it, from 3 to 100,000, with no cap and no slow first open.
import { useId, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import type { Device } from '../../store/types';
import { modelName } from '../../lib/wizards/catalogue';
import { formatNumber } from '../../lib/format';
import { usePickerKeys } from './use-picker-keys';

const OPTION_HEIGHT = 34;

export interface DevicePickerProps {
  /** The devices this wizard can serve (useWizardDevices). */
  devices: Device[];
  value: string;
  onChange(serial: string): void;
  autoFocus?: boolean;
}

export function DevicePicker({ devices, value, onChange, autoFocus }: DevicePickerProps) {
  const { t, i18n } = useTranslation();
  const catalogue = useStore((s) => s.info?.catalogue);
  const id = useId();
  const listRef = useRef<HTMLDivElement>(null);
  // null: not searching, the field shows the chosen serial.
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const describe = (d: Device) => [d.name, modelName(catalogue, d.model), d.customer].filter(Boolean).join(' · ');
  const haystacks = useMemo(() => devices.map((d) => `${d.serial} ${describe(d)}`.toLowerCase()), [devices, catalogue]);
  const matches = useMemo(() => {
    const q = (query ?? '').trim().toLowerCase();
    return q ? devices.filter((_, i) => haystacks[i]!.includes(q)) : devices;
  }, [devices, haystacks, query]);
  const virtualizer = useVirtualizer({
    count: open ? matches.length : 0,
    getScrollElement: () => listRef.current,
    estimateSize: () => OPTION_HEIGHT,
    overscan: 8,
  });

  const choose = (d: Device) => {
    onChange(d.serial);
    setQuery(null);
    setOpen(false);
    setActive(-1);
  };
  const onKeyDown = usePickerKeys({
    open,
    searching: query !== null,
    count: matches.length,
    active,
    chosenIndex: matches.findIndex((d) => d.serial === value),
    setOpen,
    setActive: (i) => {
      setActive(i);
      if (i >= 0) virtualizer.scrollToIndex(i);
    },
    choose: (i) => choose(matches[i]!),
    reset: () => setQuery(null),
  });

  if (devices.length === 0)
    return (
      <p className="wizard-note" role="status">
        {t('wizard.device.none')}
      </p>
    );
  const chosen = devices.find((d) => d.serial === value);
  const optionId = (i: number) => `${id}-option-${i}`;
  return (
    <div className="wizard-field device-picker">
      <label htmlFor={id}>{t('wizard.device.label')}</label>
      <div className="picker-box">
        <input
          id={id}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open && matches.length > 0}
          aria-controls={`${id}-list`}
          aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
          aria-describedby={`${id}-about`}
          autoComplete="off"
          spellCheck={false}
          placeholder={t('wizard.device.choose')}
          value={query ?? value}
          data-autofocus={autoFocus ? true : undefined}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onClick={() => setOpen((o) => !o)}
          onBlur={() => {
            setOpen(false);
            setQuery(null);
          }}
          onKeyDown={onKeyDown}
        />
        <div
          ref={listRef}
          id={`${id}-list`}
          role="listbox"
          aria-label={t('wizard.device.label')}
          className="picker-list"
          hidden={!open || matches.length === 0}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const d = matches[item.index]!;
              return (
                <div
                  key={d.serial}
                  id={optionId(item.index)}
                  role="option"
                  aria-selected={d.serial === value}
                  aria-setsize={matches.length}
                  aria-posinset={item.index + 1}
                  className={item.index === active ? 'picker-option active' : 'picker-option'}
                  style={{ height: OPTION_HEIGHT, transform: `translateY(${item.start}px)` }}
                  // Keep the focus in the field, so the click chooses instead of blurring first.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => choose(d)}
                >
                  <span className="mono">{d.serial}</span> <span className="muted">{describe(d)}</span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
      <span id={`${id}-about`} className="picker-about" aria-live="polite">
        {open || query !== null
          ? matches.length === 0
            ? t('wizard.device.noMatch')
            : t('wizard.device.matches', { count: matches.length, n: formatNumber(matches.length, i18n.language) })
          : chosen
            ? describe(chosen)
            : t('wizard.device.typeToSearch')}
      </span>
    </div>
  );
}
