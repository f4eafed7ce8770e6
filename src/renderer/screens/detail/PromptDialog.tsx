// A small confirm-or-enter-a-value dialog (rename, move, retire). Errors from the authority stay
// in the dialog; success closes it.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Modal } from '../../components/Modal';
import type { UiError } from '../../store/types';

interface Props {
  title: string;
  /** With a label: a text field; without: a plain confirmation. */
  label?: string;
  text?: string;
  initial?: string;
  submit: string;
  required?: boolean;
  danger?: boolean;
  onSubmit(value: string): Promise<UiError | null>;
  onClose(): void;
}

export function PromptDialog({ title, label, text, initial = '', submit, required, danger, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const failed = await onSubmit(value);
    setBusy(false);
    if (failed) setError(failed);
    else onClose();
  };
  return (
    <Modal title={title} onClose={onClose}>
      <form className="form-grid" onSubmit={(e) => void send(e)}>
        {text && <p>{text}</p>}
        {label && (
          <label>
            {label}
            <input
              value={value}
              onChange={(e) => setValue(e.target.value)}
              maxLength={120}
              required={required}
              autoComplete="off"
              data-autofocus
            />
          </label>
        )}
        <ErrorMessage error={error} />
        <div className="actions">
          <button type="submit" className={danger ? 'danger' : 'primary'} disabled={busy}>
            {submit}
          </button>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
