// An error as the user reads it: the authority's own message (specific, human), never a stack.
import type { UiError } from '../../store/types';

export function ErrorNote({ error, id }: { error: UiError | null | undefined; id?: string }) {
  if (!error) return null;
  return (
    <p id={id} role="alert" className="wizard-error">
      {error.message}
    </p>
  );
}
