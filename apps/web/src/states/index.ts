export { stateName, useStateName, useStateOptions, useStates } from './queries';
export { statesAdminRoutes } from './routes';
export { StatePage } from './StatePage';
