// Move to another host (Askozia), guided: what will happen; reset the binding on the old host (the
// same confirm-by-typing as Reset binding); activate on the new host with its initialisation code;
// the answer. A code from the old host is refused: it would bind the licence right back.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { resetBinding } from '../../actions/wizards/bindings';
import { recreateCertificate } from '../../actions/wizards/certificates';
import type { Output } from '../../../shared/ipc/contract';
import type { UiError } from '../../store/types';
import type { WizardProps } from './types';
import { AnswerView } from './AnswerView';
import { BindingSummary } from './BindingSummary';
import { CodeInput } from './CodeInput';
import { ConfirmByTyping, confirmed } from './ConfirmByTyping';
import { DeviceLine } from './DeviceLine';
import { DevicePicker } from './DevicePicker';
import { ErrorNote } from './ErrorNote';
import { ResetResult } from './ResetResult';
import { useBindings } from './use-bindings';
import { useCodeVerdict } from './use-code-verdict';
import { useWizardDevices } from './use-devices';
import { WizardFrame } from './WizardFrame';

export function MoveHostWizard({ request, onClose }: WizardProps) {
  const { t } = useTranslation();
  const { devices, error: listError } = useWizardDevices('moveHost', request.serial);
  const [step, setStep] = useState(0);
  const [chosen, setChosen] = useState(request.serial ?? '');
  const [typed, setTyped] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [reset, setReset] = useState<Output<'bindings:reset'> | null>(null);
  const [answer, setAnswer] = useState<Output<'certificates:recreate'> | null>(null);
  const fitting = devices ?? [];
  const serial = chosen || (fitting.length === 1 ? fitting[0]!.serial : '');
  const device = fitting.find((d) => d.serial === serial);
  // Reloaded after the reset (step 2), so the old host is known for the check below.
  const { bindings, error: bindingsError, loaded } = useBindings(serial || undefined, undefined, serial !== '');
  const old = bindings?.find((b) => b.active) ?? (reset ? reset.binding : undefined);
  const verdict = useCodeVerdict(code, { serial, ...(device ? { model: device.model } : {}) });
  const fromOldHost =
    verdict.state === 'ok' && old !== undefined && verdict.fields.hostFingerprint === old.hostFingerprint;
  const steps = [
    t('wizard.steps.beforeYouStart'),
    t('wizard.steps.resetOld'),
    t('wizard.steps.newHost'),
    t('wizard.steps.answer'),
  ];
  const frame = { title: t('wizard.move.title'), steps, step, onCancel: onClose };

  const call = async <T,>(
    fn: () => Promise<{ value: T; error: null } | { value: null; error: UiError }>,
    then: (v: T) => void,
  ) => {
    setBusy(true);
    setError(null);
    const r = await fn();
    setBusy(false);
    if (r.error) setError(r.error);
    else then(r.value);
  };
  const active = bindings?.find((b) => b.active);

  if (step === 0) {
    return (
      <WizardFrame
        {...frame}
        onContinue={() => {
          setTyped('');
          setStep(active ? 1 : 2);
        }}
        canContinue={device !== undefined && loaded}
      >
        <p className="wizard-intro">{t('wizard.move.intro')}</p>
        <ol className="wizard-plan">
          <li>{t('wizard.move.plan1')}</li>
          <li>{t('wizard.move.plan2')}</li>
          <li>{t('wizard.move.plan3')}</li>
        </ol>
        <ErrorNote error={listError ?? bindingsError} />
        {devices && <DevicePicker devices={devices} value={serial} onChange={setChosen} autoFocus />}
        {device &&
          loaded &&
          (active ? (
            <>
              <p>{t('wizard.move.currentBinding')}</p>
              <BindingSummary binding={active} />
            </>
          ) : (
            <p className="wizard-note">{t('wizard.move.noBinding')}</p>
          ))}
      </WizardFrame>
    );
  }
  if (step === 1) {
    return (
      <WizardFrame
        {...frame}
        onBack={() => setStep(0)}
        canContinue={confirmed(active, typed)}
        busy={busy}
        continueLabel={t('wizard.reset.reset')}
        onContinue={() =>
          active &&
          void call(
            () => resetBinding(active.id, Number(typed.trim())),
            (v) => {
              setReset(v);
              setStep(2);
            },
          )
        }
      >
        {active && (
          <ConfirmByTyping
            binding={active}
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
  if (step === 2) {
    return (
      <WizardFrame
        {...frame}
        onBack={reset ? undefined : () => setStep(0)}
        canContinue={verdict.state === 'ok' && !fromOldHost}
        busy={busy}
        onContinue={() =>
          void call(
            () => recreateCertificate(serial, code),
            (v) => {
              setAnswer(v);
              setStep(3);
            },
          )
        }
      >
        {reset && <ResetResult result={reset} focus={false} />}
        {device && <DeviceLine device={device} />}
        <p className="wizard-intro">{t('wizard.move.pasteIntro')}</p>
        <CodeInput
          value={code}
          onChange={(text) => {
            setError(null);
            setCode(text);
          }}
          verdict={verdict}
          refused={error !== null || fromOldHost}
          label={t('wizard.move.codeLabel')}
        />
        {fromOldHost && (
          <p className="wizard-error" role="alert">
            {t('wizard.move.oldHostCode')}
          </p>
        )}
        <ErrorNote error={error} />
      </WizardFrame>
    );
  }
  return (
    <WizardFrame {...frame} cancelLabel={t('wizard.common.done')}>
      {answer && <AnswerView answer={answer} checked={answer.checkedAgainstRoot} host />}
    </WizardFrame>
  );
}
