export { stateName, useStateName, useStateOptions, useStates } from './queries';
export { StatePage } from './StatePage';
export { StatesPage } from './StatesPage';
