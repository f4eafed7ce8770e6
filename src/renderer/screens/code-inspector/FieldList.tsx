// Every field of an inspected code, labelled in the UI language where a label is known (the raw
// field name otherwise), values as text: dates in the language's format (the ISO value on hover),
// licence sources in words; lists of records (features, chain) as small tables.
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';

type Value = unknown;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const SOURCES = new Set(['grant', 'coupon', 'tryout', 'trial']);

function Scalar({ value, field }: { value: Value; field?: string }) {
  const { t, i18n } = useTranslation();
  if (value === null || value === undefined) return <span className="muted">–</span>;
  if (typeof value === 'boolean') return <>{value ? '✓' : '✗'}</>;
  const text = String(value);
  if (ISO_DATE.test(text))
    return (
      <time dateTime={text} title={text}>
        {formatDateTime(text, i18n.language)}
      </time>
    );
  if (field === 'source' && SOURCES.has(text)) return <span title={text}>{t(`source.${text}`)}</span>;
  return <span className={/^[0-9a-f]{16,}$/i.test(text) ? 'mono break' : undefined}>{text}</span>;
}

function Records({ rows }: { rows: Record<string, Value>[] }) {
  const { t } = useTranslation();
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return (
    <table className="mini-table">
      <thead>
        <tr>
          {keys.map((k) => (
            <th key={k} scope="col">
              {t(`inspector.field.${k}`, { defaultValue: k })}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {keys.map((k) => (
              <td key={k}>
                <Scalar value={r[k]} field={k} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FieldValue({ value, field }: { value: Value; field: string }) {
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">–</span>;
    if (value.every((v) => v && typeof v === 'object' && !Array.isArray(v)))
      return <Records rows={value as Record<string, Value>[]} />;
    return <>{value.map(String).join(', ')}</>;
  }
  if (value && typeof value === 'object') return <FieldList fields={value as Record<string, Value>} nested />;
  return <Scalar value={value} field={field} />;
}

export function FieldList({ fields, nested }: { fields: Record<string, Value>; nested?: boolean }) {
  const { t } = useTranslation();
  return (
    <dl
      className={nested ? 'facts-list nested' : 'facts-list fields'}
      aria-label={nested ? undefined : t('inspector.fields')}
    >
      {Object.entries(fields).map(([k, v]) => (
        <div key={k} className="field">
          <dt>{t(`inspector.field.${k}`, { defaultValue: k })}</dt>
          <dd>
            <FieldValue value={v} field={k} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
