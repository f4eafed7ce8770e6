// The language select. On the first-start gate it only switches the view (nothing is stored
// before the agreement is accepted); in Settings it is saved through settings:set.
import { useTranslation } from 'react-i18next';
import { applyLanguage, type Language } from '../actions/appearance';
import { setLanguage } from '../actions/settings';
import { getState, setState, useStore } from '../store';

/** Each language in its own name, as people look for it. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch', ru: 'Русский' };
// Not imported from the contract module: that would pull zod and every schema into the bundle.
const LANGUAGES = Object.keys(LANGUAGE_NAMES) as Language[];

function switchOnly(language: Language): void {
  applyLanguage(language);
  const s = getState().settings;
  if (s) setState({ settings: { ...s, language } });
}

export function LanguagePicker({ persist }: { persist: boolean }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.settings?.language ?? 'en');
  return (
    <label className="inline-field">
      <span>{t('settings.language')}</span>
      <select
        value={language}
        onChange={(e) =>
          persist ? void setLanguage(e.target.value as Language) : switchOnly(e.target.value as Language)
        }
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
