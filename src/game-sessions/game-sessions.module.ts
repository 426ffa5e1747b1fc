import { Module } from '@nestjs/common';
import { Clock, SystemClock } from './application/clock';
import { GameSessionEventPublisher } from './application/game-session-event-publisher.port';
import { GameSessionStorage } from './application/game-session-storage.port';
import { GameSessionsService } from './application/game-sessions.service';
import { InProcessEventPublisher } from './infrastructure/events/in-process-event-publisher';
import { TypeOrmGameSessionStorage } from './infrastructure/typeorm/typeorm-game-session.storage';
import { GameSessionsController } from './http/game-sessions.controller';

@Module({
  controllers: [GameSessionsController],
  providers: [
    GameSessionsService,
    InProcessEventPublisher,
    { provide: GameSessionEventPublisher, useExisting: InProcessEventPublisher },
    { provide: GameSessionStorage, useClass: TypeOrmGameSessionStorage },
    { provide: Clock, useClass: SystemClock },
  ],
})
export class GameSessionsModule {}
