// Latency of the case-law search over HTTP (GET /api/v1/caselaw/search, signed in) with
// 100,000 published entries across the four languages, against the very same SQL statement
// run straight on the database in the same run: the ratio is what the API adds to the query
// (HTTP, session and access checks, validation, snippets and JSON).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { bootstrapLink, runPasskeyClient } from './lib/passkeys.mjs';
import { cleanup, freePorts, onCleanup } from './lib/processes.mjs';
import { repoRoot } from './lib/repo.mjs';
import { note, printResult, round } from './lib/result.mjs';
import { startApi } from './lib/server.mjs';

const NAME = 'caselaw-search';
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);

/** A mix of what readers ask: each language, a document number, filters, web syntax. */
const QUERIES = [
  ['english words', { q: 'freezing assets' }],
  ['french words', { q: 'gel des avoirs' }],
  ['arabic words', { q: 'تجميد الأصول' }],
  ['spanish words', { q: 'congelación de activos' }],
  ['document number', { q: 'ICC-01/22-90' }],
  ['article filter', { article: '87(7)', kind: 'entry' }],
  ['words + filters', { q: 'arrest warrant', chamber: 'pre-trial-i', year: '2015' }],
  ['or / -not', { q: 'bank or account -appeal', lang: 'en' }],
];

const WORDS = {
  en: 'freezing assets seizure tracing identification cooperation request arrest surrender warrant chamber decision finding non-compliance reparations victims legal aid contribution order bank account property proceeds instrumentalities investigation prosecutor registry state party referral assembly security council consultations article travel suspect detention appeal',
  fr: 'gel avoirs saisie localisation identification coopération demande arrestation remise mandat chambre décision constatation manquement réparations victimes aide judiciaire contribution ordonnance banque compte biens produit instruments enquête procureur greffe état partie renvoi assemblée sécurité conseil consultations article déplacement suspect détention appel',
  ar: 'تجميد الأصول حجز تعقب تحديد التعاون طلب القبض التسليم أمر الدائرة قرار استنتاج عدم الامتثال جبر الأضرار الضحايا المساعدة القانونية المساهمة المصرف الحساب الممتلكات العائدات الأدوات التحقيق المدعي قلم المحكمة الدولة الطرف الإحالة الجمعية مجلس الأمن المشاورات المادة السفر المشتبه',
  es: 'congelación activos incautación localización identificación cooperación solicitud detención entrega orden sala decisión constatación incumplimiento reparaciones víctimas asistencia letrada contribución providencia banco cuenta bienes producto instrumentos investigación fiscal secretaría estado parte remisión asamblea seguridad consejo consultas artículo viaje sospechoso prisión apelación',
};

/**
 * 100,000 entries generated inside PostgreSQL, set by set. Each has one language (a quarter a
 * second one); its title (8 words), holdings (12) and summary (40) are picked from 2,000
 * phrases per language and kind, drawn from 40 domain words and 360 numbered variants, so that
 * a two-word query matches a few hundred entries per language.
 */
