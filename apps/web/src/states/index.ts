export { stateName, useStateName, useStateOptions, useStates } from './queries';
