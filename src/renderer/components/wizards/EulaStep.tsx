// The licence agreement (EULA) the registration's owner accepts before the trial starts: the text
// in a scrollable region (keyboard-scrollable, it takes the focus) and an "I accept" checkbox.
// The vendor's text is the authority's (eula:show): one text per version, which the vendor
// publishes in English (eula.publish takes no language). So it is marked lang="en" (a screen
// reader reads it as English), and in German or Russian the step says it is English only rather
// than passing off a translation of a legal text nobody published.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showEula } from '../../actions/wizards/offers';
import type { Output } from '../../../shared/ipc/contract';
import type { UiError } from '../../store/types';
import { ErrorNote } from './ErrorNote';

/** The language of the authority's licence agreement texts. */
const VENDOR_EULA_LANGUAGE = 'en';

export function EulaStep({ accepted, onAccepted }: { accepted: boolean; onAccepted(v: boolean): void }) {
  const { t, i18n } = useTranslation();
  const englishOnly = !i18n.language.startsWith(VENDOR_EULA_LANGUAGE);
  const [eula, setEula] = useState<Output<'eula:show'> | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  useEffect(() => {
    let live = true;
    void showEula().then((r) => live && (r.value ? setEula(r.value) : setError(r.error)));
    return () => {
      live = false;
    };
  }, []);
  return (
    <div className="eula-step">
      <ErrorNote error={error} />
      {eula && (
        <>
          <p className="wizard-hint">{t('wizard.eula.version', { version: eula.version })}</p>
          {englishOnly && (
            <p className="wizard-note" role="note">
              {t('wizard.eula.englishOnly')}
            </p>
          )}
          <div
            className="eula-text"
            tabIndex={0}
            role="document"
            aria-label={t('wizard.eula.textLabel')}
            lang={VENDOR_EULA_LANGUAGE}
            data-autofocus
          >
            {eula.text}
          </div>
          <label className="checkbox">
            <input type="checkbox" checked={accepted} onChange={(e) => onAccepted(e.target.checked)} />
            {t('wizard.eula.accept')}
          </label>
          {!accepted && <p className="wizard-note">{t('wizard.eula.mustAccept')}</p>}
        </>
      )}
    </div>
  );
}
