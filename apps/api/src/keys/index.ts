export { KeysModule } from './keys.module';
export { KeysService } from './keys.service';
