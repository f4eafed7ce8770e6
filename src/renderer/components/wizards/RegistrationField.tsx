// The registration number, checked as it is typed (format MIKO-XXXXX-XXXXX-XXXXX-XXXXX). A wrong
// character names its group at once; a failing check character cannot be placed here, so the
// authority's answer (which names the group when it knows the intended number) is shown instead.
import { useTranslation } from 'react-i18next';
import { checkRegistration } from '../../lib/wizards/registration';
import { errorText } from '../../lib/error-text';
import type { UiError } from '../../store/types';
import { TextField } from './TextField';

export function RegistrationField({
  value,
  onChange,
  authorityError,
  autoFocus,
}: {
  value: string;
  onChange(text: string): void;
  /** The authority's refusal of exactly this text (typo placed in a group, unknown number). */
  authorityError?: UiError | null;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const check = checkRegistration(value);
  const local =
    check.state === 'typo'
      ? t('wizard.registration.typo', { group: check.group, position: check.position ?? '?' })
      : check.state === 'checkFailed'
        ? t('wizard.registration.checkFailed')
        : check.state === 'invalid'
          ? t('wizard.registration.invalid')
          : null;
  return (
    <TextField
      label={t('wizard.registration.label')}
      value={value}
      onChange={onChange}
      className="mono-field"
      spellCheck={false}
      autoComplete="off"
      autoCapitalize="characters"
      maxLength={64}
      placeholder="MIKO-XXXXX-XXXXX-XXXXX-XXXXX"
      autoFocusField={autoFocus}
      hint={check.state === 'ok' ? `✓ ${check.number}` : t('wizard.registration.format')}
      error={authorityError ? errorText(t, authorityError) : local}
    />
  );
}

/** Worth sending to the authority: complete, and either valid or only its check character fails. */
export const registrationSendable = (text: string): boolean =>
  ['ok', 'checkFailed'].includes(checkRegistration(text).state);
