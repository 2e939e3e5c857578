// State of one admin form: busy while sending, the API's 400 details next to their fields, and a
// message under the form. The form's own inputs are never reset on a failure, so a 409 loses nothing.
import { ApiError } from '../../lib/api.js';
import { t } from '../../lib/i18n.svelte.js';

const RECORDS = new Set(['agency', 'unit', 'officer', 'rating']);

export class FormState {
  readonly #onconflict?: () => void;
  /** `onconflict`: re-read what the form edits (a 409), without touching the form's inputs. */
  constructor(onconflict?: () => void) { this.#onconflict = onconflict; }
  busy = $state(false);
  errors = $state<Record<string, string>>({});
  message = $state('');
  ok = $state(false);

  /** Runs `send`; its answer (a message) means success. Client-side refusals go through `refuse`. */
  async run(send: () => Promise<string>): Promise<boolean> {
    this.busy = true; this.errors = {}; this.message = ''; this.ok = false;
    try {
      this.message = await send();
      this.ok = true;
      return true;
    } catch (e) {
      this.fail(e);
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** A field refused before sending: shown like the API's 400, nothing sent. */
  refuse(field: string, message: string) {
    this.errors = { [field]: message };
    this.message = t('admin.invalid');
    this.ok = false;
  }

  fail(e: unknown) {
    this.ok = false;
    if (!(e instanceof ApiError)) { this.message = String((e as Error)?.message ?? e); return; }
    // Field details sit next to their fields; a 409 says to check the latest data, the entries stay.
    const whole = (field?: string) => !field || field === 'body';
    this.errors = Object.fromEntries(e.details.filter((d) => !whole(d.field)).map((d) => [d.field!, d.message]));
    const general = e.details.filter((d) => whole(d.field)).map((d) => d.message).join(' ');
    if (e.status === 409) {
      // A taken id names its field; a concurrent change names the record (agency, unit, officer, rating).
      this.message = e.details.some((d) => !RECORDS.has(d.field ?? '')) ? e.message : `${t('admin.conflict')} (${e.message})`;
      this.#onconflict?.();
    } else if (e.status === 400 && e.details.length) this.message = general || t('admin.invalid');
    else this.message = e.message;
  }
}
