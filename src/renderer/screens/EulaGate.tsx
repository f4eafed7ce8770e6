// First start: Licence Desk's licence agreement. Accept continues (and is remembered); Decline
// explains why the app cannot be used and offers nothing behind it but reading the text again.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { acceptEula, declineEula, reviewEula } from '../actions/boot';
import { ErrorMessage } from '../components/ErrorMessage';
import { LanguagePicker } from '../components/LanguagePicker';
import { EULA, EULA_VERSION } from '../i18n/eula';
import { useStore } from '../store';
import type { UiError } from '../store/types';

export function EulaGate() {
  const { t } = useTranslation();
  const language = useStore((s) => s.settings?.language ?? 'en');
  const [error, setError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const eula = EULA[language];
  const accept = async () => {
    setBusy(true);
    setError(await acceptEula());
    setBusy(false);
  };
  return (
    <main className="gate" aria-labelledby="eula-title">
      <div className="gate-card">
        <div className="gate-top">
          <p className="eyebrow">{t('eula.step')}</p>
          <LanguagePicker persist={false} />
        </div>
        <h1 id="eula-title">{eula.title}</h1>
        <p className="muted">{t('eula.intro', { version: EULA_VERSION })}</p>
        <section className="eula-text" tabIndex={0} aria-label={eula.title}>
          {eula.sections.map((s) => (
            <div key={s.heading}>
              <h2>{s.heading}</h2>
              <p>{s.text}</p>
            </div>
          ))}
        </section>
        <ErrorMessage error={error} />
        <div className="actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void accept()}>
            {t('eula.accept')}
          </button>
          <button type="button" onClick={declineEula}>
            {t('eula.decline')}
          </button>
        </div>
      </div>
    </main>
  );
}

export function EulaDeclined() {
  const { t } = useTranslation();
  return (
    <main className="gate" aria-labelledby="declined-title">
      <div className="gate-card">
        <h1 id="declined-title">{t('eula.declinedTitle')}</h1>
        <p role="alert">{t('eula.declinedText')}</p>
        <p className="muted">{t('eula.declinedHint')}</p>
        <div className="actions">
          <button type="button" onClick={reviewEula}>
            {t('eula.review')}
          </button>
        </div>
      </div>
    </main>
  );
}
