// The device list the pickers choose from: the store's (My devices loads it), fetched here only
// when a wizard opens before the list was ever loaded.
import { api, unwrap } from '../client';
import { getState } from '../../store';
import type { Device, UiError } from '../../store/types';

export async function wizardDevices(): Promise<{ value: Device[]; error: null } | { value: null; error: UiError }> {
  const { devicesLoaded, devices } = getState();
  if (devicesLoaded) return { value: devices, error: null };
  return unwrap(await api().devicesList({}));
}
