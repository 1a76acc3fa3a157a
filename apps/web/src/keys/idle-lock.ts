import { useEffect } from 'react';
import { lock } from './key-store';

const ACTIVITY = [
  'pointerdown',
  'pointermove',
  'keydown',
  'wheel',
  'touchstart',
  'scroll',
] as const;
const MAX_CHECK_MS = 15_000;

/**
 * Locks the keys after `timeoutSeconds` without user activity, the same idle limit the API
 * applies to the session. A hidden page has no activity, so it locks too; browsers throttle
 * timers in hidden tabs, hence the extra check the moment the page is shown again.
 */
export function useIdleLock(timeoutSeconds: number, active: boolean): void {
  useEffect(() => {
    if (!active || !(timeoutSeconds > 0)) return;
    const limit = timeoutSeconds * 1000;
    let lastActivity = Date.now();
    const touch = () => {
      lastActivity = Date.now();
    };
    const check = () => {
      if (Date.now() - lastActivity >= limit) lock();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') check();
    };
    for (const type of ACTIVITY) window.addEventListener(type, touch, { passive: true });
    document.addEventListener('visibilitychange', onVisibility);
    const timer = window.setInterval(check, Math.min(MAX_CHECK_MS, limit / 4));
    return () => {
      for (const type of ACTIVITY) window.removeEventListener(type, touch);
      document.removeEventListener('visibilitychange', onVisibility);
      window.clearInterval(timer);
    };
  }, [timeoutSeconds, active]);
}
