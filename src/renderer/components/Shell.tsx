// The app shell after first start: sidebar, the current screen, the wizard host and the toasts.
import { CodeInspector } from '../screens/CodeInspector';
import { AuditLog } from '../screens/AuditLog';
import { FleetHealth } from '../screens/FleetHealth';
import { Settings } from '../screens/Settings';
import { DeviceDetail } from '../screens/detail/DeviceDetail';
import { MyDevices } from '../screens/devices/MyDevices';
import { useTranslation } from 'react-i18next';
import { useStore } from '../store';
import { Sidebar } from './Sidebar';
import { Toasts } from './Toasts';
import { WizardHost } from './WizardHost';

function CurrentScreen() {
  const screen = useStore((s) => s.screen);
  const openSerial = useStore((s) => s.openSerial);
  switch (screen) {
    case 'devices':
      return openSerial ? <DeviceDetail serial={openSerial} /> : <MyDevices />;
    case 'fleet':
      return <FleetHealth />;
    case 'inspector':
      return <CodeInspector />;
    case 'audit':
      return <AuditLog />;
    case 'settings':
      return <Settings />;
  }
}

export function Shell() {
  const { t } = useTranslation();
  return (
    <div className="shell">
      {/* Not href="#content": the fragment holds the token and the current place (actions/location.ts). */}
      <a
        className="skip-link"
        href="#"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('content')?.focus();
        }}
      >
        {t('shell.skip')}
      </a>
      <Sidebar />
      <main className="content" id="content" tabIndex={-1}>
        <CurrentScreen />
      </main>
      <WizardHost />
      <Toasts />
    </div>
  );
}
