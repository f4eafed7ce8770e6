// Short-lived messages for success and errors (rendered by <Toasts/>, announced by a live region).
import type { StateCreator } from 'zustand';
import type { RootState } from './index';

export interface Toast {
  id: number;
  kind: 'success' | 'error' | 'info';
  text: string;
}

export interface ToastsSlice {
  toasts: Toast[];
}

export const createToastsSlice: StateCreator<RootState, [], [], ToastsSlice> = () => ({ toasts: [] });
