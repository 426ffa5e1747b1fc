import { GameSessionStatus, canMoveStatus, isFinalStatus } from '../../../src/game-sessions/domain/game-session-status';
import type { RosterApi } from '../api/roster-api';
import type { GameSessionView } from '../../../src/contract';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ErrorMessage } from '../components/error-message';
import { useConfirmation } from '../components/use-confirmation';
import { useRequest } from '../components/use-request';
import { statusName } from './labels';

/**
 * The Game Master's moves from the current status, as the domain allows them. Finished and
 * Cancelled cannot be undone (the roster freezes), so they ask first; the others take one click.
 */
export function StatusMoves({ api, session }: { api: RosterApi; session: GameSessionView }) {
  const request = useRequest();
  const finalMove = useConfirmation<GameSessionStatus>();
  const moves = Object.values(GameSessionStatus).filter((to) => canMoveStatus(session.status, to));
  const move = (to: GameSessionStatus) =>
    isFinalStatus(to) ? finalMove.ask(to) : void request.run(() => api.changeStatus(session.id, to));
  const label = finalMove.subject && `Move to ${statusName(finalMove.subject)}`;
  return (
    <>
      {moves.length > 0 && (
        <section className="panel" aria-labelledby="status-moves">
          <h2 id="status-moves">Status</h2>
          <div className="button-row">
            {moves.map((to) => (
              <button
                key={to}
                type="button"
                className={isFinalStatus(to) ? 'secondary' : 'primary'}
                disabled={request.pending}
                onClick={() => move(to)}
              >
                Move to {statusName(to)}
              </button>
            ))}
          </div>
          <ErrorMessage>{request.error}</ErrorMessage>
        </section>
      )}
      {/* Outlives the panel: left open while the session was ended elsewhere, it lets the server refuse. */}
      <ConfirmDialog
        {...finalMove.dialog}
        title={label ?? ''}
        confirmLabel={label ?? ''}
        onConfirm={() => finalMove.confirm((to) => api.changeStatus(session.id, to))}
      >
        {finalMove.subject && (
          <p>
            Move “{session.title}” to <strong>{statusName(finalMove.subject)}</strong>? This cannot be undone: its roster will
            be frozen, so no one can be seated, removed or leave.
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
