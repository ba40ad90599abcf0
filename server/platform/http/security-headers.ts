/**
 * Security headers (ASVS V3.4 / V14.4, ADR 0022). The app itself runs under a CSP without 'unsafe-inline' or
 * 'unsafe-eval': index.html has no inline script or style (Vite emits files), React sets styles through the DOM
 * (allowed), zod runs with `jitless` in the browser (no `new Function`), and the map worker is a file of ours.
 * The only third party the browser may reach is the basemap tile server an administrator configured.
 */
export interface SecurityHeaderOptions {
  /** The configured basemap tile URL template, whose origin the map fetches tiles from; null when none. */
  basemapUrl: string | null;
  secureCookies: boolean;
}

function originOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url.replace(/\{[a-z]\}/gi, '0'));
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** The policy of the web app's pages (and of its assets, so the map worker gets the same). */
export function appContentSecurityPolicy(options: SecurityHeaderOptions): string {
  const basemap = originOf(options.basemapUrl);
  const extra = basemap ? ` ${basemap}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: blob:${extra}`,
    "font-src 'self' data:",
    `connect-src 'self'${extra}`,
    "worker-src 'self' blob:",
    "child-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.secureCookies ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** JSON answers are never rendered as documents: nothing may load from them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Swagger UI (/api/docs) sets inline styles in its markup; it gets the app's policy plus inline styles. */
export function docsContentSecurityPolicy(options: SecurityHeaderOptions): string {
  return appContentSecurityPolicy(options).replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
}

/** Features the app never uses are switched off for it and anything it might embed. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'encrypted-media=()',
  'fullscreen=(self)',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

/** HSTS only behind HTTPS (DISTRETTO_SECURE_COOKIES=true): sent over plain HTTP on a LAN it would do harm, not good. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

export function securityHeadersFor(path: string, options: SecurityHeaderOptions): Record<string, string> {
  const csp = path.startsWith('/api/docs') ? docsContentSecurityPolicy(options) : path.startsWith('/api/') ? API_CONTENT_SECURITY_POLICY : appContentSecurityPolicy(options);
  return {
    'content-security-policy': csp,
    'permissions-policy': PERMISSIONS_POLICY,
    'cross-origin-opener-policy': 'same-origin',
    ...(options.secureCookies ? { 'strict-transport-security': STRICT_TRANSPORT_SECURITY } : {}),
  };
}
