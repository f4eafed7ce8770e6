// An error as people should read it: the message, with the code small for support calls.
import type { UiError } from '../store/types';

export function ErrorMessage({ error, id }: { error: UiError | null | undefined; id?: string }) {
  if (!error) return null;
  return (
    <p role="alert" className="error" id={id}>
      {error.message} <code className="error-code">{error.code}</code>
    </p>
  );
}
