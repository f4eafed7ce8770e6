// A titled section of a detail page: a table, or one line saying there is nothing yet.
import { useId, type ReactNode } from 'react';

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
  return (
    <section className="data-section" aria-labelledby={id}>
      <div className="section-header">
        <h2 id={id}>
          {title} {count > 0 && <span className="count">{count}</span>}
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
