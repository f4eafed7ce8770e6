// Paste the initialisation code, or drop / choose its file; decoded live. Shows the decoded
// fields, or exactly what is wrong: the faulty groups marked in the pasted text, another
// device's code, an answer code pasted where the initialisation code belongs.
import { useId, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Verdict } from '../../lib/wizards/code-verdict';
import { checkCodeFile, MAX_CODE_FILE } from '../../lib/wizards/code-file';
import { CodeDetails } from './CodeDetails';
import { CodeVerdictNote } from './CodeVerdictNote';
import { MarkedCode } from './MarkedCode';

export interface CodeInputProps {
  value: string;
  onChange(text: string): void;
  verdict: Verdict;
  label?: string;
  /** The step shows a refusal of this code (the authority's): its ✓ must not stand beside it. */
  refused?: boolean;
}

export function CodeInput({ value, onChange, verdict, label, refused }: CodeInputProps) {
  const { t } = useTranslation();
  const id = useId();
  const [dragging, setDragging] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    const refusal = checkCodeFile(file);
    if (refusal) {
      setFileError(
        refusal.reason === 'empty'
          ? t('wizard.code.fileEmpty', { name: file.name })
          : t('wizard.code.fileTooLarge', { name: file.name, max: MAX_CODE_FILE / 1024 }),
      );
      return;
    }
    setFileError(null);
    try {
      onChange(await file.text());
    } catch {
      setFileError(t('wizard.code.fileUnreadable', { name: file.name }));
    }
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void readFile(e.dataTransfer.files[0]);
  };

  return (
    <div className="code-input">
      <div
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label htmlFor={id}>{label ?? t('wizard.code.label')}</label>
        <textarea
          id={id}
          value={value}
          rows={6}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          data-autofocus
          data-enter-continues="true"
          className="code-textarea"
          placeholder="REQ1-XXXXXXXX-XXXXXXXX-…"
          aria-describedby={`${id}-hint ${id}-status`}
          onChange={(e) => {
            setFileError(null);
            onChange(e.target.value);
          }}
        />
        <p id={`${id}-hint`} className="wizard-hint">
          {t('wizard.code.dropHint')}{' '}
          <label className="file-button">
            {t('wizard.code.chooseFile')}
            <input
              type="file"
              accept=".txt,.req,.pem,.csr,text/plain"
              className="visually-hidden"
              onChange={(e) => {
                void readFile(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
          </label>
        </p>
      </div>
      {fileError && (
        <p role="alert" className="wizard-error">
          {fileError}
        </p>
      )}
      <div id={`${id}-status`} role="status" aria-live="polite" className="code-status">
        {/* One verdict at a time: a refused code or an unreadable file hides the reader's ✓. */}
        {!((refused || fileError) && verdict.state === 'ok') && <CodeVerdictNote verdict={verdict} />}
      </div>
      {/* Outside the live region: the message is announced, the whole code is not read out again. */}
      {verdict.state === 'invalid' && verdict.groups.length > 0 && <MarkedCode text={value} groups={verdict.groups} />}
      {(verdict.state === 'ok' || verdict.state === 'otherDevice' || verdict.state === 'otherModel') && (
        <CodeDetails fields={verdict.fields} />
      )}
    </div>
  );
}
