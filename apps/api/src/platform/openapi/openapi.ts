import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { APP_VERSION } from '../config';
import { completeDocument } from './complete-document';

export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Cooperation Platform API')
    .setDescription(
      'REST API of the secure cooperation platform. Every operation carries `x-access`, the rule ' +
        'that decides who may call it; `x-step-up` marks those that also need a passkey ' +
        'confirmation within the last few minutes. Sign in with a passkey to get the `session` ' +
        'cookie; send the `csrf` header on every request that is not GET, HEAD or OPTIONS. ' +
        'Errors are RFC 9457 application/problem+json (`Problem`).',
    )
    .setVersion(APP_VERSION)
    .setOpenAPIVersion('3.1.0')
    .build();
  return completeDocument(cleanupOpenApiDoc(SwaggerModule.createDocument(app, config)));
}

/**
 * JSON at /api/docs/openapi.json, and with `explorer` a browsable UI at /api/docs. The UI is
 * third-party HTML that needs inline styles, on the origin that holds people's keys: production
 * leaves it off unless the operator turns it on.
 */
export function mountOpenApi(app: INestApplication, explorer: boolean): void {
  SwaggerModule.setup('api/docs', app, () => buildOpenApi(app), {
    jsonDocumentUrl: 'api/docs/openapi.json',
    yamlDocumentUrl: 'api/docs/openapi.yaml',
    raw: ['json', 'yaml'],
    ui: explorer,
    customSiteTitle: 'Cooperation Platform API',
  });
}
