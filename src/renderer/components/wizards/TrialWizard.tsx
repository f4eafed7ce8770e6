// Activate trial with an existing registration number (Askozia): the number and the device, the
// licence agreement (accepted before anything starts), the host's initialisation code, the answer.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { acceptEula, startTrial } from '../../actions/wizards/offers';
import type { TrialStarted } from '../../lib/wizards/api-types';
import type { UiError } from '../../store/types';
import { formatDate } from '../../lib/format';
import type { WizardProps } from './types';
import { AnswerView } from './AnswerView';
import { CodeInput } from './CodeInput';
import { DeviceLine } from './DeviceLine';
import { DevicePicker } from './DevicePicker';
import { ErrorNote } from './ErrorNote';
import { EulaStep } from './EulaStep';
import { RegistrationField, registrationSendable } from './RegistrationField';
import { useCodeVerdict } from './use-code-verdict';
import { useWizardDevices } from './use-devices';
import { WizardFrame } from './WizardFrame';

type Trial = TrialStarted;

export function TrialWizard({ request, onClose, registration }: WizardProps & { registration?: string }) {
  const { t, i18n } = useTranslation();
  const { devices, error: listError } = useWizardDevices('trial', request.serial);
  const [step, setStep] = useState(0);
  const [chosen, setChosen] = useState(request.serial ?? '');
  const [typed, setTyped] = useState<string | null>(registration ?? null);
  const [regError, setRegError] = useState<{ text: string; error: UiError } | null>(null);
  const [accepted, setAccepted] = useState(false);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [trial, setTrial] = useState<Trial | null>(null);
  const fitting = devices ?? [];
  const serial = chosen || (fitting.length === 1 ? fitting[0]!.serial : '');
  const device = fitting.find((d) => d.serial === serial);
  // A device already linked to a registration brings its number along.
  const number = typed ?? device?.registration ?? '';
  const verdict = useCodeVerdict(code, { serial, ...(device ? { model: device.model } : {}) });
  const steps = [
    t('wizard.steps.registrationAndDevice'),
    t('wizard.steps.eula'),
    t('wizard.steps.initCode'),
    t('wizard.steps.answer'),
  ];

  const run = async <T,>(
    call: () => Promise<{ value: T; error: null } | { value: null; error: UiError }>,
  ): Promise<T | null> => {
    setBusy(true);
    setError(null);
    const r = await call();
    setBusy(false);
    if (r.error) setError(r.error);
    return r.value;
  };
  const accept = async () => {
    setBusy(true);
    setError(null);
    const r = await acceptEula(number);
    setBusy(false);
    // The number itself was refused (a typo the authority placed, or unknown): back to it.
    if (r.error?.code.startsWith('REGISTRATION_')) {
      setRegError({ text: number, error: r.error });
      return setStep(0);
    }
    if (r.error) return setError(r.error);
    setStep(2);
  };
  const start = async () => {
    const value = await run(() => startTrial({ registration: number, serial, initCode: code }));
    if (value) {
      setTrial(value);
      setStep(3);
    }
  };

  const frame = { title: t('wizard.trial.title'), steps, step, onCancel: onClose };
  if (step === 0) {
    return (
      <WizardFrame
        {...frame}
        onContinue={() => setStep(1)}
        canContinue={registrationSendable(number) && device !== undefined}
      >
        <p className="wizard-intro">{t('wizard.trial.intro')}</p>
        <RegistrationField
          value={number}
          onChange={(v) => {
            setTyped(v);
            setRegError(null);
          }}
          autoFocus
          authorityError={regError && regError.text === number ? regError.error : null}
        />
        <ErrorNote error={listError} />
        {devices && <DevicePicker devices={devices} value={serial} onChange={setChosen} />}
      </WizardFrame>
    );
  }
  if (step === 1) {
    return (
      <WizardFrame
        {...frame}
        onBack={() => setStep(0)}
        onContinue={() => void accept()}
        canContinue={accepted}
        busy={busy}
      >
        <EulaStep accepted={accepted} onAccepted={setAccepted} />
        <ErrorNote error={error} />
      </WizardFrame>
    );
  }
  if (step === 2) {
    return (
      <WizardFrame
        {...frame}
        onBack={() => setStep(1)}
        onContinue={() => void start()}
        canContinue={verdict.state === 'ok'}
        busy={busy}
        continueLabel={t('wizard.trial.start')}
      >
        {device && <DeviceLine device={device} />}
        <p className="wizard-intro">{t('wizard.trial.pasteIntro')}</p>
        <CodeInput
          value={code}
          onChange={(text) => {
            setError(null);
            setCode(text);
          }}
          verdict={verdict}
          refused={error !== null}
        />
        <ErrorNote error={error} />
      </WizardFrame>
    );
  }
  return (
    <WizardFrame {...frame} cancelLabel={t('wizard.common.done')}>
      {trial && (
        <>
          <p className="wizard-ok">
            ✓{' '}
            {t('wizard.trial.started', {
              registration: trial.registration,
              until: formatDate(trial.endsAt, i18n.language),
            })}
          </p>
          <AnswerView answer={trial.answer} checked={trial.checkedAgainstRoot} host />
        </>
      )}
    </WizardFrame>
  );
}