const GENERATE = [
  `CREATE UNLOGGED TABLE bench_phrases AS
     SELECT p.key AS lang, k.kind, n,
            array_to_string(ARRAY(SELECT w[1 + floor(random() * cardinality(w))::int]
                                   FROM generate_series(1, k.len)), ' ') AS text
       FROM jsonb_each($1::jsonb) p,
            LATERAL (SELECT ARRAY(SELECT jsonb_array_elements_text(p.value)) AS w) words,
            (VALUES ('title', 8), ('holdings', 12), ('summary', 40)) k(kind, len),
            generate_series(0, 1999) n`,
  // Statistics, so that the next statement joins by hash rather than by nested loops.
  'ANALYZE bench_phrases',
  `CREATE UNLOGGED TABLE bench_entries AS
     WITH langs AS (
       SELECT i, lang FROM generate_series(1, $1::int) i,
              LATERAL unnest(CASE WHEN i % 4 = 0
                                  THEN ARRAY[(ARRAY['en','fr','ar','es'])[1 + i % 4], (ARRAY['en','fr','ar','es'])[2 + i % 4]]
                                  ELSE ARRAY[(ARRAY['en','fr','ar','es'])[1 + i % 4]] END) lang
     ), texts AS (
       SELECT l.i, jsonb_object_agg(l.lang, t.text) AS title, jsonb_object_agg(l.lang, h.text) AS holdings,
              jsonb_object_agg(l.lang, s.text) AS summary
         FROM langs l
         JOIN bench_phrases t ON t.lang = l.lang AND t.kind = 'title' AND t.n = (l.i::bigint * 7919 % 2000)::int
         JOIN bench_phrases h ON h.lang = l.lang AND h.kind = 'holdings' AND h.n = (l.i::bigint * 31 % 2000)::int
         JOIN bench_phrases s ON s.lang = l.lang AND s.kind = 'summary' AND s.n = ((l.i::bigint * 104729 + 17) % 2000)::int
        GROUP BY l.i
     )
     SELECT x.i, md5('caselaw-bench-' || x.i)::uuid AS id,
            jsonb_build_object(
              'kind', 'entry',
              'title', x.title,
              'documentNumbers', jsonb_build_array(format('ICC-%s/%s-%s', lpad((1 + x.i % 9)::text, 2, '0'),
                                                          lpad((x.i / 9 % 30)::text, 2, '0'), 1000 + x.i)),
              'chamber', (ARRAY['appeals','pre-trial-i','pre-trial-ii','pre-trial-iii','trial','presidency','plenary'])[1 + x.i % 7],
              'date', to_char(date '2002-07-01' + (x.i * 37 % 8500), 'YYYY-MM-DD'),
              'situation', 'Situation ' || (1 + x.i % 25),
              'caseName', NULL,
              'documentType', (ARRAY['decision','judgment','order','finding','warrant'])[1 + x.i % 5],
              'articles', jsonb_build_array(jsonb_build_object('instrument', 'statute',
                            'article', (ARRAY['57','86','87','89','93','97','112'])[1 + x.i % 7],
                            'paragraph', (1 + x.i / 7 % 7)::text)),
              'topics', jsonb_build_array(t.keys[1 + x.i % cardinality(t.keys)],
                          t.keys[1 + (x.i % cardinality(t.keys) + 1 + x.i / 15 % (cardinality(t.keys) - 1)) % cardinality(t.keys)]),
              'summary', x.summary,
              'holdings', x.holdings,
              'quotes', '[]'::jsonb, 'links', '[]'::jsonb, 'related', '[]'::jsonb,
              'source', jsonb_build_object('title', 'generated for the benchmark', 'locator', NULL, 'url', NULL)
            ) AS content
       FROM texts x, (SELECT array_agg(key ORDER BY key) AS keys FROM caselaw_topics) t`,
  `INSERT INTO caselaw_entries (id, kind, status, current_revision, published_revision, updated_at, published_at)
     SELECT id, 'entry', 'published', 1, 1, now(), now() FROM bench_entries`,
  `INSERT INTO caselaw_revisions (entry_id, number, content, origin)
     SELECT id, 1, content, 'seed' FROM bench_entries`,
];
/** The trigger derives facets and search vectors here, row by row, as for any publication. */
const PUBLISH = `INSERT INTO caselaw_published (entry_id, revision, content, published_at)
  SELECT id, 1, content, now() FROM bench_entries WHERE i % $1::int = $2::int`;
const DROP = ['DROP TABLE bench_entries', 'DROP TABLE bench_phrases'];

