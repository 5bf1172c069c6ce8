// Registers the service worker (src/web/sw.ts → /sw.js) once the page has loaded, so that its
// precache download never competes with the first load (decisions 013, 018, 023).
export function registerServiceWorker() {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  const register = () => void navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
