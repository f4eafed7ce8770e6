// One row of My devices. The serial is a button (keyboard path to the detail page, as in the
// vendors' own "click the serial"); a click anywhere else on the row does the same.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { openDevice } from '../../actions/nav';
import { openWizard } from '../../actions/wizard';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate } from '../../lib/format';
import { modelWords } from '../../lib/licence-words';
import type { Device } from '../../store/types';

interface Props {
  device: Device;
  index: number;
  top: number;
  modelName: string | undefined;
  /** The licence summary in words ("5 users, Call Assist"); the numbers go into the title. */
  licences: string;
}

export const DeviceRow = memo(function DeviceRow({ device: d, index, top, modelName, licences }: Props) {
  const { t, i18n } = useTranslation();
  const s = d.summary;
  return (
    <div
      role="row"
      className={`grid-row body-row${index % 2 ? ' odd' : ''}`}
      aria-rowindex={index + 2}
      style={{ transform: `translateY(${top}px)` }}
      onClick={(e) => {
        if (!(e.target as HTMLElement).closest('button')) openDevice(d.serial);
      }}
    >
      <div role="cell" className="cell col-serial">
        <button type="button" className="serial-button" onClick={() => openDevice(d.serial)}>
          {d.serial}
        </button>
      </div>
      <div role="cell" className="cell col-name" title={d.name}>
        {d.name}
      </div>
      <div role="cell" className="cell col-model" title={modelName ?? d.model}>
        <ModelName name={modelName ?? d.model} />
      </div>
      <div role="cell" className="cell col-customer" title={d.customer ?? ''}>
        {d.customer ?? ''}
      </div>
      <div role="cell" className="cell col-status">
        <StatusBadge summary={s} />
      </div>
      <div role="cell" className="cell col-licences" title={s?.licences || undefined}>
        {licences}
      </div>
      <div role="cell" className="cell col-endDate">
        {formatDate(s?.endDate, i18n.language)}
      </div>
      <div role="cell" className="cell col-lastVerifiedAt">
        {formatDate(s?.lastVerifiedAt, i18n.language) ||
          (s && s.status !== 'unlicensed' && s.status !== 'retired' ? (
            <span className="muted">{t('devices.never')}</span>
          ) : (
            ''
          ))}
      </div>
      {/* A short visible word; the accessible name is the full "Recreate certificate" (it contains the word). */}
      <div role="cell" className="cell actions-cell">
        {d.summary?.status !== 'retired' && (
          <button
            type="button"
            className="small"
            title={t('wizards.recreate')}
            aria-label={t('wizards.recreate')}
            onClick={() => openWizard({ kind: 'recreate', serial: d.serial })}
          >
            {t('devices.recreateShort')}
          </button>
        )}
      </div>
    </div>
  );
});

/** The brand may give way to the distinguishing word ("Business", "VM", "CFE") when narrow. */
function ModelName({ name }: { name: string }) {
  const { brand, word } = modelWords(name);
  return (
    <>
      {brand && <span className="model-brand">{brand} </span>}
      <span className="model-word">{word}</span>
    </>
  );
}
