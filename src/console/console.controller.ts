import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { AppConfig } from '../config/app-config';
import { devSignInEnabled } from '../config/dev-sign-in';

@ApiTags('console')
@Public()
@Controller('console')
export class ConsoleController {
  constructor(private readonly config: AppConfig) {}

  @Get('settings')
  @ApiOperation({
    operationId: 'getConsoleSettings',
    summary: 'What the console offers here',
    description: 'devSignIn is true where POST /api/dev/tokens exists; restoreWindowSeconds is how long a removal can be undone (RESTORE_WINDOW_SECONDS).',
  })
  @ApiOkResponse({
    description: 'The settings.',
    schema: {
      type: 'object',
      properties: { devSignIn: { type: 'boolean' }, restoreWindowSeconds: { type: 'integer', minimum: 1 } },
      required: ['devSignIn', 'restoreWindowSeconds'],
    },
  })
  settings() {
    return { devSignIn: devSignInEnabled(this.config), restoreWindowSeconds: this.config.restoreWindowSeconds };
  }
}
