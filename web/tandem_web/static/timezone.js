// The browser's time zone, told to the server in a cookie: pages show times in it when
// the person's profile names no zone of its own. Without JavaScript, times are in UTC
// (and say so). A file from 'self', as the Content-Security-Policy requires.
(function () {
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    var value = "tandem_tz=" + encodeURIComponent(zone || "");
    if (zone && document.cookie.indexOf(value) === -1) {
      document.cookie = value + "; path=/; max-age=31536000; samesite=lax";
    }
  } catch (ignored) {
    // An old browser without Intl: the server's fallback stands.
  }
})();
