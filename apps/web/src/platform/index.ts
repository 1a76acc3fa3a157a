export {
  ApiProblem,
  apiCall,
  apiGet,
  apiHref,
  apiSend,
  setSignedOutListener,
  setStepUpHandler,
  StepUpCancelled,
  UnexpectedResponse,
  withQuery,
} from './api-client';
export { hasRole, markSignedOut, onSessionEnd, useMe, useSession, useSignedInUser } from './auth';
export {
  fieldErrors,
  useErrorMessage,
  useFieldMessage,
  zodFieldErrors,
  type FieldFailure,
} from './errors';
export { RequireRole, RequireSignedIn, safeReturnPath } from './guards';
export { useMutationFeedback } from './mutation-feedback';
export { FilterSelect } from './FilterSelect';
export { Page, Section } from './Page';
export { useSearchFilter } from './search-filters';
export { useDocumentTitle } from './use-document-title';
