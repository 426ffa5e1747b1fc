import { InvalidRemovalTerms } from './game-session.errors';
import type { Ban } from './game-session.events';

export const NOTE_MAX_LENGTH = 512;

/** What comes with a removal or a leave: a note for the table, and for a removal a ban. */
export interface RemovalTerms {
  readonly note: string | null;
  readonly ban: Ban | null;
}

export const NO_TERMS: RemovalTerms = Object.freeze({ note: null, ban: null });

/**
 * The note (1–512 characters after trimming) and ban (until a future instant, or null: until lifted)
 * as the rules accept them. A participant leaving may say why, but bans nobody.
 */
export function removalTerms(given: { note?: string; ban?: Ban }, leaving: boolean, now: Date): RemovalTerms {
  const note = given.note === undefined ? null : given.note.trim();
  if (note !== null && (note.length === 0 || [...note].length > NOTE_MAX_LENGTH)) {
    throw new InvalidRemovalTerms(`note must be 1 to ${NOTE_MAX_LENGTH} characters after trimming`);
  }
  const ban = given.ban ?? null;
  if (ban && leaving) throw new InvalidRemovalTerms('ban: a participant leaving cannot be banned; only the Game Master bans, by removing');
  if (ban?.until && ban.until <= now) throw new InvalidRemovalTerms('ban.until must be in the future');
  return { note, ban: ban && { until: ban.until } };
}
