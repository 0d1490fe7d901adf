import { isIPv4, isIPv6 } from 'node:net';

/** Prefix lengths accepted for RATE_LIMIT_IPV6_PREFIX: wider than /32 would lump whole providers together. */
export const MIN_IPV6_PREFIX = 32;
export const MAX_IPV6_PREFIX = 128;
export const DEFAULT_IPV6_PREFIX = 64;

/** What every address that cannot be read shares: garbage must not buy a fresh budget per variant. */
const UNKNOWN_NETWORK = Buffer.from([0]);

export function isValidIpv6Prefix(length: number): boolean {
  return Number.isInteger(length) && length >= MIN_IPV6_PREFIX && length <= MAX_IPV6_PREFIX;
}

/**
 * Reads an address as a socket or a proxy's X-Forwarded-For reports it: IPv4, IPv6 in any textual
 * form (`::`, upper case, leading zeros, an embedded IPv4 tail, a `%zone`), optionally in brackets
 * and with a port. Returns its 4 or 16 bytes, or undefined when it is not an address.
 */
export function parseAddress(text: string): Uint8Array | undefined {
  let s = text.trim();
  // Some proxies append the client's port: "[2001:db8::1]:443" or "192.0.2.1:443".
  const bracketed = /^\[([^\]]*)\](?::\d{1,5})?$/.exec(s);
  if (bracketed) s = bracketed[1]!;
  else s = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(s)?.[1] ?? s;

  if (isIPv4(s)) return Uint8Array.from(s.split('.'), Number);

  // node:net's check rejects every malformed form (zone included), so the expansion below may
  // trust the shape.
  if (!isIPv6(s)) return undefined;
  // The zone names the receiving interface, not the client: fe80::1%eth0 and %eth1 are one sender.
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);

  const groups = (part: string): number[] => {
    if (part === '') return [];
    const out: number[] = [];
    for (const piece of part.split(':')) {
      if (piece.includes('.')) {
        const [a, b, c, d] = piece.split('.').map(Number) as [number, number, number, number];
        out.push((a << 8) | b, (c << 8) | d);
      } else {
        out.push(parseInt(piece, 16));
      }
    }
    return out;
  };
  const gap = s.indexOf('::');
  const head = groups(gap < 0 ? s : s.slice(0, gap));
  const tail = gap < 0 ? [] : groups(s.slice(gap + 2));
  const all = gap < 0 ? head : [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  if (all.length !== 8) return undefined;

  const bytes = new Uint8Array(16);
  all.forEach((group, i) => {
    bytes[2 * i] = group >> 8;
    bytes[2 * i + 1] = group & 0xff;
  });
  return bytes;
}

/** Well-known prefixes under which an IPv6 address is really one IPv4 client: ::ffff:0:0/96 and 64:ff9b::/96. */
const IPV4_IN_IPV6 = [
  // IPv4-mapped: how a dual-stack socket reports an IPv4 client.
  [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff],
  // NAT64/SIIT well-known prefix (RFC 6052): behind such a translator every IPv4 client would
  // otherwise fall into one /64 and share a single budget.
  [0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0],
];

/**
 * The network a client counts as for abuse limits: an IPv4 address on its own, an IPv6 address
 * by its first `ipv6Prefix` bits (one household or phone holds a whole /64, often more), and
 * IPv4 carried in IPv6 as the IPv4 address it is. Anything unreadable is one shared network.
 * The result is only ever fed to a keyed hash; it must not be stored or logged.
 */
export function clientNetwork(address: string | undefined, ipv6Prefix: number = DEFAULT_IPV6_PREFIX): Buffer {
  const bytes = address === undefined ? undefined : parseAddress(address);
  if (!bytes) return UNKNOWN_NETWORK;
  if (bytes.length === 4) return Buffer.from([4, ...bytes]);
  if (IPV4_IN_IPV6.some((prefix) => prefix.every((byte, i) => bytes[i] === byte))) return Buffer.from([4, ...bytes.subarray(12)]);

  const network = Buffer.alloc(17);
  network[0] = 6;
  const whole = ipv6Prefix >> 3;
  for (let i = 0; i < whole; i++) network[1 + i] = bytes[i]!;
  const rest = ipv6Prefix & 7;
  if (rest > 0) network[1 + whole] = bytes[whole]! & (0xff << (8 - rest));
  return network;
}
