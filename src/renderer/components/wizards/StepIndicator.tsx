// "Step 2 of 3" for everyone: a numbered list, the current step marked with aria-current.
import { useTranslation } from 'react-i18next';

export function StepIndicator({ steps, current }: { steps: readonly string[]; current: number }) {
  const { t } = useTranslation();
  if (steps.length < 2) return null;
  return (
    <ol className="wizard-steps" aria-label={t('wizard.common.stepOf', { step: current + 1, total: steps.length })}>
      {steps.map((name, i) => (
        <li
          key={name}
          className={i < current ? 'done' : i === current ? 'current' : undefined}
          aria-current={i === current ? 'step' : undefined}
        >
          <span className="wizard-step-number" aria-hidden="true">
            {i < current ? '✓' : i + 1}
          </span>
          <span className="wizard-step-name">{name}</span>
        </li>
      ))}
    </ol>
  );
}
