import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Liveness, Readiness } from '@coop/contracts';
import { livenessSchema, readinessSchema } from '@coop/contracts';
import { Access } from '../access';
import { Returns } from '../openapi';
import { HealthService } from './health.service';

@ApiTags('platform')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('live')
  @Access.public()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @Returns(livenessSchema)
  live(): Liveness {
    return { status: 'ok' };
  }

  @Get('ready')
  @Access.public()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Readiness: the database answers and the schema is up to date' })
  @Returns(readinessSchema)
  ready(): Promise<Readiness> {
    return this.health.readiness();
  }
}
