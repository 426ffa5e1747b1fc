// Types only, like the rest of the wire contract.
import type { RuleCode } from '../game-sessions/domain/game-session.errors';
import type { GameSessionView } from './session-views';

/** What became of one person of a bulk removal: removed, would be (dry run), or the code of the rule that kept them seated. */
export interface RemovalResult {
  readonly userId: string;
  readonly outcome: 'removed' | 'would-remove' | RuleCode;
}

/** A bulk removal's answer: a result per person in the order asked, and the session after it. */
export interface RemovalsView {
  readonly results: readonly RemovalResult[];
  readonly session: GameSessionView;
}

/** A ban in force, as its Game Master lists it; instants are ISO 8601 text (UTC). */
export interface BanEntryView {
  readonly userId: string;
  readonly displayName: string | null;
  /** null: until lifted. */
  readonly until: string | null;
  readonly note: string | null;
  readonly bannedBy: string;
  readonly bannedAt: string;
}

export interface BanList {
  readonly items: readonly BanEntryView[];
}
