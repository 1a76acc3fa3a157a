import { Controller, Get, Header, Inject, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { timingSafeEqual } from 'node:crypto';
import { Access } from '../access';
import { Returns, prometheusTextSchema } from '../openapi';
import { APP_CONFIG, type AppConfig } from '../config';
import { unauthenticated } from '../errors';
import { MetricsService } from './metrics.service';

@ApiTags('platform')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Access.public()
  @Header('Cache-Control', 'no-store')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({
    summary: 'Prometheus metrics',
    description:
      'Requires `Authorization: Bearer <METRICS_TOKEN>` when METRICS_TOKEN is set; without it, only loopback callers are answered.',
  })
  @Returns({ 'text/plain': prometheusTextSchema })
  async scrape(@Req() req: FastifyRequest): Promise<string> {
    const token = this.config.METRICS_TOKEN;
    const allowed = token
      ? sameSecret(req.headers.authorization ?? '', `Bearer ${token}`)
      : isLoopback(req.ip);
    if (!allowed) {
      throw unauthenticated('A valid metrics bearer token is required.');
    }
    return this.metrics.registry.metrics();
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const isLoopback = (ip: string | undefined) =>
  ip === '::1' || ip?.startsWith('127.') || ip?.startsWith('::ffff:127.') || false;