function pools() {
  return Object.fromEntries(
    Object.entries(WORDS).map(([lang, words]) => {
      const base = words.split(' ');
      const variants = Array.from({ length: 360 }, (_, i) => `${base[i % base.length]}${i}`);
      return [lang, [...base, ...variants]];
    }),
  );
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

const queryString = (params) => new URLSearchParams(params).toString();

async function main() {
  console.log(`${NAME}: ${ENTRIES} entries, ${QUERIES.length} queries × ${ROUNDS} rounds`);
  // The benchmark measures the code as it stands: rebuild (a few seconds) rather than trust dist/.
  const built = spawnSync(
    'npx',
    ['nx', 'run', 'api:build', '--skip-nx-cache', '--outputStyle=static'],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false' },
    },
  );
  if (built.status !== 0) throw new Error('api:build failed');
  const require = createRequire(import.meta.url);
  const { planSearch, searchStatement } = require(
    join(repoRoot, 'dist', 'apps', 'api', 'src', 'caselaw', 'search-sql.js'),
  );
  const { searchQuerySchema } = require(
    join(repoRoot, 'dist', 'libs', 'contracts', 'src', 'index.js'),
  );

  // Our own data folder, so that the database can be reached directly for loading and reference.
  const scratch = mkdtempSync(join(tmpdir(), 'coop-bench-caselaw-'));
  chmodSync(scratch, 0o711);
  onCleanup(() => rmSync(scratch, { recursive: true, force: true }));
  const dataDir = join(scratch, 'data');
  const [pgPort] = await freePorts(1);
  const api = await startApi({
    env: {
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    },
  });
  note('api ready after', api.startupMs, 'ms');
  const password = readFileSync(join(dataDir, 'pg-password'), 'utf8').trim();
  const dbUrl = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/coop`;
  const db = new pg.Client({ connectionString: dbUrl });
  // The server goes away with the API at the end; a late notice of it is not a failure.
  db.on('error', () => undefined);
  await db.connect();
  let connected = true;
  const disconnect = async () => {
    if (connected) await db.end();
    connected = false;
  };
  onCleanup(disconnect);

  let started = performance.now();
  await db.query('SELECT setseed(0.42)');
  await db.query(GENERATE[0], [JSON.stringify(pools())]);
  await db.query(GENERATE[1]);
  await db.query(GENERATE[2], [ENTRIES]);
  for (const statement of GENERATE.slice(3)) await db.query(statement);
  note('entries and revisions in', (performance.now() - started) / 1000, 's');
  // Publishing runs the trigger for each row: spread it over the cores.
  const lanes = Math.max(1, Math.min(4, availableParallelism()));
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      const client = new pg.Client({ connectionString: dbUrl });
      client.on('error', () => undefined);
      await client.connect();
      try {
        await client.query(PUBLISH, [lanes, lane]);
      } finally {
        await client.end();
      }
    }),
  );
  note('published (trigger) after', (performance.now() - started) / 1000, `s, ${lanes} lanes`);
  for (const statement of DROP) await db.query(statement);
  await db.query('VACUUM ANALYZE caselaw_published');
  note('entries loaded in', (performance.now() - started) / 1000, 's');
  const [{ n }] = (await db.query('SELECT count(*)::int AS n FROM caselaw_published')).rows;
  note('published entries', n, '');

  const { cookie } = await runPasskeyClient('enrol-admin', {
    url: api.url,
    origin: `http://localhost:${api.port}`,
    link: bootstrapLink(api),
  });

  const viaApi = async (params) => {
    const started = performance.now();
    const res = await fetch(`${api.url}/api/v1/caselaw/search?${queryString(params)}`, {
      headers: { cookie },
    });
    const body = await res.json();
    const ms = performance.now() - started;
    if (res.status !== 200) throw new Error(`search ${queryString(params)}: ${res.status}`);
    return { ms, total: body.total };
  };
  const statements = QUERIES.map(([, params]) =>
    searchStatement(planSearch(searchQuerySchema.parse(params))),
  );
  const viaSql = async (i) => {
    const started = performance.now();
    const { rows } = await db.query(statements[i].text, statements[i].values);
    return { ms: performance.now() - started, total: rows[0].total };
  };

  for (let warm = 0; warm < 2; warm++)
    for (const [i, [name, params]] of QUERIES.entries()) {
      const [a, s] = [await viaApi(params), await viaSql(i)];
      if (a.total !== s.total)
        throw new Error(`${queryString(params)}: API found ${a.total}, SQL ${s.total}`);
      if (warm === 0) note(`${name}: results`, s.total, '');
    }

  started = performance.now();
  const perQuery = QUERIES.map(() => ({ api: [], sql: [] }));
  for (let round = 0; round < ROUNDS; round++)
    for (const [i, [, params]] of QUERIES.entries()) {
      // Alternate which side goes first, so neither always meets a warmer cache.
      if (round % 2 === 0) {
        perQuery[i].api.push((await viaApi(params)).ms);
        perQuery[i].sql.push((await viaSql(i)).ms);
      } else {
        perQuery[i].sql.push((await viaSql(i)).ms);
        perQuery[i].api.push((await viaApi(params)).ms);
      }
    }
  note('measured for', (performance.now() - started) / 1000, 's');
  for (const [i, [name]] of QUERIES.entries()) {
    const { api: a, sql: s } = perQuery[i];
    note(`${name}: p50 API / SQL`, percentile(a, 50), `ms / ${round(percentile(s, 50))} ms`);
  }
  const apiMs = perQuery.flatMap((q) => q.api);
  const sqlMs = perQuery.flatMap((q) => q.sql);
  const figures = {
    'API p50': percentile(apiMs, 50),
    'API p95': percentile(apiMs, 95),
    'SQL p50': percentile(sqlMs, 50),
    'SQL p95': percentile(sqlMs, 95),
  };
  for (const [label, value] of Object.entries(figures)) note(label, value, 'ms');
  note('p95 ratio (API / SQL)', figures['API p95'] / figures['SQL p95'], '');
  console.log(
    `  p50 and p95 over ${apiMs.length} searches each; ${round(ENTRIES)} entries, one client`,
  );
  await disconnect();
  await api.stop();
  printResult(NAME, figures['API p50'], 'ms', figures['SQL p50']);
}

try {
  await main();
} catch (error) {
  console.error(`${NAME} failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
