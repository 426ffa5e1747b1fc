import type { RosterApi } from '../api/roster-api';
import { ErrorMessage } from '../components/error-message';
import { useLoaded } from '../components/use-loaded';
import { useRequest } from '../components/use-request';
import { UserId, formatTime } from './labels';

/** The waiting room: who asked to join through a link that needs approval; read again at every notice. */
export function JoinRequestsPanel({ api, sessionId, news }: { api: RosterApi; sessionId: string; news: number }) {
  const { value: requests = [], error: loadError } = useLoaded(() => api.listJoinRequests(sessionId), [api, sessionId, news]);
  const answer = useRequest();
  if (requests.length === 0 && !loadError) return null;
  return (
    <section className="panel" aria-labelledby="join-requests">
      <h2 id="join-requests">Waiting to join ({requests.length})</h2>
      <ErrorMessage>{loadError ?? answer.error}</ErrorMessage>
      <ul className="join-requests">
        {requests.map((request) => (
          <li key={request.userId}>
            <span>
              {request.displayName !== null && <strong className="display-name">{request.displayName} </strong>}
              <UserId id={request.userId} /> asks to join as {request.type}, since {formatTime(request.requestedAt)}
            </span>
            <span className="row-actions">
              <button
                type="button"
                className="primary"
                disabled={answer.pending}
                onClick={() => answer.run(() => api.answerJoinRequest(sessionId, request.userId, 'approve'))}
              >
                Let in
              </button>
              <button type="button" disabled={answer.pending} onClick={() => answer.run(() => api.answerJoinRequest(sessionId, request.userId, 'deny'))}>
                Decline
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
