import {
  Injectable,
  Module,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { APP_INTERCEPTOR, Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { tap, type Observable } from 'rxjs';
import { z } from 'zod';
import { RESPONSE_BODIES, type ResponseBodies } from '../src/platform/openapi/returns.decorator';

/** Answers that differ from their documented schema, reported when the test app closes. */
export class Mismatches {
  readonly found: string[] = [];
}

/**
 * Checks every JSON answer a handler returns against the schema its `@Returns` documents, so
 * each HTTP test also checks the OpenAPI document against what the routes really send.
 */
@Injectable()
class ConformanceInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly mismatches: Mismatches,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const bodies = this.reflector.get<ResponseBodies | undefined>(
      RESPONSE_BODIES,
      context.getHandler(),
    );
    return next.handle().pipe(
      tap((value) => {
        // A handler that writes its own body returns nothing to check here.
        if (!bodies || value === undefined) return;
        const http = context.switchToHttp();
        const { statusCode } = http.getResponse<FastifyReply>();
        const schema = (bodies[String(statusCode)] ?? bodies.success)['application/json'];
        if (!schema) return;
        const sent: unknown = JSON.parse(JSON.stringify(value));
        const result = schema.safeParse(sent);
        if (!result.success) {
          const req = http.getRequest<FastifyRequest>();
          this.mismatches.found.push(
            `${req.method} ${req.routeOptions.url}: ${z.prettifyError(result.error)}`,
          );
        }
      }),
    );
  }
}

export function conformanceModule(mismatches: Mismatches) {
  @Module({
    providers: [
      { provide: Mismatches, useValue: mismatches },
      { provide: APP_INTERCEPTOR, useClass: ConformanceInterceptor },
    ],
  })
  class ResponseConformanceModule {}
  return ResponseConformanceModule;
}
