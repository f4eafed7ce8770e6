// Import a CSV of devices: pick the file, watch the progress, read every refused row with its
// row number, code and reason. The dialog stays open after the import so the errors can be read.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clearImport, importCsv } from '../../actions/devices';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Modal } from '../../components/Modal';
import { formatNumber } from '../../lib/format';
import { errorText } from '../../lib/error-text';
import { useStore } from '../../store';

/** Bigger files are refused before reading: 200,000 devices fit easily in this. */
const MAX_BYTES = 32 * 1024 * 1024;

export function ImportCsvDialog({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation();
  const state = useStore((s) => s.importState);
  const [tooBig, setTooBig] = useState(false);
  useEffect(() => () => clearImport(), []);
  const running = state?.running ?? false;
  const n = (x: number) => formatNumber(x, i18n.language);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setTooBig(file.size > MAX_BYTES);
    if (file.size > MAX_BYTES) return;
    await importCsv(await file.text());
  };

  return (
    <Modal
      title={t('import.title')}
      onClose={() => {
        if (!running) onClose();
      }}
      wide
    >
      <p className="muted">{t('import.help')}</p>
      <pre className="csv-example" tabIndex={0} aria-label={t('import.example')}>
        serial,model,name,customer{'\n'}CTX-1001,comtrexx-business,Front office,Müller GmbH
      </pre>
      <label className="file-field">
        {t('import.file')}
        <input
          type="file"
          accept=".csv,text/csv"
          disabled={running}
          onChange={(e) => void choose(e.target.files?.[0])}
        />
      </label>
      {tooBig && <ErrorMessage error={{ code: 'CSV_TOO_LARGE', message: t('import.tooBig') }} />}
      {state?.fatal && <ErrorMessage error={state.fatal} />}
      {state && !state.fatal && (
        <div className="import-progress">
          <progress max={Math.max(state.total, 1)} value={state.done} aria-label={t('import.progress')} />
          <p aria-live="polite">
            {running
              ? t('import.running', { done: n(state.done), total: n(state.total) })
              : t('import.done', { added: n(state.added), failed: n(state.errors.length) })}
          </p>
        </div>
      )}
      {state && state.errors.length > 0 && (
        <div className="table-wrap import-errors">
          <table>
            <caption>{t('import.errorsCaption', { count: state.errors.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.row')}</th>
                <th scope="col">{t('import.code')}</th>
                <th scope="col">{t('import.message')}</th>
              </tr>
            </thead>
            <tbody>
              {state.errors.slice(0, 1000).map((e, i) => (
                <tr key={`${e.row}-${i}`}>
                  <td>{e.row}</td>
                  <td>
                    <code>{e.code}</code>
                  </td>
                  <td>{errorText(t, e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="actions">
        <button type="button" disabled={running} onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Modal>
  );
}
