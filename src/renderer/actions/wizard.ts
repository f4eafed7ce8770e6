// Wizards from the app's side: open one by kind (with the device or binding it
// is for), close it, and afterwards refresh whatever it may have changed.
import { getState, setState } from '../store';
import type { WizardRequest } from '../wizards';
import { loadDetail } from './detail';
import { loadDevices, refreshRows } from './devices';

export function openWizard(request: WizardRequest): void {
  setState({ wizard: request });
}

/** Closes the wizard and refreshes what it may have changed (a certificate issued, a tryout
 *  started, a binding reset): the device's row in place and the open detail page. A wizard
 *  opened without a device (it picked one inside) may have touched any: the list reloads. */
export function closeWizard(): Promise<void> {
  const { wizard, openSerial } = getState();
  setState({ wizard: null });
  const touched = [wizard?.serial, openSerial].filter((s): s is string => !!s);
  const rows = wizard?.serial ? refreshRows(touched) : loadDevices();
  return Promise.all([rows, openSerial ? loadDetail(openSerial) : undefined]).then(() => undefined);
}
