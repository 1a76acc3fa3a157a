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

  it('treats empty strings as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).PORT).toBe(3000);
  });
});
