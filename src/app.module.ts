import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AuthModule } from './auth/auth.module';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { GameSessionsModule } from './game-sessions/game-sessions.module';
import { RequestValidationPipe } from './common/request-validation';
import { HealthModule } from './health/health.module';

@Module({
  imports: [ConfigModule, DatabaseModule, AuthModule, HealthModule, GameSessionsModule],
  providers: [
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    { provide: APP_PIPE, useClass: RequestValidationPipe },
  ],
})
export class AppModule {}
