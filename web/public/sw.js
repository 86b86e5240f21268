// Service worker of Trường Số: shows Web Push notifications and opens their page when tapped. It caches nothing:
// the app needs the server for every page, and a stale cached shell would hide updates.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('push', (event) => {
  let data = { title: 'Trường Số', body: '', url: '/' };
  try {
    data = { ...data, ...event.data.json() };
  } catch {
    // A push without a JSON payload still shows something.
  }
  event.waitUntil(
    self.registration.showNotification(data.title, {
      body: data.body,
      icon: '/icon-192.png',
      badge: '/icon-192.png',
      data: { url: data.url || '/' },
      lang: 'vi',
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = new URL(event.notification.data?.url || '/', self.location.origin);
  // Only pages of this app are opened (a payload cannot send the user elsewhere).
  const target = url.origin === self.location.origin ? url.href : self.location.origin;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      for (const w of windows) {
        if ('focus' in w) return w.navigate(target).then((c) => c?.focus());
      }
      return self.clients.openWindow(target);
    }),
  );
});
