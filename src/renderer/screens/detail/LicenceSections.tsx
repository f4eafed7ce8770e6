// Licences (feature number, name, quantity, source, end) and certificates (serial, issued,
// current / superseded / revoked) of one device.
import { useTranslation } from 'react-i18next';
import { DataSection } from '../../components/DataSection';
import { formatDate, formatNumber, shortHex } from '../../lib/format';
import { useStore } from '../../store';
import type { DeviceDetail } from '../../store/types';

export function LicencesSection({ licences }: { licences: DeviceDetail['licences'] }) {
  const { t, i18n } = useTranslation();
  const features = useStore((s) => s.info?.catalogue.features ?? []);
  const lang = i18n.language as 'en' | 'de' | 'ru';
  const name = (n: number, fallback: string) => {
    const f = features.find((x) => x.number === n);
    return (lang !== 'en' && f?.names?.[lang]) || f?.name || fallback;
  };
  const ended = (l: DeviceDetail['licences'][number]) =>
    l.endedAt !== null || (l.notAfter !== null && Date.parse(l.notAfter) < Date.now());
  return (
    <DataSection
      title={t('detail.licences')}
      empty={t('detail.noLicences')}
      count={licences.length}
      head={
        <tr>
          <th scope="col">{t('detail.feature')}</th>
          <th scope="col">{t('columns.name')}</th>
          <th scope="col">{t('detail.quantity')}</th>
          <th scope="col">{t('detail.source')}</th>
          <th scope="col">{t('columns.endDate')}</th>
        </tr>
      }
    >
      {licences.map((l) => (
        <tr key={l.id} className={ended(l) ? 'ended' : undefined}>
          <td className="mono">{l.feature}</td>
          <td>
            {name(l.feature, l.featureName)}
            {ended(l) && <span className="muted"> · {t('detail.ended')}</span>}
          </td>
          <td>{formatNumber(l.quantity, i18n.language)}</td>
          <td>{t(`source.${l.source}`)}</td>
          <td>{l.notAfter ? formatDate(l.notAfter, i18n.language) : t('detail.perpetual')}</td>
        </tr>
      ))}
    </DataSection>
  );
}

export function CertificatesSection({ certificates }: { certificates: DeviceDetail['certificates'] }) {
  const { t, i18n } = useTranslation();
  const state = (c: DeviceDetail['certificates'][number]) =>
    c.revokedAt
      ? t('detail.revoked', { date: formatDate(c.revokedAt, i18n.language), reason: c.revokedReason ?? '' })
      : c.supersededBy
        ? t('detail.supersededBy', { serial: shortHex(c.supersededBy) })
        : t('detail.current');
  return (
    <DataSection
      title={t('detail.certificates')}
      empty={t('detail.noCertificates')}
      count={certificates.length}
      head={
        <tr>
          <th scope="col">{t('detail.certSerial')}</th>
          <th scope="col">{t('detail.issued')}</th>
          <th scope="col">{t('detail.validUntil')}</th>
          <th scope="col">{t('detail.generation')}</th>
          <th scope="col">{t('detail.state')}</th>
        </tr>
      }
    >
      {certificates.map((c) => (
        <tr key={c.serialHex} className={c.revokedAt || c.supersededBy ? 'ended' : undefined}>
          <td className="mono" title={c.serialHex}>
            {shortHex(c.serialHex, 16)}
          </td>
          <td>{formatDate(c.issuedAt, i18n.language)}</td>
          <td>{formatDate(c.notAfter, i18n.language)}</td>
          <td>{c.generation}</td>
          <td>{state(c)}</td>
        </tr>
      ))}
    </DataSection>
  );
}
