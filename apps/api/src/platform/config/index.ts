export { loadConfig, ConfigError, type AppConfig } from '@coop/config';
export { APP_CONFIG } from './config.token';
export { ConfigModule } from './config.module';
export { APP_VERSION } from './version';
