import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { AppConfig } from '../config/app-config';
import { DevTokenIssuer } from './dev-token-issuer';
import { DevTokensController } from './dev-tokens.controller';

/**
 * `POST /api/dev/tokens`: anyone may sign in as anyone, so the module is imported only outside
 * production and only where the server itself holds the signing secret (not an identity provider's keys).
 */
@Module({
  imports: [AuthModule],
  controllers: [DevTokensController],
  providers: [DevTokenIssuer],
})
export class DevTokensModule {
  static isEnabled(config: AppConfig): boolean {
    return !config.production && !config.jwtJwksUrl && config.jwtSecret !== '';
  }
}
