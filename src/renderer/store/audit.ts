// The audit log screen: the entries loaded so far (newest first), its filters, and the chain check.
import type { StateCreator } from 'zustand';
import type { RootState } from './index';
import type { AuditEntry, AuditVerdict, UiError } from './types';

export interface AuditFilter {
  action: string;
  subject: string;
}

export interface AuditSlice {
  auditEntries: AuditEntry[];
  auditFilter: AuditFilter;
  /** A full page came back, so older entries may exist. */
  auditHasMore: boolean;
  auditLoading: boolean;
  auditError: UiError | null;
  auditVerdict: AuditVerdict | null;
}

export const AUDIT_PAGE = 100;

export const createAuditSlice: StateCreator<RootState, [], [], AuditSlice> = () => ({
  auditEntries: [],
  auditFilter: { action: '', subject: '' },
  auditHasMore: false,
  auditLoading: false,
  auditError: null,
  auditVerdict: null,
});
