// Licence bindings to hosts: feature number and product first (resetting the wrong feature's
// binding breaks another product), an Info toggle with the host's details, and Reset…, which
// opens the reset wizard (it asks for the feature number to be typed).
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openWizard } from '../../actions/wizard';
import { DataSection } from '../../components/DataSection';
import { formatDateTime, formatNumber, shortHex } from '../../lib/format';
import type { Binding } from '../../store/types';

export function BindingsSection({ serial, bindings }: { serial: string; bindings: Binding[] }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<number | null>(null);
  return (
    <DataSection
      title={t('detail.bindings')}
      empty={t('detail.noBindings')}
      count={bindings.length}
      head={
        <tr>
          <th scope="col">{t('detail.feature')}</th>
          <th scope="col">{t('detail.product')}</th>
          <th scope="col">{t('detail.host')}</th>
          <th scope="col">{t('detail.lastSeen')}</th>
          <th scope="col">{t('detail.state')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('columns.actions')}</span>
          </th>
        </tr>
      }
    >
      {bindings.map((b) => (
        <Fragment key={b.id}>
          <tr className={b.active ? undefined : 'ended'}>
            <td className="mono feature-number">{b.feature}</td>
            <td>{b.productName}</td>
            <td title={b.hostFingerprint}>
              {b.hostName ?? <span className="mono">{shortHex(b.hostFingerprint)}</span>}
            </td>
            <td>{formatDateTime(b.lastSeen, i18n.language)}</td>
            <td>
              {b.active ? t('detail.active') : t('detail.resetOn', { date: formatDateTime(b.resetAt, i18n.language) })}
            </td>
            <td className="row-actions">
              <button
                type="button"
                className="small"
                aria-expanded={open === b.id}
                aria-label={t('detail.infoFor', { feature: b.feature })}
                onClick={() => setOpen(open === b.id ? null : b.id)}
              >
                {t('detail.info')}
              </button>
              {b.active && (
                <button
                  type="button"
                  className="small danger"
                  aria-label={t('detail.resetFor', { feature: b.feature, product: b.productName })}
                  onClick={() => openWizard({ kind: 'resetBinding', serial, bindingId: b.id })}
                >
                  {t('detail.reset')}
                </button>
              )}
            </td>
          </tr>
          {open === b.id && (
            <tr className="info-row">
              <td colSpan={6}>
                <dl className="facts-list">
                  <dt>{t('detail.hostFingerprint')}</dt>
                  <dd className="mono">{b.hostFingerprint}</dd>
                  <dt>{t('detail.hostName')}</dt>
                  <dd>{b.hostName ?? '–'}</dd>
                  <dt>{t('detail.firmware')}</dt>
                  <dd>{b.firmware ?? '–'}</dd>
                  <dt>{t('detail.firstSeen')}</dt>
                  <dd>{formatDateTime(b.firstSeen, i18n.language)}</dd>
                  <dt>{t('detail.hostBindings')}</dt>
                  <dd>{formatNumber(b.hostBindings, i18n.language)}</dd>
                  {b.resetBy && (
                    <>
                      <dt>{t('detail.resetBy')}</dt>
                      <dd>{b.resetBy}</dd>
                    </>
                  )}
                </dl>
              </td>
            </tr>
          )}
        </Fragment>
      ))}
    </DataSection>
  );
}
