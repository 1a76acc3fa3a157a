import { AUDIT_ACTIONS } from './actions';
import { auditQuerySchema } from './audit';

describe('audit actions', () => {
  it('lists each action once', () => {
    const repeated = AUDIT_ACTIONS.filter((a, i) => AUDIT_ACTIONS.indexOf(a) !== i);
    expect(repeated).toEqual([]);
  });

  it('names each as <area>.<event>, which the log filter accepts', () => {
    for (const action of AUDIT_ACTIONS) {
      expect(action).toMatch(/^[a-z_]+\.[a-z_]+$/);
      expect(auditQuerySchema.parse({ action }).action).toBe(action);
    }
  });

  it('keeps the actions of one area together', () => {
    const areas = AUDIT_ACTIONS.map((a) => a.split('.')[0]);
    const runs = areas.filter((area, i) => area !== areas[i - 1]);
    expect(runs).toEqual([...new Set(runs)]);
  });
});
