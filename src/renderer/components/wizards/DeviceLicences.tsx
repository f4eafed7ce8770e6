// "These licences come back": what the recreated certificate will carry for the chosen PBX, so
// the reseller sees before Continue that the former licences belong to this serial number.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceDetail } from '../../actions/wizards/certificates';
import type { DeviceDetail } from '../../store/types';
import { LicenceLine } from './LicenceLine';

export function DeviceLicences({ serial }: { serial: string }) {
  const { t } = useTranslation();
  const [detail, setDetail] = useState<{ serial: string; value: DeviceDetail | null }>();
  useEffect(() => {
    if (!serial) return;
    let live = true;
    void deviceDetail(serial).then((r) => live && setDetail({ serial, value: r.value }));
    return () => {
      live = false;
    };
  }, [serial]);
  if (!detail || detail.serial !== serial || !detail.value) return null;
  const now = Date.now();
  const active = detail.value.licences.filter(
    (l) => l.endedAt === null && (l.notAfter === null || Date.parse(l.notAfter) > now),
  );
  if (active.length === 0) return <p className="wizard-note warning">{t('wizard.recreate.noLicences')}</p>;
  return (
    <div className="wizard-note">
      <p>{t('wizard.recreate.licencesComeBack')}</p>
      <ul className="plain-list">
        {active.map((l) => (
          <LicenceLine key={l.id} feature={l.feature} quantity={l.quantity} notAfter={l.notAfter} />
        ))}
      </ul>
    </div>
  );
}
