import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { LiveConnections } from '../lifecycle/live-connections';
import { Clock, SystemClock } from './application/clock';
import { RosterSettings } from './application/roster-settings';
import { AppConfig } from '../config/app-config';
import { GameSessionEventPublisher } from './application/game-session-event-publisher.port';
import { GameSessionStorage } from './application/game-session-storage.port';
import { GameSessionsService } from './application/game-sessions.service';
import { InvitationStorage } from './application/invitation-storage.port';
import { InvitationsService } from './application/invitations.service';
import { UnitOfWork } from './application/unit-of-work.port';
import { TransactionScope } from '../database/transaction-scope';
import { InProcessEventPublisher } from './infrastructure/events/in-process-event-publisher';
import { GAME_SESSION_ORM_ENTITIES } from './infrastructure/typeorm';
import { TypeOrmGameSessionStorage } from './infrastructure/typeorm/typeorm-game-session.storage';
import { TypeOrmInvitationStorage } from './infrastructure/typeorm/typeorm-invitation.storage';
import { InvitationsController } from './http/invitations.controller';
import { JoinRequestsController } from './http/join-requests.controller';
import { JoinRequestNotices } from './application/join-request-notices.port';
import { JoinRequestStorage } from './application/join-request-storage.port';
import { JoinRequestsService } from './application/join-requests.service';
import { TypeOrmJoinRequestStorage } from './infrastructure/typeorm/typeorm-join-request.storage';
import { LiveJoinRequestNotices } from './infrastructure/realtime/live-join-request-notices';
import { GameSessionsController } from './http/game-sessions.controller';
import { RemovalLifecycleController } from './http/removal-lifecycle.controller';
import { GameSessionsGateway } from './infrastructure/realtime/game-sessions.gateway';
import { LivePresence } from './infrastructure/realtime/live-presence';
import { LiveSessionFeeds } from './infrastructure/realtime/live-session-feeds';

@Module({
  imports: [AuthModule, TypeOrmModule.forFeature(GAME_SESSION_ORM_ENTITIES)],
  controllers: [GameSessionsController, RemovalLifecycleController, InvitationsController, JoinRequestsController],
  providers: [
    GameSessionsService,
    InProcessEventPublisher,
    { provide: GameSessionEventPublisher, useExisting: InProcessEventPublisher },
    { provide: GameSessionStorage, useClass: TypeOrmGameSessionStorage },
    InvitationsService,
    { provide: InvitationStorage, useClass: TypeOrmInvitationStorage },
    { provide: UnitOfWork, useExisting: TransactionScope },
    JoinRequestsService,
    { provide: JoinRequestStorage, useClass: TypeOrmJoinRequestStorage },
    LiveJoinRequestNotices,
    { provide: JoinRequestNotices, useExisting: LiveJoinRequestNotices },
    { provide: Clock, useClass: SystemClock },
    { provide: RosterSettings, inject: [AppConfig], useFactory: (config: AppConfig) => new RosterSettings(config.restoreWindowSeconds) },
    LivePresence,
    LiveSessionFeeds,
    GameSessionsGateway,
    { provide: LiveConnections, useExisting: GameSessionsGateway },
  ],
})
export class GameSessionsModule {}
