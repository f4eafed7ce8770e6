// The pasted text as it was pasted (line breaks kept), with the faulty group(s) marked; the first
// marked group is scrolled into view, so a typo on line 20 is not hidden below the fold.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { markGroups } from '../../lib/code-marking';

export function MarkedCode({ text, groups }: { text: string; groups: readonly number[] }) {
  const { t } = useTranslation();
  const pre = useRef<HTMLPreElement>(null);
  const segments = markGroups(text, groups);
  useEffect(() => {
    const box = pre.current;
    const mark = box?.querySelector('mark');
    if (box && mark) box.scrollTop = Math.max(0, mark.offsetTop - box.clientHeight / 3); // the pre is the mark's offsetParent (position: relative)
  }, [text, groups]);
  return (
    <pre ref={pre} className="code-marked" tabIndex={0} aria-label={t('wizard.code.markedLabel')}>
      {segments.map((s, i) =>
        s.marked ? (
          <mark key={i} title={t('wizard.code.groupN', { group: s.group })} data-group={s.group}>
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </pre>
  );
}
