import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { BearerTokenStrategy } from './bearer-token.strategy';
import { PublicRoutes } from './public-routes';
import { TokenVerifier } from './token-verifier';

@Module({
  imports: [PassportModule],
  providers: [BearerTokenStrategy, TokenVerifier, PublicRoutes],
  exports: [TokenVerifier, PublicRoutes],
})
export class AuthModule {}
