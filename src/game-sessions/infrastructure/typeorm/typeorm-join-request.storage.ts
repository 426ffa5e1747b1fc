import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TransactionScope } from '../../../database/transaction-scope';
import { JoinRequestStorage } from '../../application/join-request-storage.port';
import { JoinRequestPending } from '../../domain/game-session.errors';
import type { InvitedType } from '../../domain/invitation';
import type { JoinRequest } from '../../domain/join-request';
import * as SQL from './join-request.sql';

const toDomain = (row: SQL.JoinRequestRow): JoinRequest => ({ ...row, type: row.type as InvitedType });

@Injectable()
export class TypeOrmJoinRequestStorage extends JoinRequestStorage {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionScope = new TransactionScope(dataSource),
  ) {
    super();
  }

  async add(r: JoinRequest): Promise<void> {
    const inserted = await this.transactions.run((manager) =>
      manager.query(SQL.INSERT_JOIN_REQUEST, [r.sessionId, r.userId, r.displayName, r.type, r.requestedAt]),
    );
    if ((inserted as unknown[]).length === 0) throw new JoinRequestPending();
  }

  async listBySession(sessionId: string): Promise<JoinRequest[]> {
    return ((await this.dataSource.manager.query(SQL.JOIN_REQUESTS_OF_SESSION, [sessionId])) as SQL.JoinRequestRow[]).map(toDomain);
  }

  take(sessionId: string, userId: string): Promise<JoinRequest | null> {
    return this.transactions.run(async (manager) => {
      // A DELETE … RETURNING through TypeORM answers [rows, count].
      const [rows] = (await manager.query(SQL.TAKE_JOIN_REQUEST, [sessionId, userId])) as [SQL.JoinRequestRow[], number];
      return rows[0] ? toDomain(rows[0]) : null;
    });
  }
}
