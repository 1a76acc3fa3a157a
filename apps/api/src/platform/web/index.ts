export { webAppRouter } from './web-app';
