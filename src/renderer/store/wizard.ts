// Stub (UI-A): UI-B replaces this file with the wizards' own state. Keep the two exports:
// `WizardSlice` (its fields) and `createWizardSlice` (a zustand StateCreator); store/index.ts
// merges it into the root store. The open wizard itself is `wizard` in store/shell.ts.
import type { StateCreator } from 'zustand';
import type { RootState } from './index';

export type WizardSlice = Record<never, never>;

export const createWizardSlice: StateCreator<RootState, [], [], WizardSlice> = () => ({});
