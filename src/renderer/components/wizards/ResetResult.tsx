// What a reset did: the binding is gone, and these certificates were revoked with it.
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/ipc/contract';

/** `focus`: take the focus (false when a field follows on the same step). */
export function ResetResult({ result, focus = true }: { result: Output<'bindings:reset'>; focus?: boolean }) {
  const { t } = useTranslation();
  const b = result.binding;
  return (
    <div className="reset-result">
      <p className="wizard-ok" tabIndex={-1} data-autofocus={focus || undefined}>
        ✓{' '}
        {t('wizard.reset.done', {
          feature: b.feature,
          product: b.productName,
          host: b.hostName ?? `${b.hostFingerprint.slice(0, 12)}…`,
        })}
      </p>
      {result.revoked.length === 0 ? (
        <p className="wizard-note">{t('wizard.reset.nothingRevoked')}</p>
      ) : (
        <>
          <p>{t('wizard.reset.revoked', { count: result.revoked.length })}</p>
          <ul className="plain-list mono" aria-label={t('wizard.reset.revokedLabel')}>
            {result.revoked.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
