import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { APP_VERSION } from '../version';

export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Cooperation Platform API')
    .setDescription(
      'REST API of the secure cooperation platform. Every operation carries `x-access`, the rule ' +
        'that decides who may call it. Errors are RFC 9457 application/problem+json.',
    )
    .setVersion(APP_VERSION)
    .addCookieAuth('__Host-coop-session', { type: 'apiKey', in: 'cookie' }, 'session')
    .build();
  return cleanupOpenApiDoc(SwaggerModule.createDocument(app, config));
}

/** JSON at /api/docs/openapi.json and a browsable UI at /api/docs. */
export function mountOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, () => buildOpenApi(app), {
    jsonDocumentUrl: 'api/docs/openapi.json',
    yamlDocumentUrl: 'api/docs/openapi.yaml',
    raw: ['json', 'yaml'],
    ui: true,
    customSiteTitle: 'Cooperation Platform API',
  });
}
