// Choose the binding to reset, when the wizard was not opened from one: active bindings as radios.
import { useTranslation } from 'react-i18next';
import type { Binding } from '../../store/types';
import { formatDate } from '../../lib/format';

export function BindingChoice({
  bindings,
  value,
  onChange,
}: {
  bindings: Binding[];
  value: number | null;
  onChange(id: number): void;
}) {
  const { t, i18n } = useTranslation();
  const active = bindings.filter((b) => b.active);
  if (active.length === 0)
    return (
      <p className="wizard-note" role="status">
        {t('wizard.reset.noneActive')}
      </p>
    );
  return (
    <fieldset className="binding-choice">
      <legend>{t('wizard.reset.choose')}</legend>
      {active.map((b, i) => (
        <label key={b.id} className="radio">
          <input
            type="radio"
            name="binding"
            checked={value === b.id}
            onChange={() => onChange(b.id)}
            data-autofocus={i === 0 ? true : undefined}
          />
          <span>
            <strong>
              {b.feature} · {b.productName}
            </strong>{' '}
            — <span className="mono">{b.serial}</span>
            {' · '}
            {t('wizard.binding.onHost', {
              host: b.hostName ?? `${b.hostFingerprint.slice(0, 12)}…`,
              since: formatDate(b.firstSeen, i18n.language),
            })}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
