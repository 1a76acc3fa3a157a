import {
  SoftAuthenticator,
  withoutPrfResults,
  type CreationOptionsInput,
  type RequestOptionsInput,
} from '@coop/testing';
import { DocumentClient, type OpenApiDocument } from '../../../test/document-client';
import { startTestApp, type TestApp } from '../../../test/app.harness';
import { IDENTITY_ENV, TEST_ORIGIN, tokenOf } from '../../../test/identity.harness';
import { InvitationsService } from '../../identity';

interface Named {
  user: { id: string; roles: string[] };
}

/**
 * A third party's client, written from the OpenAPI document alone: header and cookie names come
 * from its security schemes, paths from its paths, and every answer must match its schemas.
 */
describe('a client built from the OpenAPI document alone', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  beforeAll(async () => {
    t = await startTestApp(IDENTITY_ENV);
    doc = (await (await fetch(`${t.url}/api/docs/openapi.json`)).json()) as OpenApiDocument;
  });
  afterAll(() => t.close());

  /** The CSRF scheme's description says which value to send. */
  const client = () => {
    const c = new DocumentClient(t.url, doc, TEST_ORIGIN);
    for (const [name, scheme] of Object.entries(doc.components.securitySchemes)) {
      const value = /`[\w-]+: (\w+)`/.exec(scheme.description ?? '')?.[1];
      if (scheme.in === 'header' && value) c.headerKeys.set(name, value);
    }
    return c;
  };

  it('enrols the bootstrap admin, signs in, steps up, lists users, invites someone and reads /me', async () => {
    // The bootstrap link is the operator's, out of band (`coop bootstrap`); the rest is HTTP.
    const { link } = await t.app.get(InvitationsService).bootstrap('Doc Admin', 'doc@example.org');
    const token = tokenOf(link);
    const authenticator = new SoftAuthenticator({ origin: TEST_ORIGIN });
    const api = client();

    const preview = await api.call('POST', '/api/v1/auth/invitation', { body: { token } });
    expect(preview.status).toBe(200);
    const creation = await api.call('POST', '/api/v1/auth/registration/options', {
      body: { token },
    });
    const registration = withoutPrfResults(
      await authenticator.register(creation.body as CreationOptionsInput),
    );
    const enrolled = await api.call('POST', '/api/v1/auth/registration/verify', {
      body: { token, passkeyName: 'Laptop', response: registration },
    });
    expect(enrolled.status).toBe(200);

    const browser = client();
    const request = await browser.call('POST', '/api/v1/auth/sign-in/options');
    const assertion = withoutPrfResults(
      await authenticator.authenticate(request.body as RequestOptionsInput),
    );
    const signedIn = await browser.call('POST', '/api/v1/auth/sign-in/verify', {
      body: { response: assertion },
    });
    expect(signedIn.status).toBe(200);
    expect((signedIn.body as Named).user.roles).toEqual(['registry_admin']);

    const users = await browser.call('GET', '/api/v1/users');
    expect(users.status).toBe(200);

    // The document marks inviting as needing a step-up, so the client confirms first.
    expect(browser.operation('POST', '/api/v1/invitations')['x-step-up']).toBe(true);
    const stepUp = await browser.call('POST', '/api/v1/auth/step-up/options');
    const confirmation = withoutPrfResults(
      await authenticator.authenticate(stepUp.body as RequestOptionsInput),
    );
    const confirmed = await browser.call('POST', '/api/v1/auth/step-up/verify', {
      body: { response: confirmation },
    });
    expect(confirmed.status).toBe(204);
    const invited = await browser.call('POST', '/api/v1/invitations', {
      body: {
        displayName: 'Ada Facilitator',
        email: 'ada@example.org',
        roles: ['facilitator'],
        stateCode: null,
        expiresInHours: 24,
      },
    });
    expect(invited.status).toBe(201);
    const listed = await browser.call('GET', '/api/v1/invitations');
    expect(listed.status).toBe(200);

    // Nobody has published keys yet: the document says `null`, and null is what arrives.
    const root = await browser.call('GET', '/api/v1/keys/root');
    expect(root.body).toBeNull();

    const me = await browser.call('GET', '/api/v1/me');
    expect(me.status).toBe(200);
    expect((me.body as Named).user.id).toBe((signedIn.body as Named).user.id);

    const member = await browser.call('GET', '/api/v1/users/{id}', {
      params: { id: (signedIn.body as Named).user.id },
    });
    expect(member.status).toBe(200);
  });

  it('is refused, with documented problem documents, when it leaves out what the document asks for', async () => {
    const bare = new DocumentClient(t.url, doc, TEST_ORIGIN);
    // No CSRF header: the scheme the document names for every state-changing operation.
    const forged = await bare.call('POST', '/api/v1/auth/sign-in/options');
    expect(forged.status).toBe(403);
    expect((forged.body as { type: string }).type).toBe('urn:coop:problem:csrf');
    // No session cookie.
    const anonymous = await bare.call('GET', '/api/v1/me');
    expect(anonymous.status).toBe(401);
    // A foreign origin, with the header.
    const foreign = new DocumentClient(t.url, doc, 'https://evil.example');
    foreign.headerKeys.set('csrf', '1');
    const refused = await foreign.call('POST', '/api/v1/auth/sign-in/options');
    expect(refused.status).toBe(403);
  });
});
