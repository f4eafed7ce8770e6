// The integration point with the wizards (UI-B): open one by kind (with the device or binding it
// is for), close it, and afterwards refresh whatever it may have changed.
import { getState, setState } from '../store';
import type { WizardRequest } from '../wizards';
import { loadDetail } from './detail';
import { loadDevices } from './devices';

export function openWizard(request: WizardRequest): void {
  setState({ wizard: request });
}

/** Closes the wizard and reloads the device list and the open detail page (a wizard may have
 *  issued a certificate, started a tryout or reset a binding). */
export function closeWizard(): Promise<void> {
  setState({ wizard: null });
  const { openSerial } = getState();
  return Promise.all([loadDevices(), openSerial ? loadDetail(openSerial) : undefined]).then(() => undefined);
}
