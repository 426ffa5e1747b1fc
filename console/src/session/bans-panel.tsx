import type { RosterApi } from '../api/roster-api';
import { ErrorMessage } from '../components/error-message';
import { TableHead } from '../components/table-head';
import { useLoaded } from '../components/use-loaded';
import { useRequest } from '../components/use-request';
import { UserId, formatTime } from './labels';

/** The Game Master's bans in force, read again whenever the session changes; each can be lifted. */
export function BansPanel({ api, sessionId, version }: { api: RosterApi; sessionId: string; version: number }) {
  const { value: bans, error: loadError } = useLoaded(() => api.listBans(sessionId), [api, sessionId, version]);
  const lift = useRequest();
  if (!bans?.length && !loadError) return null;
  return (
    <section className="panel" aria-labelledby="bans">
      <h2 id="bans">Bans ({bans?.length ?? 0})</h2>
      <ErrorMessage>{loadError ?? lift.error}</ErrorMessage>
      {bans && (
        <table className="bans" aria-label="Bans">
          <TableHead columns={['Who', 'Until', 'Note', <span className="visually-hidden">Actions</span>]} />
          <tbody>
            {bans.map((ban) => (
              <tr key={ban.userId}>
                <td>
                  {ban.displayName !== null && <span className="display-name">{ban.displayName} </span>}
                  <UserId id={ban.userId} />
                </td>
                <td>{ban.until === null ? 'Until lifted' : formatTime(ban.until)}</td>
                <td>{ban.note ?? '—'}</td>
                <td className="row-actions">
                  <button type="button" disabled={lift.pending} onClick={() => lift.run(() => api.liftBan(sessionId, ban.userId))}>
                    Lift ban
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
