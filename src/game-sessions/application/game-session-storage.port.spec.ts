import { describeGameSessionStorage } from '../../../test/support/game-session-storage.contract';
import { InMemoryGameSessionStorage } from '../../../test/support/in-memory-game-session.storage';

// The service tests run on this double: they can be trusted as far as it keeps the port's contract.
describeGameSessionStorage('InMemoryGameSessionStorage', async () => {
  const storage = new InMemoryGameSessionStorage();
  return {
    storage,
    projection: async (id) => {
      const state = (await storage.findById(id))?.state;
      if (!state) return null;
      const { status, players, formerSeats, ownerId, updatedAt, version } = state;
      return { status, players, formerSeats, ownerId, updatedAt, version };
    },
  };
});
