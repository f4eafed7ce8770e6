// Recreate certificate, the three steps as the vendors describe them: the device (pre-filled from
// its detail page), the initialisation code (decoded live; refused before Continue when it is
// another device's or an answer code), and the answer of the licence server.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recreateCertificate } from '../../actions/wizards/certificates';
import type { Output } from '../../../shared/ipc/contract';
import type { UiError } from '../../store/types';
import type { WizardProps } from './types';
import { AnswerView } from './AnswerView';
import { CodeInput } from './CodeInput';
import { DeviceLicences } from './DeviceLicences';
import { DevicePicker } from './DevicePicker';
import { DeviceLine } from './DeviceLine';
import { ErrorNote } from './ErrorNote';
import { useCodeVerdict } from './use-code-verdict';
import { useWizardDevices } from './use-devices';
import { WizardFrame } from './WizardFrame';

type Recreated = Output<'certificates:recreate'>;

export function RecreateWizard({ request, onClose }: WizardProps) {
  const { t } = useTranslation();
  const { devices, error: listError } = useWizardDevices('recreate', request.serial);
  const [step, setStep] = useState(0);
  const [chosen, setChosen] = useState(request.serial ?? '');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [answer, setAnswer] = useState<Recreated | null>(null);
  // One device in the fleet: it is the one.
  const serial = chosen || (devices?.length === 1 ? devices[0]!.serial : '');
  const device = devices?.find((d) => d.serial === serial);
  const verdict = useCodeVerdict(code, { serial, ...(device ? { model: device.model } : {}) });
  const steps = [t('wizard.steps.device'), t('wizard.steps.initCode'), t('wizard.steps.answer')];

  const issue = async () => {
    setBusy(true);
    setError(null);
    const r = await recreateCertificate(serial, code);
    setBusy(false);
    if (r.error) return setError(r.error);
    setAnswer(r.value);
    setStep(2);
  };

  const frame = { title: t('wizard.recreate.title'), steps, step, onCancel: onClose };
  if (step === 0) {
    return (
      <WizardFrame {...frame} onContinue={() => setStep(1)} canContinue={device !== undefined}>
        <p className="wizard-intro">{t('wizard.recreate.intro')}</p>
        <ErrorNote error={listError} />
        {devices && <DevicePicker devices={devices} value={serial} onChange={setChosen} autoFocus />}
        {device && <DeviceLicences serial={device.serial} />}
      </WizardFrame>
    );
  }
  if (step === 1) {
    return (
      <WizardFrame
        {...frame}
        onBack={() => setStep(0)}
        onContinue={() => void issue()}
        canContinue={verdict.state === 'ok'}
        busy={busy}
      >
        {device && <DeviceLine device={device} />}
        <p className="wizard-intro">{t('wizard.recreate.pasteIntro')}</p>
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
      {answer && <AnswerView answer={answer} checked={answer.checkedAgainstRoot} />}
    </WizardFrame>
  );
}
