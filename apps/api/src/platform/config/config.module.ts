import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '@coop/config';
import { APP_CONFIG } from './config.token';

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: Object.freeze({ ...config }) }],
      exports: [APP_CONFIG],
    };
  }
}
