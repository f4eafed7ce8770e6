// Whether this PBX can start the tryout, in words: what it gives (14 days, 3 test users, once per
// PBX, never again), or why not (Business/Advanced always need bought licences, Askozia has a
// trial instead, the tryout was already used, licences were already bought). The authority decides
// (tryout:status says available and why not); the words here are the user's language.
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import type { Output } from '../../../shared/ipc/contract';
import type { Device } from '../../store/types';
import { modelName, noTryoutKind, TRYOUT } from '../../lib/wizards/catalogue';
import { formatDate } from '../../lib/format';

export function TryoutExplanation({ device, status }: { device: Device; status: Output<'tryout:status'> }) {
  const { t, i18n } = useTranslation();
  const catalogue = useStore((s) => s.info?.catalogue);
  const model = modelName(catalogue, device.model);
  const kind = noTryoutKind(catalogue, device.model);
  if (kind) {
    return (
      <div className="wizard-note warning" role="status">
        <p>
          <strong>{t(`wizard.tryout.no.${kind}`, { model })}</strong>
        </p>
      </div>
    );
  }
  if (!status.available) {
    const date = (iso: string | null) => formatDate(iso, i18n.language);
    const why =
      status.state === 'active'
        ? t('wizard.tryout.active', { until: date(status.endsAt), count: status.daysLeft })
        : status.state === 'never'
          ? t('wizard.tryout.bought')
          : t('wizard.tryout.used', { started: date(status.startedAt) });
    return (
      <div className="wizard-note warning" role="status">
        <p>
          <strong>{why}</strong>
        </p>
      </div>
    );
  }
  return (
    <div className="wizard-note" role="status">
      <p>{t('wizard.tryout.what', { days: TRYOUT.days, users: TRYOUT.testUsers })}</p>
      <p>
        <strong>{t('wizard.tryout.once')}</strong>
      </p>
      <p>{t('wizard.tryout.after', { users: TRYOUT.testUsers })}</p>
    </div>
  );
}
