// The device's online checks (newest first) and its audit entries.
import { useTranslation } from 'react-i18next';
import { DataSection } from '../../components/DataSection';
import { AuditData } from '../../components/AuditData';
import { formatDateTime, shortHex } from '../../lib/format';
import type { AuditEntry, VerificationRecord } from '../../store/types';

export function HistorySection({ history }: { history: VerificationRecord[] }) {
  const { t, i18n } = useTranslation();
  return (
    <DataSection
      title={t('detail.history')}
      empty={t('detail.noHistory')}
      count={history.length}
      head={
        <tr>
          <th scope="col">{t('detail.serverTime')}</th>
          <th scope="col">{t('detail.deviceTime')}</th>
          <th scope="col">{t('detail.result')}</th>
          <th scope="col">{t('detail.certSerial')}</th>
        </tr>
      }
    >
      {history.map((h, i) => (
        <tr key={`${h.serverTime}-${i}`}>
          <td>{formatDateTime(h.serverTime, i18n.language)}</td>
          <td>{formatDateTime(h.deviceTime, i18n.language)}</td>
          <td>
            <span className={`badge badge-verify-${h.status}`}>
              {t(`verify.${h.status}`, { defaultValue: h.status })}
            </span>
          </td>
          <td className="mono" title={h.certificateSerial}>
            {shortHex(h.certificateSerial, 16)}
          </td>
        </tr>
      ))}
    </DataSection>
  );
}

export function AuditSection({ entries }: { entries: AuditEntry[] }) {
  const { t, i18n } = useTranslation();
  return (
    <DataSection
      title={t('detail.audit')}
      empty={t('detail.noAudit')}
      count={entries.length}
      head={
        <tr>
          <th scope="col">{t('audit.at')}</th>
          <th scope="col">{t('audit.action')}</th>
          <th scope="col">{t('audit.actor')}</th>
          <th scope="col">{t('audit.data')}</th>
        </tr>
      }
    >
      {entries.map((e) => (
        <tr key={e.id}>
          <td className="nowrap">{formatDateTime(e.at, i18n.language)}</td>
          <td className="mono">{e.action}</td>
          <td>{e.actor}</td>
          <td>
            <AuditData data={e.data} />
          </td>
        </tr>
      ))}
    </DataSection>
  );
}
