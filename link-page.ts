/**
 * The page a one-time link opens: it reads the session's CSRF token, and on the person's click
 * posts to the same URL. Plain HTML and a few lines of script, no framework, so it works before
 * (and beside) the web app.
 */
export function linkPage(platform: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Link your ${platform} user to Solmu</title>
<style>body{font-family:system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;line-height:1.5}button{font-size:1rem;padding:.5rem 1rem}</style></head>
<body><h1>Link your ${platform} user</h1>
<p id="status">Checking…</p>
<button id="link" hidden>Link it to my member record</button>
<script>
(async () => {
  const status = document.getElementById('status');
  const button = document.getElementById('link');
  const session = await fetch('/api/auth/session', { credentials: 'same-origin' });
  if (!session.ok) { status.textContent = 'Sign in to Solmu first (in this browser), then open this link again.'; return; }
  const { csrfToken } = await session.json();
  const preview = await fetch(location.pathname + '/preview', { credentials: 'same-origin' });
  if (!preview.ok) { status.textContent = (await preview.json()).message || 'This link does not work any more. Ask for a new one.'; return; }
  status.textContent = 'Solmu will know your ${platform} user as you in this network: what you log from ${platform} is logged as you.';
  button.hidden = false;
  button.onclick = async () => {
    button.disabled = true;
    const answer = await fetch(location.pathname, { method: 'POST', credentials: 'same-origin', headers: { 'x-csrf-token': csrfToken } });
    const body = await answer.json();
    status.textContent = answer.ok ? 'Linked. You can close this page and log from ${platform}.' : body.message;
    button.hidden = true;
  };
})();
</script></body></html>`;
}
