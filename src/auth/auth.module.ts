import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { JwtStrategy } from './jwt.strategy';
import { TokenKeys } from './token-keys';
import { TokenVerifier } from './token-verifier';

@Module({
  imports: [PassportModule],
  providers: [JwtStrategy, TokenKeys, TokenVerifier],
  exports: [TokenKeys, TokenVerifier],
})
export class AuthModule {}
