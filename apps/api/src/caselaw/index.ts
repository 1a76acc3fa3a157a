export { CaseLawModule } from './caselaw.module';
export { CaselawSearchService } from './search.service';
