import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { AuthModule } from './auth/auth.module';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { RateLimitGuard } from './common/rate-limit/rate-limit.guard';
import { RateLimitModule } from './common/rate-limit/rate-limit.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { devSignInEnabled } from './config/dev-sign-in';
import { ConsoleModule } from './console/console.module';
import { DatabaseModule } from './database/database.module';
import { DevTokensModule } from './dev-tokens/dev-tokens.module';
import { GameSessionsModule } from './game-sessions/game-sessions.module';
import { RequestValidationPipe } from './common/request-validation';
import { HealthModule } from './health/health.module';
import { LifecycleModule } from './lifecycle/lifecycle.module';
import { LoggingModule } from './logging/logging.module';

@Module({})
export class AppModule {
  /** The whole application for one configuration: the development token route exists only where it may. */
  static of(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.of(config),
        LoggingModule,
        LifecycleModule,
        DatabaseModule.forRoot(),
        RateLimitModule,
        AuthModule,
        HealthModule,
        GameSessionsModule,
        ConsoleModule,
        ...(devSignInEnabled(config) ? [DevTokensModule] : []),
      ],
      providers: [
        // In this order: the rate limit needs to know the caller.
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useClass: RequestValidationPipe },
      ],
    };
  }
}
