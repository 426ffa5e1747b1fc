import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { JwtStrategy } from './jwt.strategy';
import { TokenVerifier } from './token-verifier';

@Module({
  imports: [PassportModule],
  providers: [JwtStrategy, TokenVerifier],
  exports: [TokenVerifier],
})
export class AuthModule {}
