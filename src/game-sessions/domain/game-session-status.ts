export enum GameSessionStatus {
  Draft = 'Draft',
  Scheduled = 'Scheduled',
  InProgress = 'InProgress',
  Paused = 'Paused',
  Finished = 'Finished',
  Cancelled = 'Cancelled',
}

const FINAL_STATUSES: ReadonlySet<GameSessionStatus> = new Set([
  GameSessionStatus.Finished,
  GameSessionStatus.Cancelled,
]);

/** Forward moves; any non-final status may also move to Finished or Cancelled. */
const FORWARD_MOVES: Readonly<Partial<Record<GameSessionStatus, readonly GameSessionStatus[]>>> = {
  [GameSessionStatus.Draft]: [GameSessionStatus.Scheduled],
  [GameSessionStatus.Scheduled]: [GameSessionStatus.InProgress],
  [GameSessionStatus.InProgress]: [GameSessionStatus.Paused],
  [GameSessionStatus.Paused]: [GameSessionStatus.InProgress],
};

export function isFinalStatus(status: GameSessionStatus): boolean {
  return FINAL_STATUSES.has(status);
}

export function canMoveStatus(from: GameSessionStatus, to: GameSessionStatus): boolean {
  if (isFinalStatus(from)) return false;
  return isFinalStatus(to) || (FORWARD_MOVES[from] ?? []).includes(to);
}
