import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal dialog on the browser's own <dialog>: showModal() keeps focus inside, Escape closes it, and focus returns to
 * the button that opened it. Mounted only while open; `onClose` runs however it closes.
 */
export function PactDialog({ id, title, onClose, children }: { id: string; title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      id={id}
      aria-labelledby={`${id}-title`}
      className="pact-dialog"
      // A close event that arrives once the dialog is open again (the effect re-run under StrictMode) is not the person's.
      onClose={() => {
        if (!ref.current?.open) onClose();
      }}
    >
      <h2 id={`${id}-title`} className="h4">
        {title}
      </h2>
      {children}
    </dialog>
  );
}

/** A question with a confirm and a cancel button, in a PactDialog (the moves of a version, starting an amendment). */
export function ConfirmDialog({ id, title, question, confirmLabel, cancelLabel, isBusy, error, onConfirm, onClose }: { id: string; title: string; question: string; confirmLabel: string; cancelLabel: string; isBusy: boolean; error?: ReactNode; onConfirm: () => void; onClose: () => void }) {
  return (
    <PactDialog id={id} title={title} onClose={onClose}>
      <p>{question}</p>
      {error}
      <div className="d-flex flex-wrap gap-2">
        <button type="button" className="btn btn-primary" disabled={isBusy} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={onClose} autoFocus>
          {cancelLabel}
        </button>
      </div>
    </PactDialog>
  );
}
