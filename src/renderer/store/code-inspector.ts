// The code inspector: the pasted text and what codes:inspect said about it.
import type { StateCreator } from 'zustand';
import type { RootState } from './index';
import type { Inspection, UiError } from './types';

export interface InspectorSlice {
  inspectText: string;
  /** The inspection of `inspectedText` (the text may have changed since). */
  inspection: Inspection | null;
  inspectedText: string;
  inspectError: UiError | null;
}

export const createInspectorSlice: StateCreator<RootState, [], [], InspectorSlice> = () => ({
  inspectText: '',
  inspection: null,
  inspectedText: '',
  inspectError: null,
});
