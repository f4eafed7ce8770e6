// The device detail page: everything about one PBX, loaded together when it opens.
import type { StateCreator } from 'zustand';
import type { RootState } from './index';
import type { AuditEntry, Binding, DeviceDetail, UiError, VerificationRecord } from './types';

export interface DetailData {
  serial: string;
  detail: DeviceDetail | null;
  bindings: Binding[];
  history: VerificationRecord[];
  audit: AuditEntry[];
  loading: boolean;
  error: UiError | null;
}

export interface DetailSlice {
  detail: DetailData | null;
}

export const createDetailSlice: StateCreator<RootState, [], [], DetailSlice> = () => ({ detail: null });
