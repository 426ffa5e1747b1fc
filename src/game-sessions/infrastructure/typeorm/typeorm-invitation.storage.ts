import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TransactionScope } from '../../../database/transaction-scope';
import { InvitationStorage } from '../../application/invitation-storage.port';
import { InviteNotFound } from '../../domain/game-session.errors';
import { Invitation, InvitedType } from '../../domain/invitation';
import * as SQL from './invitation.sql';

const toDomain = (row: SQL.InvitationRow): Invitation => Invitation.restore({ ...row, type: row.type as InvitedType });

@Injectable()
export class TypeOrmInvitationStorage extends InvitationStorage {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionScope = new TransactionScope(dataSource),
  ) {
    super();
  }

  async add(invitation: Invitation): Promise<void> {
    const i = invitation.state;
    await this.transactions.run((manager) =>
      manager.query(SQL.INSERT_INVITATION, [i.code, i.sessionId, i.type, i.maxUses, i.uses, i.expiresAt, i.approval, i.createdAt, i.createdBy, i.revokedAt]),
    );
  }

  async findByCode(code: string): Promise<Invitation | null> {
    const [row] = (await this.dataSource.manager.query(SQL.INVITATION, [code])) as SQL.InvitationRow[];
    return row ? toDomain(row) : null;
  }

  async listBySession(sessionId: string): Promise<Invitation[]> {
    return ((await this.dataSource.manager.query(SQL.INVITATIONS_OF_SESSION, [sessionId])) as SQL.InvitationRow[]).map(toDomain);
  }

  update(code: string, change: (invitation: Invitation) => void): Promise<Invitation> {
    return this.transactions.run(async (manager) => {
      const [row] = (await manager.query(SQL.LOCK_INVITATION, [code])) as SQL.InvitationRow[];
      if (!row) throw new InviteNotFound();
      const invitation = toDomain(row);
      change(invitation);
      const { uses, revokedAt } = invitation.state;
      await manager.query(SQL.UPDATE_INVITATION, [code, uses, revokedAt]);
      return invitation;
    });
  }
}
