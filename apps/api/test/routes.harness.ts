import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import { API_PREFIX } from '../src/app.factory';
import type { TestApp } from './app.harness';

/** One registered route, read from Nest's own metadata, so new routes are found by themselves. */
export interface DiscoveredRoute {
  method: RequestMethod;
  /** e.g. /api/v1/users/:id/status */
  path: string;
  controller: abstract new (...args: never[]) => object;
  handlerName: string;
  handler: (...args: unknown[]) => unknown;
  /** Whether the handler takes a @Body(). */
  readsBody: boolean;
}

const join = (...parts: string[]) =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')}`;

const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : [typeof value === 'string' ? value : '/'];

export function discoverRoutes(t: TestApp): DiscoveredRoute[] {
  const discovery = new DiscoveryService(t.app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const routes: DiscoveredRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as DiscoveredRoute['controller'] | null;
    if (!controller || !wrapper.instance) continue;
    const prototype = controller.prototype as Record<string, unknown>;
    for (const handlerName of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[handlerName];
      if (typeof handler !== 'function') continue;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined) continue;
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handlerName) ??
        {}) as Record<string, unknown>;
      const readsBody = Object.keys(args).some(
        (key) => key.split(':')[0] === String(RouteParamtypes.BODY),
      );
      for (const base of asList(Reflect.getMetadata(PATH_METADATA, controller))) {
        for (const sub of asList(Reflect.getMetadata(PATH_METADATA, handler))) {
          routes.push({
            method,
            path: join(API_PREFIX, base, sub),
            controller,
            handlerName,
            handler: handler as DiscoveredRoute['handler'],
            readsBody,
          });
        }
      }
    }
  }
  return routes;
}
