// A titled section of a detail page: a table, or one line saying there is nothing yet.
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';

interface Props {
  title: string;
  empty: string;
  count: number;
  head: ReactNode;
  children: ReactNode;
  extra?: ReactNode;
}

export function DataSection({ title, empty, count, head, children, extra }: Props) {
  const id = useId();
  const { i18n } = useTranslation();
  return (
    <section className="data-section" aria-labelledby={id}>
      <div className="section-header">
        <h2 id={id}>
          {title} {count > 0 && <span className="count">{formatNumber(count, i18n.language)}</span>}
        </h2>
        {extra}
      </div>
      {count === 0 ? (
        <p className="muted empty-line">{empty}</p>
      ) : (
        <div className="table-wrap">
          <table aria-labelledby={id}>
            <thead>{head}</thead>
            <tbody>{children}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}
