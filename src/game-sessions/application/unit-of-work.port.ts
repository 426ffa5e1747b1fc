/**
 * One transaction around work that spans storages (an invitation's use and the seat it gives):
 * everything `work` writes commits together or not at all, and events go out after the commit.
 */
export abstract class UnitOfWork {
  abstract run<T>(work: () => Promise<T>): Promise<T>;
}
