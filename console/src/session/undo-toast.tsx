import { useEffect } from 'react';
import { ErrorMessage } from '../components/error-message';
import { useRequest } from '../components/use-request';

interface UndoToastProps {
  /** Who was removed, as the page names them. */
  readonly who: string;
  /** How long the server lets the removal be undone. */
  readonly seconds: number;
  readonly onUndo: () => Promise<unknown>;
  readonly onDone: () => void;
}

/** After a removal, for as long as the server would undo it: "Removed X. Undo". */
export function UndoToast({ who, seconds, onUndo, onDone }: UndoToastProps) {
  const undo = useRequest();
  useEffect(() => {
    const timer = setTimeout(onDone, seconds * 1000);
    return () => clearTimeout(timer);
  }, [seconds, onDone]);
  return (
    <div className="toast" role="status">
      <span>Removed {who}.</span>
      <button type="button" disabled={undo.pending} onClick={async () => (await undo.run(onUndo)) && onDone()}>
        Undo
      </button>
      <button type="button" className="subtle" aria-label="Dismiss" onClick={onDone}>
        ×
      </button>
      <ErrorMessage>{undo.error}</ErrorMessage>
    </div>
  );
}
