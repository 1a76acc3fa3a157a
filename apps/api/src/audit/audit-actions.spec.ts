import { AUDIT_ACTIONS } from '@coop/contracts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

// The type of AuditService.record keeps every recorded action in the list; this keeps the list
// free of actions nothing records any more.
describe('audit action list', () => {
  it('holds only actions the API records', () => {
    const code = sources(join(__dirname, '..'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    expect(AUDIT_ACTIONS.filter((action) => !code.includes(`'${action}'`))).toEqual([]);
  });
});
