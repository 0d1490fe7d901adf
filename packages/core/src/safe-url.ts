const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const IMAGE_PROTOCOLS = new Set(['http:', 'https:']);
// A base nobody can reach, only to classify relative URLs; never requested.
const PROBE_BASE = 'https://relative.invalid/';

/*
 * Browsers strip leading/trailing C0 controls and spaces and delete tabs and newlines anywhere
 * before they read the scheme, so " jav\tascript:" runs script. Normalize the same way first,
 * then let the URL parser (not a regex) decide the scheme.
 */
function normalize(url: string): string {
  // eslint-disable-next-line no-control-regex
  return url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
}

function check(url: string | undefined, allowed: Set<string>, base?: string | URL): string | undefined {
  if (typeof url !== 'string') return undefined;
  const cleaned = normalize(url);
  if (!cleaned) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(cleaned, base ?? PROBE_BASE);
  } catch {
    return undefined;
  }
  if (!allowed.has(parsed.protocol)) return undefined;
  return base === undefined ? cleaned : parsed.href;
}

/**
 * A link target that is safe to bind to `href`: http:, https:, mailto: or a relative URL; else
 * undefined (javascript:, data:, vbscript:, file: and anything unparsable). With `base`, relative
 * URLs come back resolved against it.
 */
export function safeHref(url: string | undefined, base?: string | URL): string | undefined {
  return check(url, LINK_PROTOCOLS, base);
}

/**
 * An image source that is safe to load: http:, https: or relative (resolved against `base`,
 * usually the feed's URL, because the feed's relative paths are relative to the feed file).
 */
export function safeImageSrc(url: string | undefined, base?: string | URL): string | undefined {
  return check(url, IMAGE_PROTOCOLS, base);
}
