/**
 * The one-time set-up page behind the link Solmu prints on its first start: a plain form that
 * creates the first administrator through POST /api/setup. English and Finnish side by side.
 * Script and styles are separate files, as the Content-Security-Policy allows no inline script.
 */
export const SETUP_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Solmu — set up / käyttöönotto</title>
<link rel="stylesheet" href="/setup.css">
</head>
<body>
<main>
<h1>Solmu</h1>
<p>Create the first administrator. <span lang="fi">Luo ensimmäinen ylläpitäjä.</span></p>
<form id="setup">
<label>Name / <span lang="fi">Nimi</span><input name="name" required maxlength="200" autocomplete="name"></label>
<label>Email / <span lang="fi">Sähköposti</span><input name="email" type="email" required autocomplete="email"></label>
<label>Password (10+ characters) / <span lang="fi">Salasana (vähintään 10 merkkiä)</span><input name="password" type="password" required minlength="10" autocomplete="new-password"></label>
<button type="submit">Create / <span lang="fi">Luo</span></button>
</form>
<p id="result" role="status"></p>
</main>
<script src="/setup.js"></script>
</body>
</html>`;

export const SETUP_JS = `document.getElementById('setup').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const token = new URLSearchParams(location.search).get('token');
  const result = document.getElementById('result');
  const response = await fetch('/api/setup', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, name: form.get('name'), email: form.get('email'), password: form.get('password') }),
  });
  const body = await response.json();
  result.textContent = response.ok
    ? 'Done: sign in on the front page. / Valmis: kirjaudu sisään etusivulla.'
    : (body.message || 'Something went wrong') + ' / Ei onnistunut.';
  if (response.ok) {
    const link = document.createElement('a');
    link.href = '/';
    link.textContent = ' → Solmu';
    result.append(link);
  }
});
`;

/** The web app's look (apps/web/src/styles/base.css): same colours, type, fields and buttons. */
export const SETUP_CSS = `:root{--ink:#1d2b36;--ink-soft:#4b5d6b;--brand:#1f5f74;--brand-dark:#153f4d;--focus:#ffbf47;--error:#b3261e}
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;line-height:1.4;max-width:26rem;margin:2rem auto;padding:0 1rem;color:var(--ink)}
h1{font-size:2.25rem;color:var(--brand);margin:1rem 0 .5rem}
label{display:block;margin:1rem 0;font-weight:600}
input{display:block;box-sizing:border-box;width:100%;min-height:2.9rem;padding:.5rem .75rem;margin-top:.25rem;font:inherit;border:2px solid var(--ink-soft);border-radius:.3rem}
button{width:100%;min-height:3rem;padding:.6rem 1.4rem;font:inherit;font-weight:700;color:#fff;background:var(--brand);border:2px solid var(--brand);border-radius:.6rem;cursor:pointer}
button:hover{background:var(--brand-dark)}
:focus-visible{outline:3px solid var(--ink);outline-offset:2px;box-shadow:0 0 0 6px var(--focus)}
span[lang=fi]{color:var(--ink-soft);font-weight:400}
#result{font-weight:700}#result a{color:var(--brand)}`;

/** Path, content type and body of each file of the page. */
export const SETUP_PAGE: Array<[string, string, string]> = [
  ['/setup', 'text/html; charset=utf-8', SETUP_HTML],
  ['/setup.js', 'text/javascript; charset=utf-8', SETUP_JS],
  ['/setup.css', 'text/css; charset=utf-8', SETUP_CSS],
];
