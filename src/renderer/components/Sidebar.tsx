// The navigation: one button per screen, the current one marked with aria-current.
import { useTranslation } from 'react-i18next';
import { navigate } from '../actions/nav';
import { useStore } from '../store';
import { SCREENS, type Screen } from '../store/types';

const ICONS: Record<Screen, string> = { devices: '▦', fleet: '♥', inspector: '⌕', audit: '☰', settings: '⚙' };

export function Sidebar() {
  const { t } = useTranslation();
  const screen = useStore((s) => s.screen);
  const info = useStore((s) => s.info);
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          LD
        </span>
        <span className="brand-name">Licence Desk</span>
      </div>
      <ul>
        {SCREENS.map((s) => (
          <li key={s}>
            <button
              type="button"
              className="nav-item"
              aria-current={screen === s ? 'page' : undefined}
              onClick={() => navigate(s)}
            >
              <span className="nav-icon" aria-hidden="true">
                {ICONS[s]}
              </span>
              {t(`nav.${s}`)}
            </button>
          </li>
        ))}
      </ul>
      {info && (
        <p className="sidebar-foot">
          {info.version} · {t(`mode.${info.mode}`)}
          {info.runtime === 'browser' ? ` · ${t('settings.browserMode')}` : ''}
        </p>
      )}
    </nav>
  );
}
