// i18next with the three languages bundled (no loading step: the first render is already in the
// right language). The wizards' strings (wizards.<lang>.ts) sit under the "wizard" key; error
// messages under "errors": English straight from the registry's templates, German and Russian
// from its translations (a missing one falls back to English).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { englishMessages } from '../../shared/errors';
import { de as errorsDe } from '../../shared/errors/translations/de';
import { ru as errorsRu } from '../../shared/errors/translations/ru';
import de from './de';
import en from './en';
import ru from './ru';
import wizardsDe from './wizards.de';
import wizardsEn from './wizards.en';
import wizardsRu from './wizards.ru';

export const resources = {
  en: { translation: { ...en, wizard: wizardsEn, errors: englishMessages() } },
  de: { translation: { ...de, wizard: wizardsDe, errors: errorsDe } },
  ru: { translation: { ...ru, wizard: wizardsRu, errors: errorsRu } },
};

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: ['en', 'de', 'ru'],
  // React escapes what it renders; escaping here as well would show &amp; in the UI.
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});
