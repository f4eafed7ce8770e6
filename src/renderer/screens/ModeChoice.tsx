// First start, after the agreement: where Licence Desk keeps its licences. Embedded (its own
// authority on this computer) is the default and works at once. Connected hands the address and
// token to main (connection:connect), which checks both before switching; its refusal is shown
// as it says it, and the token never stays in the renderer.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseMode } from '../actions/boot';
import { ServerFields } from '../components/ServerFields';
import { ErrorMessage } from '../components/ErrorMessage';
import type { UiError } from '../store/types';

export function ModeChoice() {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'embedded' | 'connected'>('embedded');
  const [serverUrl, setServerUrl] = useState('');
  const [token, setToken] = useState('');
  const [error, setError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(await chooseMode(mode, serverUrl.trim(), token));
    setBusy(false);
  };

  return (
    <main className="gate" aria-labelledby="mode-title">
      <form className="gate-card" onSubmit={(e) => void submit(e)}>
        <p className="eyebrow">{t('modeChoice.step')}</p>
        <h1 id="mode-title">{t('modeChoice.title')}</h1>
        <fieldset className="choices">
          <legend className="visually-hidden">{t('modeChoice.title')}</legend>
          <label className={`choice${mode === 'embedded' ? ' selected' : ''}`}>
            <input
              type="radio"
              name="mode"
              value="embedded"
              checked={mode === 'embedded'}
              onChange={() => setMode('embedded')}
            />
            <span>
              <strong>{t('modeChoice.embedded')}</strong>
              <span className="muted">{t('modeChoice.embeddedText')}</span>
            </span>
          </label>
          <label className={`choice${mode === 'connected' ? ' selected' : ''}`}>
            <input
              type="radio"
              name="mode"
              value="connected"
              checked={mode === 'connected'}
              onChange={() => setMode('connected')}
            />
            <span>
              <strong>{t('modeChoice.connected')}</strong>
              <span className="muted">{t('modeChoice.connectedText')}</span>
            </span>
          </label>
        </fieldset>
        {mode === 'connected' && (
          <ServerFields serverUrl={serverUrl} token={token} onServerUrl={setServerUrl} onToken={setToken} />
        )}
        <ErrorMessage error={error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('common.continue')}
          </button>
        </div>
      </form>
    </main>
  );
}
