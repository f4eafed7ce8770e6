// What can be done with a device from its page: the wizards that fit its model, and rename,
// move to another customer, retire (each asks first, in a small dialog).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { moveDevice, renameDevice, retireDevice } from '../../actions/detail';
import { openWizard } from '../../actions/wizard';
import { nextSteps } from '../../lib/device-wizards';
import { useStore } from '../../store';
import type { AppInfo } from '../../../shared/ipc/contract';
import type { Device } from '../../store/types';
import { PromptDialog } from './PromptDialog';

type Ask = 'rename' | 'move' | 'retire' | null;

export function DetailActions({
  device,
  model,
}: {
  device: Device;
  model: AppInfo['catalogue']['models'][number] | undefined;
}) {
  const { t } = useTranslation();
  const [ask, setAsk] = useState<Ask>(null);
  const retired = device.retiredAt !== null;
  const listed = useStore((s) => s.devices.find((d) => d.serial === device.serial)?.summary?.status);
  const status = retired ? 'retired' : (listed ?? device.summary?.status);
  const steps = nextSteps(model, status, device.registration !== null);
  const wizards = [...(steps.primary ? [steps.primary] : []), ...steps.others];
  return (
    <div className="detail-actions">
      {steps.needsLicences && <NeedsLicences model={model} />}
      <div className="toolbar" role="group" aria-label={t('detail.licensing')}>
        {wizards.map((kind) => (
          <button
            key={kind}
            type="button"
            className={kind === steps.primary ? 'primary' : undefined}
            onClick={() => openWizard({ kind, serial: device.serial })}
          >
            {t(`wizards.${kind}`)}
          </button>
        ))}
      </div>
      {!retired && (
        <div className="toolbar" role="group" aria-label={t('detail.manage')}>
          <button type="button" onClick={() => setAsk('rename')}>
            {t('detail.rename')}
          </button>
          <button type="button" onClick={() => setAsk('move')}>
            {t('detail.move')}
          </button>
          <button type="button" className="danger" onClick={() => setAsk('retire')}>
            {t('detail.retire')}
          </button>
        </div>
      )}
      {ask === 'rename' && (
        <PromptDialog
          title={t('detail.renameTitle')}
          label={t('columns.name')}
          initial={device.name}
          submit={t('detail.renameSubmit')}
          onSubmit={(v) => renameDevice(device.serial, v)}
          onClose={() => setAsk(null)}
        />
      )}
      {ask === 'move' && (
        <PromptDialog
          title={t('detail.moveTitle')}
          label={t('columns.customer')}
          initial={device.customer ?? ''}
          submit={t('detail.moveSubmit')}
          required
          onSubmit={(v) => moveDevice(device.serial, v)}
          onClose={() => setAsk(null)}
        />
      )}
      {ask === 'retire' && (
        <PromptDialog
          title={t('detail.retireTitle')}
          text={t('detail.retireText', { serial: device.serial })}
          submit={t('detail.retireSubmit')}
          danger
          onSubmit={() => retireDevice(device.serial)}
          onClose={() => setAsk(null)}
        />
      )}
    </div>
  );
}

/** A model that always needs bought licences, with none: what to buy, where (no tryout to offer). */
function NeedsLicences({ model }: { model: AppInfo['catalogue']['models'][number] | undefined }) {
  const { t, i18n } = useTranslation();
  const features = useStore((s) => s.info?.catalogue.features ?? []);
  const names = (model?.features ?? [])
    .map((n) => features.find((f) => f.number === n))
    .filter((f) => f && f.kind !== 'addon')
    .map((f) => f!.names?.[i18n.language as 'de' | 'ru'] ?? f!.name);
  return (
    <div className="needs-licences" role="note">
      <strong>{t('detail.needsLicences')}</strong>{' '}
      {t('detail.needsLicencesText', { model: model?.name ?? '', features: names.join(', ') })}
    </div>
  );
}
