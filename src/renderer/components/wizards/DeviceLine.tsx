// "For PBX 0042 · Reception · COMtrexx VM": which device this step is about, always in sight.
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import type { Device } from '../../store/types';
import { modelName } from '../../lib/wizards/catalogue';

export function DeviceLine({ device }: { device: Device }) {
  const { t } = useTranslation();
  const catalogue = useStore((s) => s.info?.catalogue);
  const parts = [device.name, modelName(catalogue, device.model), device.customer].filter(Boolean).join(' · ');
  return (
    <p className="device-line">
      {t('wizard.device.for')} <strong className="mono">{device.serial}</strong>
      {parts ? ` · ${parts}` : ''}
    </p>
  );
}
