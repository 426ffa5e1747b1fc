import { type FormEvent, useState } from 'react';
import { PlayerType } from '../../../src/game-sessions/domain/player-type';
import type { RosterApi } from '../api/roster-api';
import { ErrorMessage } from '../components/error-message';
import { useRequest } from '../components/use-request';
import { UserIdField } from '../components/user-id-field';

/** Every type but the Master: a session has one, its Game Master. */
export const SEATABLE_TYPES = [PlayerType.Player, PlayerType.Assistant, PlayerType.Guest];

/** The Game Master seats a user. The roster shows them when the live feed says they joined. */
export function AddParticipantForm({ api, sessionId }: { api: RosterApi; sessionId: string }) {
  const request = useRequest();
  const [userId, setUserId] = useState('');
  const [type, setType] = useState(PlayerType.Player);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (await request.run(() => api.addParticipant(sessionId, userId.trim(), type))) setUserId('');
  }

  return (
    <form className="panel" aria-labelledby="add-participant" onSubmit={submit}>
      <h2 id="add-participant">Add a participant</h2>
      <div className="field-row">
        <UserIdField value={userId} onChange={setUserId} placeholder="22222222-2222-4222-8222-222222222222" className="field grow" />
        <label className="field">
          Type
          <select value={type} onChange={(event) => setType(event.target.value as PlayerType)}>
            {SEATABLE_TYPES.map((option) => (
              <option key={option}>{option}</option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={request.pending}>
          Add participant
        </button>
      </div>
      <ErrorMessage>{request.error}</ErrorMessage>
    </form>
  );
}
