// Toasts: a polite live region for successes and notes, an alert per error; each dismissible.
import { useTranslation } from 'react-i18next';
import { dismissToast } from '../actions/toasts';
import { useStore } from '../store';

export function Toasts() {
  const { t } = useTranslation();
  const toasts = useStore((s) => s.toasts);
  return (
    <div className="toasts">
      <div role="status" aria-live="polite">
        {toasts
          .filter((x) => x.kind !== 'error')
          .map((x) => (
            <div key={x.id} className={`toast toast-${x.kind}`}>
              <span>{x.text}</span>
              <button
                type="button"
                className="icon-button"
                aria-label={t('common.dismiss')}
                onClick={() => dismissToast(x.id)}
              >
                ×
              </button>
            </div>
          ))}
      </div>
      {/* Errors: each toast is its own alert, announced when it appears (no empty alert sits around). */}
      <div>
        {toasts
          .filter((x) => x.kind === 'error')
          .map((x) => (
            <div key={x.id} className="toast toast-error" role="alert">
              <span>{x.text}</span>
              <button
                type="button"
                className="icon-button"
                aria-label={t('common.dismiss')}
                onClick={() => dismissToast(x.id)}
              >
                ×
              </button>
            </div>
          ))}
      </div>
    </div>
  );
}
