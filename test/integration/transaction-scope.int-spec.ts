import { TransactionScope } from '../../src/database/transaction-scope';
import { TestDataSource, openTestDataSource } from '../support/test-data-source';

describe('TransactionScope on PostgreSQL', () => {
  let t: TestDataSource;
  let scope: TransactionScope;
  beforeAll(async () => {
    t = await openTestDataSource();
    scope = new TransactionScope(t.dataSource);
    await t.dataSource.query('CREATE TABLE notes (text varchar NOT NULL)');
  });
  afterAll(() => t.close());

  const notes = async () => (await t.dataSource.query('SELECT text FROM notes ORDER BY text')).map((r: { text: string }) => r.text);

  it('nested work joins the outer transaction, and after-commit actions wait for its commit', async () => {
    const seen: string[] = [];

    await scope.run(async (outer) => {
      await outer.query(`INSERT INTO notes VALUES ('outer')`);
      await scope.run(async (inner) => {
        await inner.query(`INSERT INTO notes VALUES ('inner')`);
        scope.afterCommit(() => seen.push(`committed: ${'inner'}`));
      });
      seen.push(`still open, others see: ${(await notes()).join(',') || 'nothing'}`);
    });

    expect(seen).toEqual(['still open, others see: nothing', 'committed: inner']);
    expect(await notes()).toEqual(['inner', 'outer']);
  });

  it('a failure anywhere rolls everything back and runs no after-commit action', async () => {
    await t.dataSource.query('DELETE FROM notes');
    const seen: string[] = [];

    await expect(
      scope.run(async (outer) => {
        await outer.query(`INSERT INTO notes VALUES ('outer')`);
        await scope.run(async (inner) => {
          await inner.query(`INSERT INTO notes VALUES ('inner')`);
          scope.afterCommit(() => seen.push('published'));
        });
        throw new Error('the response could not be stored');
      }),
    ).rejects.toThrow('the response could not be stored');

    expect(seen).toEqual([]);
    expect(await notes()).toEqual([]);
  });

  it('outside any transaction an after-commit action runs at once', () => {
    const seen: string[] = [];

    scope.afterCommit(() => seen.push('now'));

    expect(seen).toEqual(['now']);
  });
});
