/** The part a participant plays at the table. The Master is the Game Master: the session's owner. */
export enum PlayerType {
  Master = 'Master',
  Player = 'Player',
  Assistant = 'Assistant',
  Guest = 'Guest',
}
