export { StatesModule } from './states.module';
export { StatesService } from './states.service';
export { StateCodePipe } from './state-code.pipe';
