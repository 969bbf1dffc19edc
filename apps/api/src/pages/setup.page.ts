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
    ? 'Done: sign in at /api/docs or with POST /api/auth/token. / Valmis: kirjaudu sisään.'
    : (body.message || 'Something went wrong') + ' / Ei onnistunut.';
});
`;

export const SETUP_CSS = `body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1d2b36}
label{display:block;margin:1rem 0}input{display:block;width:100%;padding:.5rem;margin-top:.25rem;font-size:1rem}
button{padding:.6rem 1.2rem;font-size:1rem}span[lang=fi]{color:#4b5d6b}`;

/** Path, content type and body of each file of the page. */
export const SETUP_PAGE: Array<[string, string, string]> = [
  ['/setup', 'text/html; charset=utf-8', SETUP_HTML],
  ['/setup.js', 'text/javascript; charset=utf-8', SETUP_JS],
  ['/setup.css', 'text/css; charset=utf-8', SETUP_CSS],
];
