// Settings: language and theme (applied at once, stored by main), the mode and server, what the
// app knows about itself and where its data folder is, and backup / restore of that folder.
import { useTranslation } from 'react-i18next';
import { setTheme } from '../actions/settings';
import type { Theme } from '../actions/appearance';
import { LanguagePicker } from '../components/LanguagePicker';
import { EULA_VERSION } from '../i18n/eula';
import { useStore } from '../store';
import { BackupPanel } from './settings/BackupPanel';
import { ModeSettings } from './settings/ModeSettings';

const THEMES: Theme[] = ['light', 'dark', 'system'];

export function Settings() {
  const { t } = useTranslation();
  const settings = useStore((s) => s.settings);
  const info = useStore((s) => s.info);
  return (
    <section className="screen screen-settings" aria-labelledby="settings-title">
      <header className="screen-header">
        <h1 id="settings-title">{t('nav.settings')}</h1>
      </header>
      <div className="settings-grid">
        <section className="panel" aria-labelledby="appearance-title">
          <h2 id="appearance-title">{t('settings.appearance')}</h2>
          <LanguagePicker persist />
          <fieldset className="segmented">
            <legend>{t('settings.theme')}</legend>
            {THEMES.map((th) => (
              <label key={th} className={settings?.theme === th ? 'selected' : undefined}>
                <input
                  type="radio"
                  name="theme"
                  value={th}
                  checked={settings?.theme === th}
                  onChange={() => void setTheme(th)}
                />
                {t(`settings.themes.${th}`)}
              </label>
            ))}
          </fieldset>
        </section>
        <ModeSettings />
        <section className="panel" aria-labelledby="data-title">
          <h2 id="data-title">{t('settings.data')}</h2>
          {info && (
            <dl className="facts-list">
              <dt>{t('settings.app')}</dt>
              <dd>
                {info.name} {info.version}
              </dd>
              <dt>{t('settings.runtime')}</dt>
              <dd>{info.runtime === 'browser' ? t('settings.browserMode') : t('settings.desktop')}</dd>
              <dt>{t('settings.mode')}</dt>
              <dd>{t(`mode.${info.mode}`)}</dd>
              <dt>{t('settings.catalogue')}</dt>
              <dd>
                {t('settings.catalogueText', {
                  models: info.catalogue.models.length,
                  features: info.catalogue.features.length,
                })}
              </dd>
              <dt>{t('settings.dataFolder')}</dt>
              <dd>
                <code className="data-folder">{info.dataDir}</code>
              </dd>
              <dt>{t('settings.eula')}</dt>
              <dd>{t('settings.eulaAccepted', { version: settings?.eulaAcceptedVersion ?? EULA_VERSION })}</dd>
            </dl>
          )}
          <p className="muted note">{t('settings.dataFolderNote')}</p>
        </section>
        <BackupPanel />
      </div>
    </section>
  );
}
