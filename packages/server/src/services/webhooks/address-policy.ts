import { BlockList, isIP } from 'node:net';

/**
 * What an address is to a webhook (SSRF):
 * - `metadata`: a cloud instance-metadata endpoint, which hands out the host's credentials. Never
 *   dialled, not even where private targets are allowed (dev mode, ORIVA_WEBHOOK_ALLOW_PRIVATE) or
 *   the host is trusted (ORIVA_WEBHOOK_ALLOWED_HOSTS): no local receiver lives there.
 * - `internal`: private, loopback, link-local, CGNAT, multicast, reserved and documentation ranges,
 *   dialled only where private targets are allowed.
 * - `public`: anything else.
 *
 * An IPv6 address that carries an IPv4 address (mapped, compatible, translated, NAT64, 6to4,
 * Teredo) is routed to that IPv4 address by a gateway, so it is judged by what it carries too: an
 * address is as restricted as the most restricted address in it.
 */
export type AddressKind = 'public' | 'internal' | 'metadata';

const internal = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  internal.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
  ['100::', 64],
  // RFC 8215 local-use NAT64: translated inside one network, never globally reachable (IANA).
  ['64:ff9b:1::', 48],
] as const) {
  internal.addSubnet(network, prefix, 'ipv6');
}

/**
 * Instance-metadata endpoints: 169.254.169.254 (AWS, GCP, Azure, Oracle, DigitalOcean, OpenStack),
 * fd00:ec2::254 (AWS over IPv6), 169.254.170.2 (AWS ECS task credentials), 100.100.100.200
 * (Alibaba Cloud).
 */
const metadata = new BlockList();
for (const address of ['169.254.169.254', '169.254.170.2', '100.100.100.200']) metadata.addAddress(address, 'ipv4');
metadata.addAddress('fd00:ec2::254', 'ipv6');

const RESTRICTION: Record<AddressKind, number> = { public: 0, internal: 1, metadata: 2 };

/** What a literal IP address is to a webhook; undefined for anything that is not one (a host name). */
export function classifyAddress(address: string): AddressKind | undefined {
  const bare = address.replace(/^\[|\]$/g, '').split('%')[0]!;
  const family = isIP(bare);
  if (family === 4) return classifyIpv4(bare);
  if (family !== 6) return undefined;
  const groups = expandIpv6(bare);
  if (!groups) return 'internal'; // Node parsed it and we cannot: refuse rather than guess.
  let kind: AddressKind = metadata.check(bare, 'ipv6')
    ? 'metadata'
    : internal.check(bare, 'ipv6')
      ? 'internal'
      : 'public';
  for (const inner of embeddedIpv4(groups)) {
    const innerKind = classifyIpv4(inner);
    if (RESTRICTION[innerKind] > RESTRICTION[kind]) kind = innerKind;
  }
  return kind;
}

/**
 * Why a webhook may not dial `address`, or undefined when it may. `allowPrivate` (dev mode,
 * ORIVA_WEBHOOK_ALLOW_PRIVATE, a trusted host) admits internal addresses, never metadata ones.
 */
export function addressRefusal(address: string, allowPrivate: boolean): Exclude<AddressKind, 'public'> | undefined {
  const kind = classifyAddress(address);
  if (kind === 'metadata') return 'metadata';
  if (kind === 'internal' && !allowPrivate) return 'internal';
  return undefined;
}

function classifyIpv4(address: string): AddressKind {
  if (metadata.check(address, 'ipv4')) return 'metadata';
  return internal.check(address, 'ipv4') ? 'internal' : 'public';
}

/** The IPv4 addresses an IPv6 address carries, by the standard that places them (none for most). */
function embeddedIpv4(groups: readonly number[]): string[] {
  const bytes = groups.flatMap((group) => [group >> 8, group & 255]);
  const at = (...indexes: number[]) => indexes.map((index) => bytes[index]!).join('.');
  const zero = (from: number, to: number) => groups.slice(from, to).every((group) => group === 0);
  const [g0, g1, , , g4, g5, g6, g7] = groups as [number, number, number, number, number, number, number, number];
  // ::ffff:a.b.c.d (mapped), ::ffff:0:a.b.c.d (translated, RFC 2765) and ::a.b.c.d (compatible;
  // :: and ::1 are IPv6's own).
  if (zero(0, 4) && ((g4 === 0 && g5 === 0xffff) || (g4 === 0xffff && g5 === 0))) return [at(12, 13, 14, 15)];
  if (zero(0, 6) && (g6 !== 0 || g7 > 1)) return [at(12, 13, 14, 15)];
  // 64:ff9b::/96, NAT64's well-known prefix (RFC 6052): the last 32 bits.
  if (g0 === 0x64 && g1 === 0xff9b && zero(2, 6)) return [at(12, 13, 14, 15)];
  // 64:ff9b:1::/48, local-use NAT64 (RFC 8215): the network picks a prefix of 48 bits or more, so
  // the address sits where RFC 6052 puts it for a /48, /56, /64 or /96 (skipping byte 8, the u-octet).
  if (g0 === 0x64 && g1 === 0xff9b && groups[2] === 1) {
    return [at(6, 7, 9, 10), at(7, 9, 10, 11), at(9, 10, 11, 12), at(12, 13, 14, 15)];
  }
  // 2002::/16, 6to4 (RFC 3056): the relay's IPv4 address in bits 16-47.
  if (g0 === 0x2002) return [at(2, 3, 4, 5)];
  // 2001::/32, Teredo (RFC 4380): the server's IPv4 address in bits 32-63, the client's in the last
  // 32 bits, each bit inverted.
  if (g0 === 0x2001 && g1 === 0) {
    const client = bytes.slice(12, 16).map((byte) => byte ^ 0xff);
    return [at(4, 5, 6, 7), client.join('.')];
  }
  return [];
}

/** The eight 16-bit groups of an IPv6 address (dotted-quad tail included), or undefined. */
function expandIpv6(address: string): number[] | undefined {
  let text = address.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const compressed = text.includes('::');
  const [head, tail] = text.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  if (compressed ? missing < 0 : missing !== 0) return undefined;
  const groups = [...headGroups, ...Array(compressed ? missing : 0).fill('0'), ...tailGroups].map((group) =>
    /^[0-9a-f]{1,4}$/.test(group) ? Number.parseInt(group, 16) : Number.NaN,
  );
  return groups.length === 8 && groups.every((group) => Number.isInteger(group)) ? groups : undefined;
}
