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
  @ApiOperation({ summary: 'What the console offers here: devSignIn is true where POST /api/dev/tokens exists.' })
  @ApiOkResponse({ schema: { example: { devSignIn: true } } })
  settings() {
    return { devSignIn: devSignInEnabled(this.config) };
  }
}
