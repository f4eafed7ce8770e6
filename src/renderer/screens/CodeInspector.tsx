// Code inspector: paste any initialisation or answer code (armour or PEM) and see every field
// main reads from it, or exactly why it would be refused, with the faulty groups marked in the
// pasted text itself.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { inspect, setInspectText } from '../actions/code-inspector';
import { ErrorMessage } from '../components/ErrorMessage';
import { faultyGroups, markGroups } from '../lib/code-marking';
import { sniffKind } from '../lib/code-kind';
import { MAX_CODE_TEXT } from '../../shared/typed-codes/limits';
import { useStore } from '../store';
import { errorText } from '../lib/error-text';
import { FieldList } from './code-inspector/FieldList';

export function CodeInspector() {
  const { t } = useTranslation();
  const text = useStore((s) => s.inspectText);
  const inspection = useStore((s) => s.inspection);
  const inspected = useStore((s) => s.inspectedText);
  const error = useStore((s) => s.inspectError);
  // Decoded as you type or paste; a short pause first so typing is not a call per key.
  useEffect(() => {
    const timer = window.setTimeout(() => void inspect(text), 150);
    return () => window.clearTimeout(timer);
  }, [text]);
  const groups = inspection?.error ? faultyGroups(inspection.error.params) : [];
  // A damaged code still says what it meant to be by its tag.
  const kind = inspection?.kind ?? sniffKind(text);
  return (
    <section className="screen" aria-labelledby="inspector-title">
      <header className="screen-header">
        <div>
          <h1 id="inspector-title">{t('nav.inspector')}</h1>
          <p className="muted">{t('inspector.intro')}</p>
        </div>
      </header>
      <label className="code-field">
        {t('inspector.code')}
        <textarea
          value={text}
          onChange={(e) => setInspectText(e.target.value)}
          rows={8}
          spellCheck={false}
          maxLength={MAX_CODE_TEXT}
          placeholder="REQ1-…"
          autoFocus
        />
      </label>
      <ErrorMessage error={error} />
      {inspection && inspected === text && (
        <div className="inspection" aria-live="polite">
          <p className={`verdict ${inspection.ok ? 'verdict-ok' : 'verdict-bad'}`}>
            <strong>{kind ? t(`inspector.kind.${kind}`) : t('inspector.kind.unknown')}</strong>
            {inspection.format && <span className="muted"> · {t(`inspector.format.${inspection.format}`)}</span>}
            <span> · {inspection.ok ? t('inspector.readable') : t('inspector.refused')}</span>
          </p>
          {inspection.error && (
            <div className="refusal" role="alert">
              <p>
                {errorText(t, inspection.error)} <code className="error-code">{inspection.error.code}</code>
              </p>
              {groups.length > 0 && (
                <pre className="marked-code" tabIndex={0} aria-label={t('inspector.marked')}>
                  {markGroups(text, groups).map((s, i) =>
                    s.marked ? (
                      <mark key={i} title={t('inspector.group', { n: s.group })}>
                        {s.text}
                      </mark>
                    ) : (
                      <span key={i}>{s.text}</span>
                    ),
                  )}
                </pre>
              )}
            </div>
          )}
          {Object.keys(inspection.fields).length > 0 && <FieldList fields={inspection.fields} />}
        </div>
      )}
    </section>
  );
}
