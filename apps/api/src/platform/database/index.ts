export { DatabaseModule, ENTITIES_GLOB } from './database.module';
