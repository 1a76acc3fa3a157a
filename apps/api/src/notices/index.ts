export { NoticesModule } from './notices.module';
export { NoticesService, type SigningIn } from './notices.service';
export { browserCookieOf, setBrowserCookie } from './browser';
