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
    description: 'devSignIn is true where POST /api/dev/tokens exists.',
  })
  @ApiOkResponse({
    description: 'The settings.',
    schema: { type: 'object', properties: { devSignIn: { type: 'boolean' } }, required: ['devSignIn'] },
  })
  settings() {
    return { devSignIn: devSignInEnabled(this.config) };
  }
}
