import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@coop/database';
import { join } from 'node:path';
import type { AppConfig } from '../config';

/** Entities are found by file name, so features add tables without touching this module. */
export const ENTITIES_GLOB = join(__dirname, '..', '..', '**', '*.entity.{ts,js}');

@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig, url: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions({
            url,
            poolSize: config.DATABASE_POOL_SIZE,
            entities: [ENTITIES_GLOB],
          }),
          // Migrations run before, as the schema owner (see main.ts); this is the app's role.
          retryAttempts: 0,
        }),
      ],
    };
  }
}
