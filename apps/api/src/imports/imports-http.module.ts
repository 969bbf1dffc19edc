import { Module } from '@nestjs/common';
import { ImportsController } from './imports.controller';
import { Imports } from './imports.service';

/** Imports at the HTTP edge: the file in, the report out; reading and planning live in @solmu/integrations. */
@Module({
  controllers: [ImportsController],
  providers: [Imports],
})
export class ImportsHttpModule {}
