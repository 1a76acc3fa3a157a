export { WholeNumberPipe } from './whole-number.pipe';
