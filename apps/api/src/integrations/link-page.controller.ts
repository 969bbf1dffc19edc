import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/principal.decorator';
import { LINK_PAGE_SCRIPT } from './link-page';

/** Serves the link page's script (the Content-Security-Policy allows scripts from this origin only). */
@ApiExcludeController()
@Controller('integrations/link-page.js')
export class LinkPageController {
  @Get()
  @Public()
  @Header('content-type', 'text/javascript; charset=utf-8')
  script() {
    return LINK_PAGE_SCRIPT;
  }
}
