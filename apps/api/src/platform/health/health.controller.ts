import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Liveness, Readiness } from '@coop/contracts';
import { Access } from '../../access';
import { HealthService } from './health.service';

@ApiTags('platform')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('live')
  @Access.public()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live(): Liveness {
    return { status: 'ok' };
  }

  @Get('ready')
  @Access.public()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Readiness: the database answers and the schema is up to date' })
  ready(): Promise<Readiness> {
    return this.health.readiness();
  }
}
