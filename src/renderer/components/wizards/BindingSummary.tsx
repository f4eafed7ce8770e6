// One licence binding to a host, as the reset must show it: the feature number and product first
// (resetting 34 when 33 was meant breaks another product), then the device, host and dates.
import { useTranslation } from 'react-i18next';
import type { Binding } from '../../store/types';
import { formatDateTime } from '../../lib/format';

export function BindingSummary({ binding }: { binding: Binding }) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  const others = binding.hostBindings - (binding.active ? 1 : 0);
  return (
    <div className="binding-summary">
      <p className="binding-feature" aria-hidden="true">
        <span className="feature-number">{binding.feature}</span>
        <span className="feature-product">{binding.productName}</span>
      </p>
      <dl className="code-details">
        <div>
          <dt>{t('wizard.binding.featureNumber')}</dt>
          <dd>{binding.feature}</dd>
        </div>
        <div>
          <dt>{t('wizard.binding.product')}</dt>
          <dd>{binding.productName}</dd>
        </div>
        <div>
          <dt>{t('wizard.binding.device')}</dt>
          <dd className="mono">{binding.serial}</dd>
        </div>
        <div>
          <dt>{t('wizard.binding.host')}</dt>
          <dd>
            {binding.hostName ? `${binding.hostName} · ` : ''}
            <span className="mono">{binding.hostFingerprint}</span>
          </dd>
        </div>
        <div>
          <dt>{t('wizard.binding.since')}</dt>
          <dd>{when(binding.firstSeen)}</dd>
        </div>
        <div>
          <dt>{t('wizard.binding.lastSeen')}</dt>
          <dd>{when(binding.lastSeen)}</dd>
        </div>
        {binding.firmware && (
          <div>
            <dt>{t('wizard.code.firmware')}</dt>
            <dd>{binding.firmware}</dd>
          </div>
        )}
        {binding.resetAt && (
          <div>
            <dt>{t('wizard.binding.resetAt')}</dt>
            <dd>
              {when(binding.resetAt)}
              {binding.resetBy ? ` (${binding.resetBy})` : ''}
            </dd>
          </div>
        )}
      </dl>
      {others > 0 && <p className="wizard-hint">{t('wizard.binding.otherOnHost', { count: others })}</p>}
    </div>
  );
}
