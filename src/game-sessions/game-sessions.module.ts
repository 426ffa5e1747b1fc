import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { LiveConnections } from '../lifecycle/live-connections';
import { Clock, SystemClock } from './application/clock';
import { GameSessionEventPublisher } from './application/game-session-event-publisher.port';
import { GameSessionStorage } from './application/game-session-storage.port';
import { GameSessionsService } from './application/game-sessions.service';
import { InProcessEventPublisher } from './infrastructure/events/in-process-event-publisher';
import { GAME_SESSION_ORM_ENTITIES } from './infrastructure/typeorm';
import { TypeOrmGameSessionStorage } from './infrastructure/typeorm/typeorm-game-session.storage';
import { GameSessionsController } from './http/game-sessions.controller';
import { GameSessionsGateway } from './infrastructure/realtime/game-sessions.gateway';
import { LiveSessionFeeds } from './infrastructure/realtime/live-session-feeds';

@Module({
  imports: [AuthModule, TypeOrmModule.forFeature(GAME_SESSION_ORM_ENTITIES)],
  controllers: [GameSessionsController],
  providers: [
    GameSessionsService,
    InProcessEventPublisher,
    { provide: GameSessionEventPublisher, useExisting: InProcessEventPublisher },
    { provide: GameSessionStorage, useClass: TypeOrmGameSessionStorage },
    { provide: Clock, useClass: SystemClock },
    LiveSessionFeeds,
    GameSessionsGateway,
    { provide: LiveConnections, useExisting: GameSessionsGateway },
  ],
})
export class GameSessionsModule {}
