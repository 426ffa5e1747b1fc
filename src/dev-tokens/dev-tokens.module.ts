import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DevTokenIssuer } from './dev-token-issuer';
import { DevTokensController } from './dev-tokens.controller';

/** `POST /api/dev/tokens`, imported only where devSignInEnabled(config) says it may exist. */
@Module({
  imports: [AuthModule],
  controllers: [DevTokensController],
  providers: [DevTokenIssuer],
})
export class DevTokensModule {}
