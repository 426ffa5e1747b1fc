import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsUUID } from 'class-validator';

export class DevTokenRequest {
  @ApiProperty({ format: 'uuid', description: 'The user to sign in as.' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value))
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId!: string;
}
