// Register product: company, email and contact give a MIKO registration number. The 30-day trial
// starts when the number is entered on a host, which "Activate trial now" does right here.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText, selectText } from '../../actions/wizards/clipboard';
import { createRegistration } from '../../actions/wizards/offers';
import type { Output } from '../../../shared/ipc/contract';
import type { UiError } from '../../store/types';
import type { WizardProps } from './types';
import { ErrorNote } from './ErrorNote';
import { TextField } from './TextField';
import { TrialWizard } from './TrialWizard';
import { WizardFrame } from './WizardFrame';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function RegisterWizard({ request, onClose }: WizardProps) {
  const { t } = useTranslation();
  const [company, setCompany] = useState('');
  const [email, setEmail] = useState('');
  const [contact, setContact] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [registration, setRegistration] = useState<Output<'registrations:create'> | null>(null);
  const [trial, setTrial] = useState(false);
  const [copied, setCopied] = useState<'idle' | 'copied' | 'manual'>('idle');
  const numberRef = useRef<HTMLParagraphElement>(null);

  if (trial && registration)
    return <TrialWizard request={{ ...request, kind: 'trial' }} onClose={onClose} registration={registration.number} />;

  const valid = company.trim() !== '' && EMAIL.test(email.trim());
  const register = async () => {
    setBusy(true);
    setError(null);
    const r = await createRegistration({
      company: company.trim(),
      email: email.trim(),
      ...(contact.trim() ? { contact: contact.trim() } : {}),
    });
    setBusy(false);
    if (r.error) return setError(r.error);
    setRegistration(r.value);
  };
  const steps = [t('wizard.steps.customer'), t('wizard.steps.registrationNumber')];
  const frame = { title: t('wizard.register.title'), steps, onCancel: onClose };

  if (!registration) {
    return (
      <WizardFrame
        {...frame}
        step={0}
        onContinue={() => void register()}
        canContinue={valid}
        busy={busy}
        continueLabel={t('wizard.register.submit')}
      >
        <p className="wizard-intro">{t('wizard.register.intro')}</p>
        <TextField
          label={t('wizard.register.company')}
          value={company}
          onChange={setCompany}
          autoComplete="organization"
          maxLength={200}
          autoFocusField
          onBlur={() => setTouched(true)}
          error={touched && company.trim() === '' ? t('wizard.register.companyRequired') : null}
        />
        <TextField
          label={t('wizard.register.email')}
          value={email}
          onChange={setEmail}
          type="email"
          autoComplete="email"
          maxLength={254}
          error={email.trim() !== '' && !EMAIL.test(email.trim()) ? t('wizard.register.emailInvalid') : null}
        />
        <TextField
          label={t('wizard.register.contact')}
          value={contact}
          onChange={setContact}
          autoComplete="name"
          maxLength={200}
          hint={t('wizard.common.optional')}
        />
        <ErrorNote error={error} />
      </WizardFrame>
    );
  }
  return (
    <WizardFrame
      {...frame}
      step={1}
      cancelLabel={t('wizard.common.done')}
      extra={
        <button type="button" className="primary" onClick={() => setTrial(true)}>
          {t('wizard.register.activateTrial')}
        </button>
      }
    >
      <p>{t('wizard.register.created', { company: registration.company })}</p>
      <div className="registration-row">
        <p
          ref={numberRef}
          className="registration-number mono"
          tabIndex={0}
          aria-label={t('wizard.register.numberLabel')}
          data-autofocus
        >
          {registration.number}
        </p>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            void copyText(registration.number).then((ok) => {
              if (!ok) selectText(numberRef.current);
              setCopied(ok ? 'copied' : 'manual');
            })
          }
        >
          {t('wizard.register.copy')}
        </button>
        <span role="status" className="wizard-hint">
          {copied === 'copied' ? t('wizard.answer.copied') : copied === 'manual' ? t('wizard.register.pressCtrlC') : ''}
        </span>
      </div>
      <p className="wizard-note">{t('wizard.register.trialStarts')}</p>
    </WizardFrame>
  );
}
