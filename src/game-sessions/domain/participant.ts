import { PlayerType } from './player-type';

/** A user's seat at the table: who, in which part, since when. Immutable. */
export class Participant {
  private constructor(
    readonly userId: string,
    readonly type: PlayerType,
    readonly joinedAt: Date,
  ) {}

  static of(userId: string, type: PlayerType, joinedAt: Date): Participant {
    return new Participant(userId, type, joinedAt);
  }

  get isMaster(): boolean {
    return this.type === PlayerType.Master;
  }
}
