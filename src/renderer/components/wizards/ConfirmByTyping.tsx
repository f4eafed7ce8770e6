// The reset confirmation: the binding, and a field where the feature number must be typed. The
// wizard's Reset button stays disabled until confirmsFeature() agrees.
import { useTranslation } from 'react-i18next';
import type { Binding } from '../../store/types';
import { BindingSummary } from './BindingSummary';
import { TextField } from './TextField';
import { confirmsFeature } from '../../lib/wizards/confirm';

export function ConfirmByTyping({
  binding,
  typed,
  onTyped,
}: {
  binding: Binding;
  typed: string;
  onTyped(v: string): void;
}) {
  const { t } = useTranslation();
  const wrong = typed.trim() !== '' && !confirmsFeature(typed, binding.feature);
  return (
    <div className="confirm-by-typing">
      <BindingSummary binding={binding} />
      <p className="wizard-note warning">
        {t('wizard.reset.warning', { feature: binding.feature, product: binding.productName })}
      </p>
      <TextField
        label={t('wizard.reset.typeLabel')}
        value={typed}
        onChange={onTyped}
        inputMode="numeric"
        autoComplete="off"
        maxLength={6}
        autoFocusField
        className="confirm-field"
        hint={t('wizard.reset.typeHint', { product: binding.productName })}
        error={wrong ? t('wizard.reset.mismatch', { typed: typed.trim(), feature: binding.feature }) : null}
      />
    </div>
  );
}

export const confirmed = (binding: Binding | undefined, typed: string): boolean =>
  binding !== undefined && binding.active && confirmsFeature(typed, binding.feature);
