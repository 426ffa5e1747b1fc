/** The settings the rules of the table take from the configuration; a class, so that it is its own injection token. */
export class RosterSettings {
  constructor(readonly restoreWindowSeconds: number) {}
}
