// The frame every wizard step sits in: title, step indicator, body, and the footer buttons. It is
// a form, so Enter continues from any field; Escape is the host dialog's. Each new step moves the
// focus to its first field (or the field marked data-autofocus), also when that field appears
// only after data has loaded, so the keyboard never gets lost.
import { useEffect, useId, useRef, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { StepIndicator } from './StepIndicator';

export interface WizardFrameProps {
  title: string;
  steps: readonly string[];
  /** 0-based */
  step: number;
  onCancel(): void;
  onBack?: () => void;
  /** Without it there is no Continue button (a final step, or nothing to offer). */
  onContinue?: () => void;
  continueLabel?: string;
  canContinue?: boolean;
  busy?: boolean;
  /** "Cancel" before anything was done, "Done" once it is. */
  cancelLabel?: string;
  /** More buttons in the footer, before Continue. */
  extra?: ReactNode;
  children: ReactNode;
}

const FOCUSABLE =
  'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex="0"]';

function focusTarget(body: HTMLElement): HTMLElement | null {
  return body.querySelector<HTMLElement>('[data-autofocus]') ?? body.querySelector<HTMLElement>(FOCUSABLE);
}

export function WizardFrame(p: WizardFrameProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const body = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const root = body.current;
    if (!root) return;
    // Runs after the host dialog's own focus handling (parent effects run after ours).
    const timer = window.setTimeout(() => (focusTarget(root) ?? heading.current)?.focus(), 0);
    // A field that appears later (after loading) takes the focus, unless the user moved it.
    const observer = new MutationObserver(() => {
      const target = focusTarget(root);
      const active = document.activeElement;
      const idle = !active || active === document.body || active === heading.current || active.tagName === 'DIALOG';
      if (target && idle) {
        target.focus();
        observer.disconnect();
      }
    });
    observer.observe(root, { childList: true, subtree: true });
    const stop = window.setTimeout(() => observer.disconnect(), 5_000);
    return () => {
      window.clearTimeout(timer);
      window.clearTimeout(stop);
      observer.disconnect();
    };
  }, [p.step, p.title]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (p.onContinue && p.canContinue !== false && !p.busy) p.onContinue();
  };

  // Enter continues from selects, checkboxes and radios too (browsers submit only from text fields);
  // in a textarea only where the field asks for it (the code fields: a code needs no typed line breaks).
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
    const el = e.target as HTMLElement;
    if (el instanceof HTMLButtonElement || el instanceof HTMLAnchorElement) return;
    if (el instanceof HTMLTextAreaElement && !el.dataset.enterContinues) return;
    e.preventDefault();
    e.currentTarget.requestSubmit();
  };

  return (
    <form
      className="wizard"
      aria-labelledby={titleId}
      aria-busy={p.busy || undefined}
      onSubmit={submit}
      onKeyDown={onKeyDown}
      noValidate
    >
      <h2 id={titleId} ref={heading} tabIndex={-1} className="wizard-title">
        {p.title}
      </h2>
      <StepIndicator steps={p.steps} current={p.step} />
      <div className="wizard-body" ref={body}>
        {p.children}
      </div>
      <div className="wizard-actions">
        <button type="button" className="secondary" onClick={p.onCancel}>
          {p.cancelLabel ?? t('wizard.common.cancel')}
        </button>
        <span className="wizard-actions-spacer" />
        {p.onBack && (
          <button type="button" className="secondary" onClick={p.onBack} disabled={p.busy}>
            {t('wizard.common.back')}
          </button>
        )}
        {p.extra}
        {p.onContinue && (
          <button type="submit" className="primary" disabled={p.busy || p.canContinue === false}>
            {p.busy ? t('wizard.common.working') : (p.continueLabel ?? t('wizard.common.continue'))}
          </button>
        )}
      </div>
    </form>
  );
}
