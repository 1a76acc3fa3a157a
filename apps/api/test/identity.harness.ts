import {
  SoftAuthenticator,
  withoutPrfResults,
  type CreationOptionsInput,
  type RequestOptionsInput,
} from '@coop/testing';
import type { IssuedInvitation, Me, Role } from '@coop/contracts';
import { InvitationsService } from '../src/identity';
import type { TestApp } from './app.harness';

/** The origin the test apps are configured with (PUBLIC_ORIGIN) and that clients claim. */
export const TEST_ORIGIN = 'http://localhost:3000';
export const IDENTITY_ENV = { PUBLIC_ORIGIN: TEST_ORIGIN, AUTH_RATE_LIMIT_PER_MINUTE: '100000' };

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A browser-like API client: keeps its session cookie, sends the CSRF header and its Origin. */
export class ApiClient {
  cookie: string | undefined;

  constructor(
    readonly baseUrl: string,
    readonly origin = TEST_ORIGIN,
  ) {}

  async call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const res = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        Origin: this.origin,
        'X-Coop-Csrf': '1',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(this.cookie ? { Cookie: this.cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0];
      this.cookie = pair.endsWith('=') ? undefined : pair;
    }
    const text = await res.text();
    return {
      status: res.status,
      body: (text ? JSON.parse(text) : undefined) as T,
      headers: res.headers,
    };
  }

  get = <T = unknown>(path: string) => this.call<T>('GET', path);
  post = <T = unknown>(path: string, body: unknown = {}) => this.call<T>('POST', path, body);
  patch = <T = unknown>(path: string, body: unknown) => this.call<T>('PATCH', path, body);
  delete = <T = unknown>(path: string) => this.call<T>('DELETE', path);
}

export const tokenOf = (link: string): string => new URL(link).hash.slice(1);

export interface Person {
  client: ApiClient;
  authenticator: SoftAuthenticator;
  me: Me;
}

function expectStatus(reply: Reply, status: number, what: string): void {
  if (reply.status !== status)
    throw new Error(
      `${what}: expected ${status}, got ${reply.status} ${JSON.stringify(reply.body)}`,
    );
}

/** Redeems an invitation link with a new software passkey, as the web app does. */
export async function enrol(
  t: Pick<TestApp, 'url'>,
  link: string,
  authenticator = new SoftAuthenticator({ origin: TEST_ORIGIN }),
): Promise<Person> {
  const client = new ApiClient(t.url);
  const token = tokenOf(link);
  const options = await client.post<CreationOptionsInput>('/auth/registration/options', { token });
  expectStatus(options, 200, 'registration options');
  const response = withoutPrfResults(await authenticator.register(options.body));
  const verified = await client.post<Me>('/auth/registration/verify', {
    token,
    passkeyName: 'Test passkey',
    response,
  });
  expectStatus(verified, 200, 'registration');
  return { client, authenticator, me: verified.body };
}

export async function signIn(t: TestApp, authenticator: SoftAuthenticator): Promise<Person> {
  const client = new ApiClient(t.url);
  const options = await client.post<RequestOptionsInput>('/auth/sign-in/options');
  expectStatus(options, 200, 'sign-in options');
  const response = withoutPrfResults(await authenticator.authenticate(options.body));
  const verified = await client.post<Me>('/auth/sign-in/verify', { response });
  expectStatus(verified, 200, 'sign-in');
  return { client, authenticator, me: verified.body };
}

/** A fresh user-verified assertion, so the next sensitive action is allowed. */
export async function stepUp(person: Person): Promise<void> {
  const options = await person.client.post<RequestOptionsInput>('/auth/step-up/options');
  expectStatus(options, 200, 'step-up options');
  const response = withoutPrfResults(await person.authenticator.authenticate(options.body));
  expectStatus(await person.client.post('/auth/step-up/verify', { response }), 204, 'step-up');
}

/** The first Registry admin, enrolled through the bootstrap link. */
export async function bootstrapAdmin(
  t: TestApp,
  name = 'First Admin',
  email = 'first.admin@example.org',
): Promise<Person> {
  const { link } = await t.app.get(InvitationsService).bootstrap(name, email);
  return enrol(t, link);
}

let counter = 0;

/** Invites and enrols someone; focal points need a State. */
export async function invitePerson(
  t: TestApp,
  admin: Person,
  roles: Role[],
  stateCode: string | null = null,
): Promise<Person> {
  counter += 1;
  const issued = await admin.client.post<IssuedInvitation>('/invitations', {
    displayName: `Person ${counter}`,
    email: `person${counter}.${Date.now()}@example.org`,
    roles,
    stateCode,
  });
  expectStatus(issued, 201, 'invitation');
  return enrol(t, issued.body.link);
}
