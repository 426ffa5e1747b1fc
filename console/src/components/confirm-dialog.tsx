import { type ReactNode, useEffect, useId, useRef } from 'react';
import { ErrorMessage } from './error-message';

interface ConfirmDialogProps {
  readonly open: boolean;
  readonly title: string;
  readonly confirmLabel: string;
  readonly pending: boolean;
  readonly error: string | undefined;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  /** `danger` (the default) for what takes something away, `primary` for what only changes it. */
  readonly tone?: 'danger' | 'primary';
  readonly children: ReactNode;
}

/**
 * A real modal <dialog>: the page behind is inert, Escape cancels, and focus starts on Cancel, so
 * that a stray Enter never confirms. The browser gives focus back to what opened it on close.
 */
export function ConfirmDialog({ open, title, confirmLabel, pending, error, onConfirm, onCancel, tone = 'danger', children }: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      cancel.current?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="confirm"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      // Escape: ours to handle, and not while the request runs.
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onCancel();
      }}
      // The browser may close it on its own (a repeated Escape): keep the page's state in step.
      onClose={() => open && onCancel()}
    >
      <h2 id={titleId}>{title}</h2>
      <div id={bodyId}>{children}</div>
      <ErrorMessage>{error}</ErrorMessage>
      <div className="actions">
        <button ref={cancel} type="button" onClick={onCancel} disabled={pending}>
          Cancel
        </button>
        <button type="button" className={tone} onClick={onConfirm} disabled={pending}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
