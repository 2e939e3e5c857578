// Who the survey page is on this device (DESIGN §2 Survey intake): a random id kept in localStorage,
// so repeats are told apart per device and never per address; and, on a counter tablet, the unit's
// kiosk token, given once in the page address as ?kiosk=<token> by an admin.
import { randomId } from './outbox.js';

const DEVICE_KEY = 'kinerja.deviceId';
const DEVICE_ID = /^[A-Za-z0-9_-]{16,64}$/;
let memoryId: string | undefined;

export function deviceId(): string {
  try {
    let id = localStorage.getItem(DEVICE_KEY);
    if (!id || !DEVICE_ID.test(id)) {
      id = randomId();
      localStorage.setItem(DEVICE_KEY, id);
    }
    return id;
  } catch {
    return (memoryId ??= randomId()); // storage blocked: one id for this visit
  }
}

const kioskKey = (tenant: string, unitId: string) => `kinerja.kiosk.${tenant}.${unitId}`;

/** The unit's kiosk token on this device: taken from ?kiosk= (then kept, and removed from the address bar) or from storage. */
export function kioskToken(tenant: string, unitId: string): string | undefined {
  const url = new URL(location.href);
  const given = url.searchParams.get('kiosk');
  if (given) {
    try { localStorage.setItem(kioskKey(tenant, unitId), given); } catch { /* this visit only */ }
    url.searchParams.delete('kiosk');
    history.replaceState(history.state, '', url);
    return given;
  }
  try { return localStorage.getItem(kioskKey(tenant, unitId)) ?? undefined; } catch { return undefined; }
}

export function forgetKioskToken(tenant: string, unitId: string): void {
  try { localStorage.removeItem(kioskKey(tenant, unitId)); } catch { /* nothing kept */ }
}
