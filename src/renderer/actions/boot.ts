// First start and every start: what the app is, the settings, the licence agreement gate, the
// mode. Licence Desk's own EULA (i18n/eula.ts) is accepted once per version and remembered in
// settings (eulaAcceptedVersion); declining stops here, with no app behind the gate.
import type { Settings } from '../../shared/ipc/contract';
import { EULA_VERSION } from '../i18n/eula';
import { getState, setState } from '../store';
import type { UiError } from '../store/types';
import { applyLanguage, applyTheme, browserLanguages, detectLanguage } from './appearance';
import { api, unwrap } from './client';
import { loadDevices } from './devices';
import { toast } from './toasts';
import { i18n } from '../i18n';

export async function boot(languages: readonly string[] = browserLanguages()): Promise<void> {
  setState({ boot: 'loading', bootError: null });
  const [info, settings] = await Promise.all([api().appInfo(), api().settingsGet()]);
  const i = unwrap(info);
  const s = unwrap(settings);
  if (i.error || s.error) {
    setState({ boot: 'failed', bootError: i.error ?? s.error });
    return;
  }
  // Until the agreement is accepted nothing was chosen: speak the OS language. After that, the
  // stored language is the user's (accepting stores the language the gate was shown in).
  const firstStart = s.value.eulaAcceptedVersion === null;
  const language = firstStart ? detectLanguage(languages) : s.value.language;
  applyLanguage(language);
  applyTheme(s.value.theme);
  setState({ info: i.value, settings: { ...s.value, language } });
  if (s.value.eulaAcceptedVersion !== EULA_VERSION) {
    setState({ boot: 'eula' });
    return;
  }
  setState({ boot: 'ready' });
  await loadDevices();
}

/** Accepting: remembered with the language shown; a first start then asks for the mode. */
export async function acceptEula(): Promise<UiError | null> {
  const current = getState().settings;
  const r = unwrap(
    await api().settingsSet({ eulaAcceptedVersion: EULA_VERSION, ...(current ? { language: current.language } : {}) }),
  );
  if (r.error) return r.error;
  const firstStart = current?.eulaAcceptedVersion === null;
  setState({ settings: r.value, boot: firstStart ? 'mode' : 'ready' });
  if (!firstStart) await loadDevices();
  return null;
}

export function declineEula(): void {
  setState({ boot: 'declined' });
}

export function reviewEula(): void {
  setState({ boot: 'eula' });
}

/**
 * The mode. Embedded is this computer's own authority; connected goes through
 * connection:connect, where main checks the server and the token before it switches, keeps the
 * token in the OS keychain (never in the renderer's store or in settings) and pins the server's
 * root. Main's refusal (no keychain in browser mode, server unreachable, token refused) is shown
 * as it says it. Back from connected to embedded is connection:disconnect.
 */
export async function chooseMode(mode: Settings['mode'], serverUrl = '', token = ''): Promise<UiError | null> {
  const current = getState().settings?.mode ?? 'embedded';
  let settings: Settings;
  if (mode === 'connected') {
    const r = unwrap(await api().connectionConnect({ serverUrl, token }));
    if (r.error) return r.error;
    const { rootSha256, ...rest } = r.value;
    settings = rest;
    toast('success', i18n.t('settings.connected', { fingerprint: rootSha256.slice(0, 16) }));
  } else if (current === 'connected') {
    const r = unwrap(await api().connectionDisconnect({}));
    if (r.error) return r.error;
    settings = r.value;
  } else {
    settings = getState().settings ?? (await reloadSettings());
  }
  setState({ settings });
  const info = unwrap(await api().appInfo());
  if (info.value) setState({ info: info.value });
  if (getState().boot !== 'ready') setState({ boot: 'ready' });
  await loadDevices();
  return null;
}

async function reloadSettings(): Promise<Settings> {
  const r = unwrap(await api().settingsGet({}));
  if (r.error) throw new Error(r.error.message);
  return r.value;
}
