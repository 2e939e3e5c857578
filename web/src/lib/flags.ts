// An evaluation flag's reason in the reader's language: the API keeps an English `reason` and, since
// evaluations carry them, the values it names (`params`); older evaluations show their stored text.
import { num, periodLabel, t } from './i18n.svelte.js';

export interface FlagView { code: string; reason?: string; params?: Record<string, string | number> }

const jp = (n: unknown) => (typeof n === 'number' ? num(n, Number.isInteger(n) ? 0 : 1) : String(n ?? ''));
const ikm = (n: unknown) => (typeof n === 'number' ? num(n, 2) : String(n ?? ''));
const predikat = (p: unknown) => t(`predikat.${String(p)}` as any);

export function flagReason(flag: FlagView): string {
  const p = flag.params;
  if (!p) return flag.reason ?? '';
  const v: Record<string, string | number> = { ...p };
  for (const k of ['ikm', 'threshold']) if (k in p) v[k] = ikm(p[k]);
  for (const k of ['jp', 'required']) if (k in p) v[k] = jp(p[k]);
  // A quarter's or year's MISSING_REPORT names its missing months, comma-separated.
  if (typeof p.period === 'string') v.period = p.period.split(', ').map(periodLabel).join(', ');
  if (typeof p.month === 'string') v.month = periodLabel(p.month);
  switch (flag.code) {
    case 'LOW_IKM': return p.unit ? t('flagReason.LOW_IKM.unit', v) : t('flagReason.LOW_IKM', v);
    case 'TRAINING_BEHIND': return t(`flagReason.TRAINING_BEHIND.${String(p.kind)}` as any, v);
    case 'CONSECUTIVE_LOW': return t('flagReason.CONSECUTIVE_LOW', { previous: predikat(p.previous), current: predikat(p.current) });
    case 'MISSING_REPORT': case 'FIELD_FINDING': case 'SUBSTANTIATED_COMPLAINTS': case 'AWARD_CANDIDATE':
      return t(`flagReason.${flag.code}` as any, v);
    default: return flag.reason ?? '';
  }
}
