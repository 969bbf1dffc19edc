import { render } from 'preact';
import './styles/base.css';
import { App } from './app';
import { I18nProvider } from './i18n/i18n';

render(
  <I18nProvider>
    <App />
  </I18nProvider>,
  document.getElementById('app')!,
);

// The service worker (apps/web/service-worker) keeps the app shell, so the log page opens offline.
// Only the built app has one: Vite's dev server serves no /sw.js.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  addEventListener('load', () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined));
}
