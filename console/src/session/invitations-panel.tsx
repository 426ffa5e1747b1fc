import { type FormEvent, useState } from 'react';
import type { InvitationView } from '../../../src/contract';
import { PlayerType } from '../../../src/game-sessions/domain/player-type';
import type { RosterApi } from '../api/roster-api';
import { ErrorMessage } from '../components/error-message';
import { useLoaded } from '../components/use-loaded';
import { useRequest } from '../components/use-request';
import { SEATABLE_TYPES } from './add-participant-form';
import { formatTime } from './labels';

const LIFETIMES = [
  { label: '1 hour', seconds: 3600 },
  { label: '1 day', seconds: 86_400 },
  { label: '7 days', seconds: 604_800 },
  { label: '30 days', seconds: 2_592_000 },
] as const;

/** The full link to send: the console's own page for the code. */
export const invitationLink = (invitation: InvitationView): string => `${window.location.origin}${invitation.path}`;

/**
 * The Game Master's invitation links: made with a seat type, a number of uses, a lifetime and
 * whether they must approve; each listed with its uses, copied in one click, revoked in one more.
 * Read again whenever `freshness` changes (the session's version, the join-request news): uses grow.
 */
export function InvitationsPanel({ api, sessionId, freshness }: { api: RosterApi; sessionId: string; freshness: string }) {
  const [reads, setReads] = useState(0);
  const { value: invitations = [], error: loadError } = useLoaded(() => api.listInvitations(sessionId), [api, sessionId, freshness, reads]);
  const [type, setType] = useState(PlayerType.Player);
  const [maxUses, setMaxUses] = useState('');
  const [lifetime, setLifetime] = useState<number>(LIFETIMES[2].seconds);
  const [approval, setApproval] = useState(false);
  const [copied, setCopied] = useState<string>();
  const create = useRequest();
  const revoke = useRequest();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const uses = maxUses.trim() === '' ? undefined : Number(maxUses);
    const asked = { type, expiresInSeconds: lifetime, approval, ...(uses !== undefined && { maxUses: uses }) };
    if (await create.run(() => api.createInvitation(sessionId, asked))) setReads((n) => n + 1);
  }

  async function copy(invitation: InvitationView) {
    await navigator.clipboard?.writeText(invitationLink(invitation)).catch(() => undefined);
    setCopied(invitation.code);
  }

  return (
    <section className="panel" aria-labelledby="invitations">
      <h2 id="invitations">Invitation links</h2>
      <form className="field-row" onSubmit={submit} aria-label="New invitation link">
        <label className="field">
          Seat as
          <select value={type} onChange={(event) => setType(event.target.value as PlayerType)}>
            {SEATABLE_TYPES.map((option) => (
              <option key={option}>{option}</option>
            ))}
          </select>
        </label>
        <label className="field">
          Uses
          <input type="number" min={1} max={1000} placeholder="unlimited" value={maxUses} onChange={(event) => setMaxUses(event.target.value)} />
        </label>
        <label className="field">
          Valid for
          <select value={lifetime} onChange={(event) => setLifetime(Number(event.target.value))}>
            {LIFETIMES.map((option) => (
              <option key={option.seconds} value={option.seconds}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field checkbox">
          <input type="checkbox" checked={approval} onChange={(event) => setApproval(event.target.checked)} /> I approve each joiner
        </label>
        <button type="submit" className="primary" disabled={create.pending}>
          Create link
        </button>
      </form>
      <ErrorMessage>{loadError ?? create.error ?? revoke.error}</ErrorMessage>
      {invitations.length > 0 && (
        <ul className="invitations" aria-label="Live invitation links">
          {invitations.map((invitation) => (
            <li key={invitation.code}>
              <code className="link">{invitationLink(invitation)}</code>
              <span className="muted">
                {invitation.type}, {invitation.uses} of {invitation.maxUses ?? 'unlimited'} uses, until {formatTime(invitation.expiresAt)}
                {invitation.approval && ', you approve each joiner'}
              </span>
              <span className="row-actions">
                <button type="button" onClick={() => copy(invitation)}>
                  {copied === invitation.code ? 'Copied' : 'Copy link'}
                </button>
                <button
                  type="button"
                  className="danger subtle"
                  disabled={revoke.pending}
                  onClick={async () => (await revoke.run(() => api.revokeInvitation(sessionId, invitation.code))) && setReads((n) => n + 1)}
                >
                  Revoke
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
