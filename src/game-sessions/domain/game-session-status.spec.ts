import { ALL_MOVES, ALL_STATUSES, isAllowedMove } from '../../../test/support/status-moves';
import { GameSessionStatus, canMoveStatus, isFinalStatus } from './game-session-status';

describe('GameSessionStatus', () => {
  // The expectation comes from the hand-written list of allowed moves, so every one of the 36 pairs is checked.
  it.each(ALL_MOVES.map(([from, to]) => [from, to, isAllowedMove([from, to])] as const))(
    'canMoveStatus(%s, %s) is %s',
    (from, to, allowed) => {
      expect(canMoveStatus(from, to)).toBe(allowed);
    },
  );

  it.each(ALL_STATUSES.map((s) => [s, s === GameSessionStatus.Finished || s === GameSessionStatus.Cancelled] as const))(
    'isFinalStatus(%s) is %s',
    (status, final) => {
      expect(isFinalStatus(status)).toBe(final);
    },
  );

  it('the table covers every status there is', () => {
    expect([...ALL_STATUSES].sort()).toEqual(Object.values(GameSessionStatus).sort());
  });
});
