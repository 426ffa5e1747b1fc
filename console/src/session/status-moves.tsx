import { GameSessionStatus, canMoveStatus } from '../../../src/game-sessions/domain/game-session-status';
import type { RosterApi } from '../api/roster-api';
import type { GameSession } from '../api/roster-types';
import { ErrorMessage } from '../components/error-message';
import { useRequest } from '../components/use-request';
import { statusName } from './labels';

/** The Game Master's moves from the current status, as the domain allows them. */
export function StatusMoves({ api, session }: { api: RosterApi; session: GameSession }) {
  const request = useRequest();
  const moves = Object.values(GameSessionStatus).filter((to) => canMoveStatus(session.status, to));
  return (
    <section className="panel" aria-labelledby="status-moves">
      <h2 id="status-moves">Status</h2>
      <div className="button-row">
        {moves.map((to) => (
          <button
            key={to}
            type="button"
            className={to === GameSessionStatus.Finished || to === GameSessionStatus.Cancelled ? 'secondary' : 'primary'}
            disabled={request.pending}
            onClick={() => request.run(() => api.changeStatus(session.id, to))}
          >
            Move to {statusName(to)}
          </button>
        ))}
      </div>
      <ErrorMessage>{request.error}</ErrorMessage>
    </section>
  );
}
