import { Module } from '@nestjs/common';
import { ConsoleController } from './console.controller';

/** The web console's settings route; its files are served by serveConsole (app.setup.ts). */
@Module({ controllers: [ConsoleController] })
export class ConsoleModule {}
