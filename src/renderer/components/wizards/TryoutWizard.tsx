// Start tryout (COMtrexx VM only): explains what it gives and that it happens once per PBX, ever;
// for any other model it explains why not and offers nothing else. The initialisation code is
// optional: with it, the answer comes right away.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { startTryout, tryoutStatus } from '../../actions/wizards/offers';
import type { Output } from '../../../shared/ipc/contract';
import type { UiError } from '../../store/types';
import { formatDate } from '../../lib/format';
import type { WizardProps } from './types';
import type { TryoutStarted } from '../../lib/wizards/api-types';
import { AnswerView } from './AnswerView';
import { CodeInput } from './CodeInput';
import { DeviceLine } from './DeviceLine';
import { DevicePicker } from './DevicePicker';
import { ErrorNote } from './ErrorNote';
import { RecreateWizard } from './RecreateWizard';
import { TryoutExplanation } from './TryoutExplanation';
import { useCodeVerdict } from './use-code-verdict';
import { useWizardDevices } from './use-devices';
import { WizardFrame } from './WizardFrame';

export function TryoutWizard({ request, onClose }: WizardProps) {
  const { t, i18n } = useTranslation();
  const { devices, error: listError } = useWizardDevices('tryout', request.serial);
  const [step, setStep] = useState(0);
  const [chosen, setChosen] = useState(request.serial ?? '');
  const [status, setStatus] = useState<{
    serial: string;
    value: Output<'tryout:status'> | null;
    error: UiError | null;
  }>();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [started, setStarted] = useState<TryoutStarted | null>(null);
  const [recreate, setRecreate] = useState(false);
  const serial = chosen || (devices?.length === 1 ? devices[0]!.serial : '');
  const device = devices?.find((d) => d.serial === serial);
  const verdict = useCodeVerdict(code, { serial, ...(device ? { model: device.model } : {}) });

  useEffect(() => {
    if (!serial) return;
    let live = true;
    void tryoutStatus(serial).then((r) => live && setStatus({ serial, ...r }));
    return () => {
      live = false;
    };
  }, [serial]);

  if (recreate) return <RecreateWizard request={{ kind: 'recreate', serial }} onClose={onClose} />;
  const current = status?.serial === serial ? status : undefined;
  const steps = [t('wizard.steps.pbx'), t('wizard.steps.initCodeOptional'), t('wizard.steps.tryoutStarted')];
  const frame = { title: t('wizard.tryout.title'), steps, step, onCancel: onClose };

  const start = async () => {
    setBusy(true);
    setError(null);
    const r = await startTryout(serial, code.trim() === '' ? undefined : code);
    setBusy(false);
    if (r.error) return setError(r.error);
    setStarted(r.value);
    setStep(2);
  };

  if (step === 0) {
    const available = current?.value?.available === true;
    return (
      <WizardFrame {...frame} onContinue={available ? () => setStep(1) : undefined}>
        <ErrorNote error={listError ?? current?.error} />
        {devices && <DevicePicker devices={devices} value={serial} onChange={setChosen} autoFocus />}
        {device && current?.value && <TryoutExplanation device={device} status={current.value} />}
      </WizardFrame>
    );
  }
  if (step === 1) {
    const ok = code.trim() === '' || verdict.state === 'ok';
    return (
      <WizardFrame
        {...frame}
        onBack={() => setStep(0)}
        onContinue={() => void start()}
        canContinue={ok}
        busy={busy}
        continueLabel={t('wizard.tryout.start')}
      >
        {device && <DeviceLine device={device} />}
        <p className="wizard-intro">{t('wizard.tryout.codeIntro')}</p>
        <CodeInput
          value={code}
          onChange={(text) => {
            setError(null);
            setCode(text);
          }}
          verdict={verdict}
          refused={error !== null}
          label={t('wizard.tryout.codeLabel')}
        />
        <p className="wizard-note">
          <strong>{t('wizard.tryout.once')}</strong>
        </p>
        <ErrorNote error={error} />
      </WizardFrame>
    );
  }
  const until = formatDate(started?.endsAt, i18n.language);
  return (
    <WizardFrame
      {...frame}
      cancelLabel={t('wizard.common.done')}
      extra={
        started && !started.answer ? (
          <button type="button" className="primary" onClick={() => setRecreate(true)}>
            {t('wizard.recreate.title')}
          </button>
        ) : undefined
      }
    >
      {started && (
        <p className="wizard-ok" data-autofocus tabIndex={-1}>
          ✓ {t('wizard.tryout.started', { until, users: started.testUsers })}
        </p>
      )}
      {started?.answer ? (
        <AnswerView answer={started.answer} checked={started.checkedAgainstRoot} />
      ) : (
        <p className="wizard-note">{t('wizard.tryout.noCodeYet')}</p>
      )}
    </WizardFrame>
  );
}
