import { Global, Module } from '@nestjs/common';
import { Drain } from './drain';
import { ShutdownState } from './shutdown-state';

@Global()
@Module({ providers: [ShutdownState, Drain], exports: [ShutdownState] })
export class LifecycleModule {}
