// Reset binding: choose the binding (or come from one), see its feature number and product, host
// and since when, then type the feature number to confirm. Only the exact number enables Reset;
// the authority checks the number again. The result says which certificates were revoked.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { resetBinding } from '../../actions/wizards/bindings';
import type { Output } from '../../../shared/ipc/contract';
import type { UiError } from '../../store/types';
import type { WizardProps } from './types';
import { BindingChoice } from './BindingChoice';
import { BindingSummary } from './BindingSummary';
import { ConfirmByTyping, confirmed } from './ConfirmByTyping';
import { ErrorNote } from './ErrorNote';
import { ResetResult } from './ResetResult';
import { useBindings } from './use-bindings';
import { WizardFrame } from './WizardFrame';

export function ResetBindingWizard({ request, onClose }: WizardProps) {
  const { t } = useTranslation();
  const { bindings, error: loadError, loaded } = useBindings(request.serial, request.bindingId);
  const [chosen, setChosen] = useState<number | null>(request.bindingId ?? null);
  const [step, setStep] = useState(request.bindingId !== undefined ? 1 : 0);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [result, setResult] = useState<Output<'bindings:reset'> | null>(null);
  const active = bindings?.filter((b) => b.active) ?? [];
  const id = chosen ?? (active.length === 1 ? active[0]!.id : null);
  const binding = bindings?.find((b) => b.id === id);
  const steps = [t('wizard.steps.binding'), t('wizard.steps.confirm'), t('wizard.steps.resetDone')];
  const frame = { title: t('wizard.reset.title'), steps, step, onCancel: onClose };

  const reset = async () => {
    if (!binding) return;
    setBusy(true);
    setError(null);
    const r = await resetBinding(binding.id, Number(typed.trim()));
    setBusy(false);
    if (r.error) return setError(r.error);
    setResult(r.value);
    setStep(2);
  };

  if (step === 0) {
    return (
      <WizardFrame
        {...frame}
        onContinue={() => {
          setTyped('');
          setStep(1);
        }}
        canContinue={binding?.active === true}
      >
        <p className="wizard-intro">{t('wizard.reset.intro')}</p>
        <ErrorNote error={loadError} />
        {loaded && bindings && <BindingChoice bindings={bindings} value={id} onChange={setChosen} />}
      </WizardFrame>
    );
  }
  if (step === 1) {
    const back = request.bindingId === undefined ? () => setStep(0) : undefined;
    if (binding && !binding.active) {
      return (
        <WizardFrame {...frame} onBack={back}>
          <BindingSummary binding={binding} />
          <p className="wizard-note" role="status">
            {t('wizard.reset.alreadyReset')}
          </p>
        </WizardFrame>
      );
    }
    return (
      <WizardFrame
        {...frame}
        onBack={back}
        onContinue={() => void reset()}
        canContinue={confirmed(binding, typed)}
        busy={busy}
        continueLabel={t('wizard.reset.reset')}
      >
        <ErrorNote error={loadError} />
        {binding && (
          <ConfirmByTyping
            binding={binding}
            typed={typed}
            onTyped={(v) => {
              setError(null);
              setTyped(v);
            }}
          />
        )}
        <ErrorNote error={error} />
      </WizardFrame>
    );
  }
  return (
    <WizardFrame {...frame} cancelLabel={t('wizard.common.done')}>
      {result && <ResetResult result={result} />}
    </WizardFrame>
  );
}
