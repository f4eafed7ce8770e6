// Navigation: screens of the sidebar, and the device detail page within My devices.
import { setState } from '../store';
import type { Screen } from '../store/types';
import { loadDetail } from './detail';

export function navigate(screen: Screen): void {
  setState({ screen, openSerial: null });
}

export function openDevice(serial: string): void {
  setState({ screen: 'devices', openSerial: serial });
  void loadDetail(serial);
}

export function closeDevice(): void {
  setState({ openSerial: null, detail: null });
}
