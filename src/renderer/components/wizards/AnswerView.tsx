// The answer of the licence server: grouped monospace exactly as issued (line breaks kept), Copy
// answer (or, where the clipboard is refused, the text selected with "press Ctrl+C"), Save as
// file, and the mark that main checked it as the PBX will.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answerFileName, answerFileText } from '../../lib/wizards/answer-file';
import { copyText, selectText } from '../../actions/wizards/clipboard';
import { formatDate } from '../../lib/format';
import { LicenceLine } from './LicenceLine';
import type { Output } from '../../../shared/ipc/contract';

/** The answer part every issuing channel returns (recreate, trial, tryout). */
export type Answer = Pick<
  Output<'certificates:recreate'>,
  'serial' | 'code' | 'certificateSerial' | 'notAfter' | 'features'
>;

/** `host`: an Askozia host, whose menu is System > Licences (a PBX's is Administration > Licences). */
export function AnswerView({ answer, checked, host = false }: { answer: Answer; checked: boolean; host?: boolean }) {
  const { t, i18n } = useTranslation();
  const pre = useRef<HTMLPreElement>(null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'manual'>('idle');

  const copy = async () => {
    if (await copyText(answer.code)) return setCopyState('copied');
    // No clipboard permission (or no secure context): select the text for Ctrl+C instead.
    selectText(pre.current);
    setCopyState('manual');
  };
  const save = () => {
    const url = URL.createObjectURL(new Blob([answerFileText(answer.code)], { type: 'text/plain' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = answerFileName(answer.serial);
    document.body.append(a);
    a.click();
    a.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <section className="answer" aria-labelledby="wizard-answer-title">
      <h3 id="wizard-answer-title">{t('wizard.answer.title')}</h3>
      <p className="wizard-hint">
        {t(host ? 'wizard.answer.hintHost' : 'wizard.answer.hint', { serial: answer.serial })}
      </p>
      {checked && (
        <p className="checked-mark">
          <span aria-hidden="true">✓</span> {t('wizard.answer.checked')}
        </p>
      )}
      <pre ref={pre} className="answer-code" tabIndex={0} aria-label={t('wizard.answer.codeLabel')} data-autofocus>
        {answer.code}
      </pre>
      <div className="answer-actions">
        <button type="button" className="primary" onClick={() => void copy()}>
          {t('wizard.answer.copy')}
        </button>
        <button type="button" className="secondary" onClick={save}>
          {t('wizard.answer.save')}
        </button>
        <span role="status" aria-live="polite" className="answer-copy-state">
          {copyState === 'copied'
            ? t('wizard.answer.copied')
            : copyState === 'manual'
              ? t('wizard.answer.pressCtrlC')
              : ''}
        </span>
      </div>
      <dl className="answer-facts">
        <div>
          <dt>{t('wizard.answer.certificate')}</dt>
          <dd className="mono">{answer.certificateSerial}</dd>
        </div>
        <div>
          <dt>{t('wizard.answer.validUntil')}</dt>
          <dd>{formatDate(answer.notAfter, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('wizard.answer.licences')}</dt>
          <dd>
            {answer.features.length === 0 ? (
              t('wizard.answer.noLicences')
            ) : (
              <ul className="plain-list">
                {answer.features.map((f) => (
                  <LicenceLine key={f.number} feature={f.number} quantity={f.quantity} notAfter={f.notAfter} />
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
