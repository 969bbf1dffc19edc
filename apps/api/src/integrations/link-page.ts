/** The page's script: a file of its own, as the Content-Security-Policy allows no inline script. */
export const LINK_PAGE_SCRIPT = `
(async () => {
  const platform = location.pathname.includes('/links/teams/') ? 'Teams' : 'Slack';
  const status = document.getElementById('status');
  const button = document.getElementById('link');
  const session = await fetch('/api/auth/session', { credentials: 'same-origin' });
  if (!session.ok) { status.textContent = 'Sign in to Solmu first (in this browser), then open this link again.'; return; }
  const { csrfToken } = await session.json();
  const preview = await fetch(location.pathname + '/preview', { credentials: 'same-origin' });
  if (!preview.ok) { status.textContent = (await preview.json()).message || 'This link does not work any more. Ask for a new one.'; return; }
  const { displayName } = await preview.json();
  // Named, so that someone who clicks a link meant for another person sees it is not theirs.
  status.textContent = 'Solmu will know the ' + platform + ' user ' + (displayName ? '"' + displayName + '" ' : '') + 'as you in this network: what it logs is logged as you. Link it only if it is your own.';
  button.hidden = false;
  button.onclick = async () => {
    button.disabled = true;
    const answer = await fetch(location.pathname, { method: 'POST', credentials: 'same-origin', headers: { 'x-csrf-token': csrfToken } });
    const body = await answer.json();
    status.textContent = answer.ok ? 'Linked. You can close this page and log from ' + platform + '.' : body.message;
    button.hidden = true;
  };
})();
`;

/**
 * The page a one-time link opens: its script reads the session's CSRF token and, on the person's click,
 * posts to the same URL. Plain HTML and a few lines of script, so it works before (and beside) the
 * web app.
 */
export function linkPage(platform: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Link your ${platform} user to Solmu</title>
<style>body{font-family:system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;line-height:1.5}button{font-size:1rem;padding:.5rem 1rem}</style></head>
<body><h1>Link your ${platform} user</h1>
<p id="status">Checking…</p>
<button id="link" hidden>Link it to my member record</button>
<script src="/api/integrations/link-page.js"></script></body></html>`;
}
