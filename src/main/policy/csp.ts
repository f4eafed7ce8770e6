// The content security policy and the other response headers, for the app:// protocol (Electron)
// and for browser mode's HTTP server alike. script-src 'self' with no 'unsafe-inline' and no
// 'unsafe-eval': the renderer runs only the bundled files we ship, never injected text.

export const CSP_DIRECTIVES: readonly string[] = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

export const CSP = CSP_DIRECTIVES.join('; ');

/** Directives a <meta> policy cannot carry (browsers ignore them there and log an error). */
const HEADER_ONLY = ['frame-ancestors'];

/** The policy for index.html's <meta> tag: the header's, minus what only a header can say. */
export const META_CSP = CSP_DIRECTIVES.filter((d) => !HEADER_ONLY.some((h) => d.startsWith(`${h} `))).join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
};
