// An accessible modal dialog on the native <dialog> (showModal makes the rest of the page inert):
// labelled by its title, focus moves in on open and back to where it was on close, Tab cycles
// inside, Escape closes (through onClose, so the store stays the one truth about what is open).
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ModalProps {
  title: ReactNode;
  onClose(): void;
  children: ReactNode;
  /** Wider layout for wizards and tables. */
  wide?: boolean;
  /** Extra class for styling. */
  className?: string;
  /** The content brings its own visible heading (the wizards): the title only labels the dialog. */
  hideTitle?: boolean;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function Modal({ title, onClose, children, wide, className, hideTitle }: ModalProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const dialog = ref.current!;
    const before = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    // The first field, else the first control after the close button (autoFocus wins when set).
    const auto = dialog.querySelector<HTMLElement>('[autofocus], [data-autofocus]');
    const first = auto ?? dialog.querySelector('.modal-body')?.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? dialog).focus();
    return () => {
      dialog.close();
      before?.focus?.();
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close.current();
      return;
    }
    if (e.key !== 'Tab') return;
    const items = Array.from(e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
      (el) => el.offsetParent !== null,
    );
    const first = items[0];
    const last = items.at(-1);
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      className={`modal${wide ? ' modal-wide' : ''}${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      aria-modal="true"
      onKeyDown={onKeyDown}
      // The native cancel (Escape) would close the element behind React's back.
      onCancel={(e) => {
        e.preventDefault();
        close.current();
      }}
    >
      <header className={`modal-header${hideTitle ? ' floating' : ''}`}>
        <h2 id={titleId} className={hideTitle ? 'visually-hidden' : undefined}>
          {title}
        </h2>
        <button type="button" className="icon-button" aria-label={t('common.close')} onClick={() => close.current()}>
          ×
        </button>
      </header>
      <div className="modal-body">{children}</div>
    </dialog>
  );
}
