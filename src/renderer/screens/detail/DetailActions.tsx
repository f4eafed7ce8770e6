// What can be done with a device from its page: the wizards that fit its model, and rename,
// move to another customer, retire (each asks first, in a small dialog).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { moveDevice, renameDevice, retireDevice } from '../../actions/detail';
import { openWizard } from '../../actions/wizard';
import { wizardsFor } from '../../lib/device-wizards';
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
  const wizards = retired ? [] : wizardsFor(model);
  return (
    <div className="detail-actions">
      <div className="toolbar" role="group" aria-label={t('detail.licensing')}>
        {wizards.map((kind, i) => (
          <button
            key={kind}
            type="button"
            className={i === 0 ? 'primary' : undefined}
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
