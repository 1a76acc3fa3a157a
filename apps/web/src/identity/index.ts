export { InvitePage } from './auth/InvitePage';
export { SignInPage } from './auth/SignInPage';
export { AccountPage } from './me/AccountPage';
