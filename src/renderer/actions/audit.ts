// The audit log: newest first, filtered by action and subject, paged by the oldest id loaded so
// far (beforeId), and the hash-chain check.
import { getState, setState } from '../store';
import { AUDIT_PAGE, type AuditFilter } from '../store/audit';
import { api, unwrap } from './client';

let seq = 0;

function filterInput(f: AuditFilter) {
  return {
    ...(f.action.trim() ? { action: f.action.trim() } : {}),
    ...(f.subject.trim() ? { subject: f.subject.trim() } : {}),
  };
}

/** First page for the current filter (replaces what was loaded). */
export async function loadAudit(): Promise<void> {
  const mine = ++seq;
  setState({ auditLoading: true, auditError: null });
  const r = unwrap(await api().auditList({ ...filterInput(getState().auditFilter), limit: AUDIT_PAGE }));
  if (mine !== seq) return;
  if (r.error) setState({ auditLoading: false, auditError: r.error, auditEntries: [], auditHasMore: false });
  else setState({ auditLoading: false, auditEntries: r.value, auditHasMore: r.value.length === AUDIT_PAGE });
}

/** The next (older) page, appended. */
export async function loadMoreAudit(): Promise<void> {
  const { auditEntries, auditFilter } = getState();
  const oldest = auditEntries.at(-1);
  if (!oldest) return loadAudit();
  const mine = ++seq;
  setState({ auditLoading: true, auditError: null });
  const r = unwrap(await api().auditList({ ...filterInput(auditFilter), limit: AUDIT_PAGE, beforeId: oldest.id }));
  if (mine !== seq) return;
  if (r.error) setState({ auditLoading: false, auditError: r.error });
  else
    setState({
      auditLoading: false,
      auditEntries: [...auditEntries, ...r.value],
      auditHasMore: r.value.length === AUDIT_PAGE,
    });
}

export function setAuditFilter(patch: Partial<AuditFilter>): void {
  setState({ auditFilter: { ...getState().auditFilter, ...patch } });
}

export async function verifyAudit(): Promise<void> {
  setState({ auditVerdict: null, auditError: null });
  const r = unwrap(await api().auditVerify({}));
  if (r.error) setState({ auditError: r.error });
  else setState({ auditVerdict: r.value });
}
