/**
 * Origins in one canonical form (scheme://host[:port], punycode, no default port), so a
 * configured "https://Bücher.example/" and the browser's "https://xn--bcher-kva.example"
 * compare equal, and "null" or anything with a path never matches.
 */
export function canonicalOrigin(value: string): string | undefined {
  if (value === 'null' || value.length > 2048) return undefined;
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    if (url.username || url.password) return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

/** The Origin header must already be an origin: a path, query or credentials disqualify it. */
export function canonicalOriginHeader(value: string): string | undefined {
  const origin = canonicalOrigin(value);
  if (!origin) return undefined;
  return new URL(value).href === `${origin}/` ? origin : undefined;
}

export function parseOriginList(text: string | undefined): { origins: string[]; invalid: string[] } {
  const origins: string[] = [];
  const invalid: string[] = [];
  for (const raw of (text ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const origin = canonicalOrigin(raw);
    if (origin && new URL(raw).pathname === '/' && !new URL(raw).search) origins.push(origin);
    else invalid.push(raw);
  }
  return { origins: [...new Set(origins)], invalid };
}
