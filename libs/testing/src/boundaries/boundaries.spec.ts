import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../repo-root';

const root = repoRoot();
const depcruise = join(root, 'node_modules', '.bin', 'depcruise');

interface Cruised {
  modules: { source: string; dependencies: { resolved: string }[] }[];
}

/** The import graph between feature folders, one node per folder (dependency-cruiser's collapse). */
function featureGraph(app: 'api' | 'web'): Map<string, string[]> {
  const out = execFileSync(
    depcruise,
    [
      `apps/${app}/src`,
      '--no-config',
      '--ts-config',
      'tsconfig.base.json',
      '--ts-pre-compilation-deps',
      '--exclude',
      '\\.spec\\.tsx?$|(^|/)node_modules/',
      '--do-not-follow',
      'node_modules',
      '--collapse',
      `^apps/${app}/src/(platform/[^/]+|[^/]+)/`,
      '--output-type',
      'json',
    ],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const { modules } = JSON.parse(out) as Cruised;
  return new Map(modules.map((m) => [m.source, m.dependencies.map((d) => d.resolved)]));
}

/** Strongly connected components of more than one folder: each is an import loop (Tarjan). */
function loops(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('the layering of the workspace', () => {
  it('breaks none of the rules in .dependency-cruiser.cjs', () => {
    const newViolations = () => {
      try {
        execFileSync(
          depcruise,
          ['apps', 'libs', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'],
          { cwd: root, encoding: 'utf8', stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 },
        );
        return '';
      } catch (error) {
        // dependency-cruiser exits non-zero and lists each violation on standard output.
        return String((error as { stdout?: string }).stdout ?? error);
      }
    };
    expect(newViolations()).toBe('');
  });

  it.each(['api', 'web'] as const)(
    'has no import loop between the feature folders of %s',
    (app) => {
      const prefix = `apps/${app}/src/`;
      const name = (folder: string) => folder.slice(prefix.length).replace(/\/$/, '');
      expect(loops(featureGraph(app)).map((loop) => loop.map(name))).toEqual([]);
    },
  );
});
