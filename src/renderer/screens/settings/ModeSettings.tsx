// Mode and server: embedded (this computer) or connected (a licence-desk server, through
// connection:connect / connection:disconnect). Main's refusal is shown as it says it.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseMode } from '../../actions/boot';
import { toast } from '../../actions/toasts';
import { ServerFields } from '../../components/ServerFields';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useStore } from '../../store';
import type { UiError } from '../../store/types';

export function ModeSettings() {
  const { t } = useTranslation();
  const settings = useStore((s) => s.settings);
  const [mode, setMode] = useState(settings?.mode ?? 'embedded');
  const [serverUrl, setServerUrl] = useState(settings?.serverUrl ?? '');
  const [token, setToken] = useState('');
  const [error, setError] = useState<UiError | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const failed = await chooseMode(mode, serverUrl.trim(), token);
    setError(failed);
    if (!failed) toast('success', t('settings.saved'));
  };
  return (
    <form className="panel" aria-labelledby="mode-settings-title" onSubmit={(e) => void submit(e)}>
      <h2 id="mode-settings-title">{t('settings.mode')}</h2>
      <fieldset className="segmented">
        <legend className="visually-hidden">{t('settings.mode')}</legend>
        {(['embedded', 'connected'] as const).map((m) => (
          <label key={m} className={mode === m ? 'selected' : undefined}>
            <input type="radio" name="settings-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
            {t(`mode.${m}`)}
          </label>
        ))}
      </fieldset>
      <p className="muted note">{t(mode === 'embedded' ? 'modeChoice.embeddedText' : 'modeChoice.connectedText')}</p>
      {mode === 'connected' && (
        <ServerFields serverUrl={serverUrl} token={token} onServerUrl={setServerUrl} onToken={setToken} />
      )}
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit">{t('settings.saveMode')}</button>
      </div>
    </form>
  );
}
