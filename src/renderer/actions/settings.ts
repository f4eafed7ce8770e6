// Settings the user changes from the Settings screen: applied at once, then stored by main.
import type { SettingsPatch } from '../../shared/ipc/contract';
import { getState, setState } from '../store';
import type { UiError } from '../store/types';
import { i18n } from '../i18n';
import { errorText } from '../lib/error-text';
import { applyLanguage, applyTheme, type Language, type Theme } from './appearance';
import { api, unwrap } from './client';
import { toast } from './toasts';

async function save(patch: SettingsPatch): Promise<UiError | null> {
  const r = unwrap(await api().settingsSet(patch));
  if (r.error) {
    toast('error', errorText(i18n.t, r.error));
    return r.error;
  }
  setState({ settings: r.value });
  return null;
}

export async function setLanguage(language: Language): Promise<UiError | null> {
  applyLanguage(language);
  const s = getState().settings;
  if (s) setState({ settings: { ...s, language } });
  // No toast: the whole window changing language says it already.
  return save({ language });
}

export async function setTheme(theme: Theme): Promise<UiError | null> {
  applyTheme(theme);
  const s = getState().settings;
  if (s) setState({ settings: { ...s, theme } });
  return save({ theme });
}
