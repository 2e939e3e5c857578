// The local provider's own pages (login, sign-out, error): plain HTML, Bahasa Indonesia with English
// beneath, readable at 390 px, every input labelled, contrast ≥ 4.5:1.
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `*{box-sizing:border-box}body{margin:0;min-height:100vh;display:grid;place-items:center;padding:1rem;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#14212b;background:#0f3d5e}
main{width:min(420px,100%);background:#fff;border-radius:12px;padding:1.5rem;box-shadow:0 10px 30px rgba(0,0,0,.25)}
h1{font-size:1.35rem;margin:.2rem 0 .1rem;color:#0f3d5e}.en{color:#4a5a66;font-size:.9rem;margin:0}
.brand{display:flex;gap:.75rem;align-items:center;margin-bottom:1rem}
label{display:block;font-weight:600;margin:1rem 0 .3rem}label .en{font-weight:400}
input{width:100%;font:inherit;padding:.65rem .75rem;border:1px solid #5b6b77;border-radius:8px}
input:focus,button:focus,a:focus{outline:3px solid #f5b700;outline-offset:2px}
button{width:100%;margin-top:1.25rem;font:inherit;font-weight:600;padding:.75rem;border:0;border-radius:8px;background:#0f3d5e;color:#fff;cursor:pointer}
.alert{margin:1rem 0 0;padding:.75rem;border-radius:8px;background:#fdecea;color:#8a1c12;border:1px solid #e3a59e}
.hint{margin-top:1rem;padding:.75rem;border-radius:8px;background:#f3f6f8;color:#2b3a45;font-size:.9rem}
code{background:#e6ecf0;padding:0 .25rem;border-radius:4px}a{color:#0b5a8a}.cancel{display:block;text-align:center;margin-top:1rem}`;

const LOGO = '<svg viewBox="0 0 32 32" width="40" height="40" aria-hidden="true"><rect width="32" height="32" rx="7" fill="#0f3d5e"/><path d="M8 22l5-7 4 4 7-10" stroke="#f5b700" stroke-width="3" fill="none" stroke-linecap="round" stroke-linejoin="round"/></svg>';

function page(title: string, body: string, script = ''): string {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>${STYLE}</style></head><body><main>
<div class="brand">${LOGO}<div><strong>Kinerja ASN</strong><p class="en">Penyedia identitas lokal · Local identity provider</p></div></div>
${body}</main>${script}</body></html>`;
}

export function loginPage(o: { action: string; abort: string; nip?: string; error?: boolean; demoPassword: string }): string {
  return page('Masuk · Sign in', `
<h1>Masuk</h1><p class="en">Sign in</p>
${o.error ? '<p class="alert" role="alert">NIP atau kata sandi salah, atau akun tidak aktif.<br><span lang="en">Wrong NIP or password, or the account is disabled.</span></p>' : ''}
<form method="post" action="${esc(o.action)}" autocomplete="off">
<label for="nip">NIP <span class="en" lang="en">(officer number, or a demo user name)</span></label>
<input id="nip" name="nip" required autofocus inputmode="text" maxlength="100" value="${esc(o.nip ?? '')}" autocomplete="username">
<label for="password">Kata sandi <span class="en" lang="en">(password)</span></label>
<input id="password" name="password" type="password" required maxlength="200" autocomplete="current-password">
<button type="submit">Masuk · <span lang="en">Sign in</span></button>
</form>
<p class="hint">Lingkungan lokal: semua akun memakai kata sandi demo <code>${esc(o.demoPassword)}</code>.<br><span lang="en">Local environment: every account uses the demo password.</span></p>
<a class="cancel" href="${esc(o.abort)}">Batal · <span lang="en">Cancel</span></a>`);
}

export function logoutPage(form: string): string {
  // The dashboard asked to sign out (RP-initiated logout): confirm at once, the button is the fallback.
  const withYes = form.replace('</form>', '<input type="hidden" name="logout" value="yes"></form>');
  return page('Keluar · Sign out', `<h1>Keluar</h1><p class="en">Signing out…</p>${withYes}
<button type="submit" form="op.logoutForm" autofocus>Keluar · <span lang="en">Sign out</span></button>`,
  '<script>document.getElementById("op.logoutForm").submit()</script>');
}

export function signedOutPage(appUrl: string): string {
  return page('Sudah keluar · Signed out', `<h1>Anda sudah keluar</h1><p class="en">You are signed out.</p><a class="cancel" href="${esc(appUrl)}">Kembali ke Kinerja ASN · <span lang="en">Back to Kinerja ASN</span></a>`);
}

export function errorPage(appUrl: string, code: string, description?: string): string {
  return page('Gagal masuk · Sign-in failed', `<h1>Gagal masuk</h1><p class="en">Sign-in failed</p>
<p class="alert" role="alert"><code>${esc(code)}</code>${description ? ` ${esc(description)}` : ''}</p>
<a class="cancel" href="${esc(appUrl)}">Kembali ke halaman masuk · <span lang="en">Back to the sign-in page</span></a>`);
}
