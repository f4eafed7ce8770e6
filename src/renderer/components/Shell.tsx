// The app shell after first start: sidebar, the current screen, the wizard host and the toasts.
import { CodeInspector } from '../screens/CodeInspector';
import { AuditLog } from '../screens/AuditLog';
import { FleetHealth } from '../screens/FleetHealth';
import { Settings } from '../screens/Settings';
import { DeviceDetail } from '../screens/detail/DeviceDetail';
import { MyDevices } from '../screens/devices/MyDevices';
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
  return (
    <div className="shell">
      <Sidebar />
      <main className="content" id="content">
        <CurrentScreen />
      </main>
      <WizardHost />
      <Toasts />
    </div>
  );
}
