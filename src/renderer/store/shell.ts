// Navigation and the wizard request: which screen is shown, which device is open in detail, and
// which wizard (rendered by <WizardHost/>) is open. `wizard` is THE integration field:
// set only through actions/wizard.ts (openWizard / closeWizard).
import type { StateCreator } from 'zustand';
import type { WizardRequest } from '../wizards';
import type { RootState } from './index';
import type { Screen } from './types';

export interface ShellSlice {
  screen: Screen;
  /** The device whose detail page is open (on the devices screen), or null for the list. */
  openSerial: string | null;
  wizard: WizardRequest | null;
}

export const createShellSlice: StateCreator<RootState, [], [], ShellSlice> = () => ({
  screen: 'devices',
  openSerial: null,
  wizard: null,
});
