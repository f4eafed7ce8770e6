// The one store, built from typed slices (one file each). Components read single values with
// selectors (useStore(s => s.devices)); async work lives in actions/*.ts, which call the API and
// write here through setState, so components stay small and the logic runs in Node tests.
import { create } from 'zustand';
import { createAppSlice, type AppSlice } from './app';
import { createAuditSlice, type AuditSlice } from './audit';
import { createDetailSlice, type DetailSlice } from './detail';
import { createDevicesSlice, type DevicesSlice } from './devices';
import { createInspectorSlice, type InspectorSlice } from './code-inspector';
import { createShellSlice, type ShellSlice } from './shell';
import { createToastsSlice, type ToastsSlice } from './toasts';

export type RootState = AppSlice & ShellSlice & ToastsSlice & DevicesSlice & DetailSlice & AuditSlice & InspectorSlice;

const initialState = (...a: Parameters<typeof createAppSlice>): RootState => ({
  ...createAppSlice(...a),
  ...createShellSlice(...a),
  ...createToastsSlice(...a),
  ...createDevicesSlice(...a),
  ...createDetailSlice(...a),
  ...createAuditSlice(...a),
  ...createInspectorSlice(...a),
});

export const useStore = create<RootState>()((...a) => initialState(...a));

/** Back to the state of a fresh start (tests). */
export function resetStore(): void {
  useStore.setState(useStore.getInitialState(), true);
}

export const getState = useStore.getState;
export const setState = useStore.setState;
