// An error as the user reads it: the authority's own message (specific, human) in the user's
// language, never a stack.
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/error-text';
import type { UiError } from '../../store/types';

export function ErrorNote({ error, id }: { error: UiError | null | undefined; id?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p id={id} role="alert" className="wizard-error">
      {errorText(t, error)}
    </p>
  );
}
