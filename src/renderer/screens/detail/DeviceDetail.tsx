// One PBX: who and what it is, what it may do next (wizards, rename, move, retire, the shop), its
// licences, certificates, host bindings, online checks and audit entries.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { closeDevice } from '../../actions/nav';
import { ErrorMessage } from '../../components/ErrorMessage';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate } from '../../lib/format';
import { useStore } from '../../store';
import { DetailActions } from './DetailActions';
import { AuditSection, HistorySection } from './HistorySections';
import { BindingsSection } from './BindingsSection';
import { CertificatesSection, LicencesSection } from './LicenceSections';

export function DeviceDetail({ serial }: { serial: string }) {
  const { t, i18n } = useTranslation();
  const data = useStore((s) => s.detail);
  const listed = useStore((s) => s.devices.find((d) => d.serial === serial));
  const models = useStore((s) => s.info?.catalogue.models ?? []);
  const device = data?.detail?.device ?? listed;
  const model = models.find((m) => m.id === device?.model);
  // Opened from the list (Enter on a serial), the focus moves to the page's heading instead of
  // being lost with the list that went away.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [serial]);
  return (
    <section className="screen screen-detail" aria-labelledby="detail-title" aria-busy={data?.loading ?? true}>
      <button type="button" className="link-button back" onClick={closeDevice}>
        ← {t('detail.back')}
      </button>
      <header className="screen-header">
        <div>
          <h1 id="detail-title" ref={heading} tabIndex={-1}>
            {device?.name ? `${device.name} · ${serial}` : serial}
          </h1>
          {device && (
            <p className="facts">
              <StatusBadge summary={listed?.summary ?? device.summary} />
              <span>{model?.name ?? device.model}</span>
              {device.customer && (
                <span>
                  {t('columns.customer')}: {device.customer}
                </span>
              )}
              {device.registration && (
                <span>
                  {t('detail.registration')}: <span className="mono">{device.registration}</span>
                </span>
              )}
              <span>
                {t('detail.added')}: {formatDate(device.createdAt, i18n.language)}
              </span>
              {device.retiredAt && (
                <span>{t('detail.retiredOn', { date: formatDate(device.retiredAt, i18n.language) })}</span>
              )}
            </p>
          )}
        </div>
        {model?.shopUrl && (
          <a className="button" href={model.shopUrl} target="_blank" rel="noopener noreferrer">
            {t('detail.shop')}
          </a>
        )}
      </header>
      {device && <DetailActions device={device} model={model} />}
      <ErrorMessage error={data?.error} />
      {data?.detail && (
        <>
          <LicencesSection licences={data.detail.licences} />
          <CertificatesSection certificates={data.detail.certificates} />
        </>
      )}
      {data && <BindingsSection serial={serial} bindings={data.bindings} />}
      {data && <HistorySection history={data.history} />}
      {data && <AuditSection entries={data.audit} />}
    </section>
  );
}
