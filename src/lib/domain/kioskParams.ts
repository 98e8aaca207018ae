// Kiosk URL parameters: /?kiosk&step=12&idle=60&theme=dark
// Bad values fall back to defaults with a notice; nothing here throws.

export type KioskTheme = 'dark' | 'light';

export interface KioskParams {
  kiosk: boolean;
  /** Seconds each tour step stays on screen. */
  stepSeconds: number;
  /** Seconds without input before the view resets and the tour resumes. */
  idleSeconds: number;
  theme: KioskTheme;
  notices: string[];
}

export const KIOSK_DEFAULTS = { stepSeconds: 12, idleSeconds: 60, theme: 'dark' as KioskTheme };
/** Accelerated timing (soak tests) may go down to a tenth of a second. */
const LIMITS = { step: [0.1, 3600], idle: [0.2, 86_400] } as const;

function seconds(raw: string | null, name: string, [min, max]: readonly [number, number], fallback: number, notices: string[]): number {
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) {
    notices.push(`Ignored ${name}=${raw.slice(0, 20)}: expected seconds between ${min} and ${max}; using ${fallback}.`);
    return fallback;
  }
  return n;
}

export function parseKioskParams(search: string): KioskParams {
  const q = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const notices: string[] = [];
  const themeRaw = q.get('theme');
  let theme = KIOSK_DEFAULTS.theme;
  if (themeRaw === 'dark' || themeRaw === 'light') theme = themeRaw;
  else if (themeRaw !== null) notices.push(`Ignored theme=${themeRaw.slice(0, 20)}: expected dark or light.`);
  return {
    kiosk: q.has('kiosk'),
    stepSeconds: seconds(q.get('step'), 'step', LIMITS.step, KIOSK_DEFAULTS.stepSeconds, notices),
    idleSeconds: seconds(q.get('idle'), 'idle', LIMITS.idle, KIOSK_DEFAULTS.idleSeconds, notices),
    theme,
    notices,
  };
}
