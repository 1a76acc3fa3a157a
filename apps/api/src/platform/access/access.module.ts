import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessPolicy } from './access-policy';
import { AccessGuard } from './access.guard';

/**
 * The global guard and the per-row AccessPolicy every feature registers its access queries with.
 * The composition root names the module that provides PRINCIPAL_SOURCE, so this layer never
 * imports a feature.
 */
@Module({})
export class AccessModule {
  static forRoot(principalSource: NonNullable<ModuleMetadata['imports']>[number]): DynamicModule {
    return {
      module: AccessModule,
      global: true,
      imports: [principalSource],
      providers: [{ provide: APP_GUARD, useClass: AccessGuard }, AccessPolicy],
      exports: [AccessPolicy],
    };
  }
}
