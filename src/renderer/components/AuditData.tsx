// An audit entry's data as "key: value" pairs (never a JSON dump): nested values are summarised,
// timestamps shown as dates in the UI language.
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/format';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

const show = (v: unknown, lang: string): string => {
  if (v === null || v === undefined) return '–';
  if (Array.isArray(v)) return v.map((x) => show(x, lang)).join(', ');
  if (typeof v === 'object')
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k}=${show(x, lang)}`)
      .join(' ');
  if (typeof v === 'string' && ISO.test(v)) return formatDateTime(v, lang) || v;
  return String(v);
};

export function AuditData({ data }: { data: Record<string, unknown> }) {
  const { i18n } = useTranslation();
  const entries = Object.entries(data);
  if (entries.length === 0) return <span className="muted">–</span>;
  return (
    <span className="audit-data">
      {entries.map(([k, v]) => (
        <span key={k} className="kv">
          <span className="k">{k}</span> {show(v, i18n.language)}
        </span>
      ))}
    </span>
  );
}
