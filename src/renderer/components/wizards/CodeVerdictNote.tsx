// One line saying what the pasted code is or why it is refused (read out by the live region).
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import type { Verdict } from '../../lib/wizards/code-verdict';
import { modelName } from '../../lib/wizards/catalogue';
import { errorText } from '../../lib/error-text';

export function CodeVerdictNote({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  const catalogue = useStore((s) => s.info?.catalogue);
  switch (verdict.state) {
    case 'empty':
      return null;
    case 'checking':
      return <p className="wizard-note">{t('wizard.code.checking')}</p>;
    case 'tooLarge':
      return <p className="wizard-error">{t('wizard.code.tooLarge')}</p>;
    case 'ok':
      return <p className="wizard-ok">✓ {t('wizard.code.ok', { serial: verdict.fields.serial })}</p>;
    case 'answerPasted':
      return <p className="wizard-error">{t('wizard.code.answerPasted')}</p>;
    case 'otherDevice':
      return (
        <p className="wizard-error">
          {t('wizard.code.otherDevice', { found: verdict.fields.serial, expected: verdict.expected })}
        </p>
      );
    case 'otherModel':
      return (
        <p className="wizard-error">
          {t('wizard.code.otherModel', {
            found: modelName(catalogue, verdict.fields.model ?? ''),
            expected: modelName(catalogue, verdict.expected),
          })}
        </p>
      );
    case 'invalid':
      return <p className="wizard-error">{errorText(t, verdict.error)}</p>;
  }
}
