import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import { ConfigError, describeConfig, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      DATA_DIR: './.data',
      MIGRATIONS_RUN: true,
      PUBLIC_ORIGIN: 'http://localhost:3000',
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('names every bad variable and never echoes its value', () => {
    const attempt = () =>
      loadConfig({
        PORT: '70000',
        DATABASE_URL: 'mysql://u:hunter2@h/db',
        MIGRATIONS_RUN: 'maybe',
        PUBLIC_ORIGIN: 'https://x.org/path',
      });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'DATABASE_URL', 'MIGRATIONS_RUN', 'PUBLIC_ORIGIN'])
        expect(problems).toContain(name);
      expect(problems).not.toContain('hunter2');
    }
  });

  it('masks secrets when described', () => {
    const described = describeConfig(
      loadConfig({ DATABASE_URL: 'postgres://u:hunter2@h/db', METRICS_TOKEN: 'x'.repeat(40) }),
    );
    expect(JSON.stringify(described)).not.toContain('hunter2');
    expect(described.METRICS_TOKEN).toBe('***');
  });

  it('normalises origins the way browsers send them', () => {
    const config = loadConfig({
      PUBLIC_ORIGIN: 'https://coop.example.org:443/',
      WEBAUTHN_EXTRA_ORIGINS: 'https://a.example.org/, http://b.example.org:8080',
    });
    expect(config.PUBLIC_ORIGIN).toBe('https://coop.example.org');
    expect(config.WEBAUTHN_RP_ID).toBe('coop.example.org');
    expect(config.WEBAUTHN_EXTRA_ORIGINS).toEqual([
      'https://a.example.org',
      'http://b.example.org:8080',
    ]);
  });

  it('takes the schema owner apart from the application role, only for an external server', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://coop_app:a@h/coop',
      DATABASE_OWNER_URL: 'postgres://coop_owner:b@h/coop',
    });
    expect(config.DATABASE_OWNER_URL).toBe('postgres://coop_owner:b@h/coop');
    expect(describeConfig(config).DATABASE_OWNER_URL).toBe('***');
    expect(() => loadConfig({ DATABASE_OWNER_URL: 'postgres://coop_owner:b@h/coop' })).toThrow(
      /DATABASE_OWNER_URL: only used with DATABASE_URL/,
    );
    expect(() => loadConfig({ DATABASE_URL: 'postgres://a@h/c', DATABASE_OWNER_URL: 'h' })).toThrow(
      /DATABASE_OWNER_URL: must start with postgres:\/\//,
    );
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).PORT).toBe(3000);
  });
});

describe('hardened roles and attestation roots', () => {
  const AAGUID = 'cb69481e-8ff7-4039-93ec-0a2729a154a8';
  let dir: string;

  async function certificate(ca: boolean, notAfter = new Date(Date.now() + 86_400_000)) {
    const keys = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
      'sign',
      'verify',
    ]);
    const cert = await x509.X509CertificateGenerator.createSelfSigned({
      name: 'CN=Test Root, O=Test Vendor, C=SE',
      keys,
      signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
      extensions: [new x509.BasicConstraintsExtension(ca, undefined, true)],
      notBefore: new Date(Date.now() - 86_400_000),
      notAfter,
    });
    return cert.toString('pem');
  }

  const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
    try {
      loadConfig(env);
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    return [];
  };

  beforeAll(() => x509.cryptoProvider.set(webcrypto));
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'coop-roots-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads every certificate of the folder and lists them without their contents', async () => {
    writeFileSync(
      join(dir, 'vendor.pem'),
      `${await certificate(true)}\n${await certificate(true)}`,
    );
    writeFileSync(join(dir, 'README.txt'), 'not a certificate, and not read');
    const config = loadConfig({
      ATTESTATION_ROOTS_DIR: dir,
      HARDENED_ROLES: 'registry_admin',
      AAGUID_ALLOWLIST: AAGUID,
    });
    expect(config.ATTESTATION_ROOTS).toHaveLength(2);
    const described = describeConfig(config).ATTESTATION_ROOTS as string[];
    expect(described[0]).toMatch(/^vendor\.pem: CN=Test Root.*\(SHA-256 [0-9A-F:]{95}\)$/);
    expect(JSON.stringify(described)).not.toContain('BEGIN CERTIFICATE');
  });

  it('refuses a folder holding something other than valid CA certificates, naming the file', async () => {
    writeFileSync(join(dir, 'leaf.pem'), await certificate(false));
    writeFileSync(join(dir, 'old.pem'), await certificate(true, new Date(Date.now() - 1000)));
    writeFileSync(join(dir, 'junk.pem'), 'hello');
    expect(problemsOf({ ATTESTATION_ROOTS_DIR: dir })).toEqual([
      'ATTESTATION_ROOTS_DIR: junk.pem holds no PEM certificate',
      'ATTESTATION_ROOTS_DIR: leaf.pem is not a CA certificate (basicConstraints CA:FALSE)',
      expect.stringMatching(/^ATTESTATION_ROOTS_DIR: old\.pem expired on /),
    ]);
    expect(problemsOf({ ATTESTATION_ROOTS_DIR: join(dir, 'missing') })).toEqual([
      'ATTESTATION_ROOTS_DIR: cannot be read (missing, or no permission)',
    ]);
    rmSync(join(dir, 'junk.pem'));
    rmSync(join(dir, 'leaf.pem'));
    rmSync(join(dir, 'old.pem'));
    expect(problemsOf({ ATTESTATION_ROOTS_DIR: dir })).toEqual([
      'ATTESTATION_ROOTS_DIR: holds no *.pem certificate',
    ]);
  });

  it('refuses hardened roles without trust anchors: no attestation could then be verified', () => {
    expect(problemsOf({ HARDENED_ROLES: 'facilitator', AAGUID_ALLOWLIST: AAGUID })).toEqual([
      'ATTESTATION_ROOTS_DIR: must name a folder of vendor root certificates when HARDENED_ROLES is set',
    ]);
  });

  it('hardens Registry admins by default in production, and nowhere else', async () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      expect.stringMatching(/^AAGUID_ALLOWLIST: .*defaults to registry_admin in production/),
      expect.stringMatching(/^ATTESTATION_ROOTS_DIR: .*set HARDENED_ROLES= to opt out/),
    ]);
    writeFileSync(join(dir, 'vendor.pem'), await certificate(true));
    const production = loadConfig({
      NODE_ENV: 'production',
      ATTESTATION_ROOTS_DIR: dir,
      AAGUID_ALLOWLIST: AAGUID,
    });
    expect(production.HARDENED_ROLES).toEqual(['registry_admin']);
    expect(loadConfig({ NODE_ENV: 'production', HARDENED_ROLES: '' }).HARDENED_ROLES).toEqual([]);
    expect(loadConfig({}).HARDENED_ROLES).toEqual([]);
    expect(loadConfig({ NODE_ENV: 'test' }).HARDENED_ROLES).toEqual([]);
  });

  it('keeps the case-law second review on unless the operator turns it off', () => {
    expect(loadConfig({}).CASELAW_SECOND_REVIEW).toBe(true);
    expect(loadConfig({ CASELAW_SECOND_REVIEW: 'false' }).CASELAW_SECOND_REVIEW).toBe(false);
    expect(() => loadConfig({ CASELAW_SECOND_REVIEW: 'off' })).toThrow(/CASELAW_SECOND_REVIEW/);
  });
});
