// Real passkey ceremonies against a running API, for benchmarks: enrols people through
// invitation links and signs them in, with the software authenticator the API tests use.
// Usage: node -r @swc-node/register bench/lib/passkey-client.ts <command> <json options>
//   enrol-admin {url, origin, link}            → prints {cookie}
//   sign-in-loop {url, origin, link, seconds, clients}
//     enrols the admin, who invites `clients` facilitators; each signs in again and again with
//     its own passkey, concurrently, for `seconds` → prints {count, seconds}
import {
  SoftAuthenticator,
  withoutPrfResults,
  type CreationOptionsInput,
  type RequestOptionsInput,
} from '@coop/testing';

interface Options {
  url: string;
  origin: string;
  link: string;
  seconds?: number;
  clients?: number;
}

async function post<T>(
  options: Options,
  path: string,
  body: unknown,
  cookie?: string,
): Promise<{ body: T; cookie?: string }> {
  const res = await fetch(`${options.url}/api/v1${path}`, {
    method: 'POST',
    headers: {
      Origin: options.origin,
      'X-Coop-Csrf': '1',
      'Content-Type': 'application/json',
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${text}`);
  return {
    body: (text ? JSON.parse(text) : undefined) as T,
    cookie: res.headers.get('set-cookie')?.split(';')[0],
  };
}

async function enrol(options: Options, authenticator: SoftAuthenticator): Promise<string> {
  const token = new URL(options.link).hash.slice(1);
  const { body: creation } = await post<CreationOptionsInput>(
    options,
    '/auth/registration/options',
    { token },
  );
  const response = withoutPrfResults(await authenticator.register(creation));
  const { cookie } = await post(options, '/auth/registration/verify', {
    token,
    passkeyName: 'bench',
    response,
  });
  if (!cookie) throw new Error('no session cookie after registration');
  return cookie;
}

async function signIn(options: Options, authenticator: SoftAuthenticator): Promise<void> {
  const { body: request } = await post<RequestOptionsInput>(options, '/auth/sign-in/options', {});
  const response = withoutPrfResults(await authenticator.authenticate(request));
  await post(options, '/auth/sign-in/verify', { response });
}

async function main(): Promise<void> {
  const [command, json] = process.argv.slice(2);
  const options = JSON.parse(json ?? '{}') as Options;
  const authenticator = new SoftAuthenticator({ origin: options.origin });
  const cookie = await enrol(options, authenticator);
  if (command === 'enrol-admin') {
    process.stdout.write(`${JSON.stringify({ cookie })}\n`);
    return;
  }
  if (command === 'sign-in-loop') {
    // One passkey per concurrent client: a shared one would see its counter arrive out of order.
    const people = await Promise.all(
      Array.from({ length: options.clients ?? 4 }, async (_, i) => {
        const invited = await post<{ link: string }>(
          options,
          '/invitations',
          {
            displayName: `Bench ${i}`,
            email: `bench${i}@example.org`,
            roles: ['facilitator'],
            stateCode: null,
          },
          cookie,
        );
        const person = new SoftAuthenticator({ origin: options.origin });
        await enrol({ ...options, link: invited.body.link }, person);
        return person;
      }),
    );
    const started = performance.now();
    const deadline = started + (options.seconds ?? 10) * 1000;
    let count = 0;
    await Promise.all(
      people.map(async (person) => {
        while (performance.now() < deadline) {
          await signIn(options, person);
          count += 1;
        }
      }),
    );
    process.stdout.write(
      `${JSON.stringify({ count, seconds: (performance.now() - started) / 1000 })}\n`,
    );
    return;
  }
  throw new Error(`unknown command ${command}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
