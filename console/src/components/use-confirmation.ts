import { useState } from 'react';
import { useRequest } from './use-request';

export interface Confirmation<T> {
  /** What the open dialog asks about (a participant, a status); undefined while it is closed. */
  readonly subject: T | undefined;
  /** Opens the dialog about `subject`. */
  ask(subject: T): void;
  /** Runs the confirmed work; the dialog closes only when it succeeds, so that a refusal shows in it. */
  confirm(work: (subject: T) => Promise<unknown>): Promise<void>;
  /** The ConfirmDialog props that follow from the above: spread them onto it. */
  readonly dialog: { open: boolean; pending: boolean; error: string | undefined; onCancel: () => void };
}

/** The state behind one ConfirmDialog: what it asks about, and the request it confirms. */
export function useConfirmation<T>(): Confirmation<T> {
  const [subject, setSubject] = useState<T>();
  const request = useRequest();

  function close() {
    setSubject(undefined);
    request.clearError();
  }

  return {
    subject,
    ask: setSubject,
    confirm: async (work) => {
      if (subject !== undefined && (await request.run(() => work(subject)))) close();
    },
    dialog: { open: subject !== undefined, pending: request.pending, error: request.error, onCancel: close },
  };
}
