// An error as people should read it: the message in their language, with the code small for support calls.
import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/error-text';
import type { UiError } from '../store/types';

export function ErrorMessage({ error, id }: { error: UiError | null | undefined; id?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p role="alert" className="error" id={id}>
      {errorText(t, error)} <code className="error-code">{error.code}</code>
    </p>
  );
}
