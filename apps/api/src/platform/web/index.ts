export { webApp } from './web-app';
