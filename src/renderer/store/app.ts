// The app itself: what main says it is, the user's settings, and where first start stands.
import type { StateCreator } from 'zustand';
import type { AppInfo, Settings } from '../../shared/ipc/contract';
import type { RootState } from './index';
import type { UiError } from './types';

/** loading → eula (not accepted) → declined | mode (first start) → ready; failed if main is unreachable. */
export type BootStage = 'loading' | 'eula' | 'declined' | 'mode' | 'ready' | 'failed';

export interface AppSlice {
  info: AppInfo | null;
  settings: Settings | null;
  boot: BootStage;
  bootError: UiError | null;
}

export const createAppSlice: StateCreator<RootState, [], [], AppSlice> = () => ({
  info: null,
  settings: null,
  boot: 'loading',
  bootError: null,
});
