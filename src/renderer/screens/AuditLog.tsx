// The audit log: every change the authority made, newest first, filtered by action and subject,
// older pages on request; "Verify chain" recomputes the hash chain and says where it breaks.
import { useEffect, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { loadAudit, loadMoreAudit, setAuditFilter, verifyAudit } from '../actions/audit';
import { AuditData } from '../components/AuditData';
import { ErrorMessage } from '../components/ErrorMessage';
import { errorText } from '../lib/error-text';
import { formatDateTime, shortHex } from '../lib/format';
import { useStore } from '../store';

export function AuditLog() {
  const { t, i18n } = useTranslation();
  const entries = useStore((s) => s.auditEntries);
  const filter = useStore((s) => s.auditFilter);
  const hasMore = useStore((s) => s.auditHasMore);
  const loading = useStore((s) => s.auditLoading);
  const error = useStore((s) => s.auditError);
  const verdict = useStore((s) => s.auditVerdict);
  useEffect(() => void loadAudit(), []);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    void loadAudit();
  };
  return (
    <section className="screen" aria-labelledby="audit-title" aria-busy={loading}>
      <header className="screen-header">
        <div>
          <h1 id="audit-title">{t('nav.audit')}</h1>
          <p className="muted">{t('audit.intro')}</p>
        </div>
        <div className="toolbar">
          <button type="button" onClick={() => void verifyAudit()}>
            {t('audit.verify')}
          </button>
        </div>
      </header>
      {verdict && (
        <p role="status" className={`verdict ${verdict.ok ? 'verdict-ok' : 'verdict-bad'}`}>
          {verdict.ok
            ? t('audit.intact', { count: verdict.entries })
            : // A cut tail or a damaged checkpoint file is explained by the authority's own sentence.
              ((verdict.problem &&
                errorText(t, { ...verdict.problem, params: { problem: verdict.problem.message } })) ??
              t('audit.broken', { id: verdict.firstBroken?.id ?? '?', reason: verdict.firstBroken?.reason ?? '' }))}
        </p>
      )}
      <form className="filters" role="search" aria-label={t('audit.filters')} onSubmit={apply}>
        <label className="inline-field">
          <span>{t('audit.action')}</span>
          <input
            value={filter.action}
            onChange={(e) => setAuditFilter({ action: e.target.value })}
            placeholder="device.add"
            maxLength={60}
          />
        </label>
        <label className="inline-field">
          <span>{t('audit.subject')}</span>
          <input value={filter.subject} onChange={(e) => setAuditFilter({ subject: e.target.value })} maxLength={200} />
        </label>
        <button type="submit">{t('audit.apply')}</button>
      </form>
      <ErrorMessage error={error} />
      {entries.length === 0 && !loading ? (
        <p className="muted empty-line">{t('audit.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table aria-labelledby="audit-title">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.subject')}</th>
                <th scope="col">{t('audit.data')}</th>
                <th scope="col">{t('audit.hash')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{e.id}</td>
                  <td className="nowrap">{formatDateTime(e.at, i18n.language)}</td>
                  <td>{e.actor}</td>
                  <td className="mono">{e.action}</td>
                  <td className="mono">{e.subject}</td>
                  <td>
                    <AuditData data={e.data} />
                  </td>
                  <td className="mono muted" title={e.hash}>
                    {shortHex(e.hash, 10)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {hasMore && (
        <div className="actions">
          <button type="button" disabled={loading} onClick={() => void loadMoreAudit()}>
            {t('audit.more')}
          </button>
        </div>
      )}
    </section>
  );
}
