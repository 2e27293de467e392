import { describe, expect, it } from 'vitest';
import { type AddressKind, addressRefusal, classifyAddress } from './address-policy.js';

// Teredo hides the client's IPv4 address inverted: ~93.184.216.34 = a247:2ddd, ~127.0.0.1 =
// 80ff:fffe, ~169.254.169.254 = 5601:5601. 65.54.227.120 (4136:e378) is RFC 4380's public server.
const TABLE: Array<[string, AddressKind | undefined, string]> = [
  ['93.184.216.34', 'public', 'IPv4'],
  ['10.0.0.1', 'internal', 'IPv4 private'],
  ['127.0.0.1', 'internal', 'IPv4 loopback'],
  ['169.254.1.1', 'internal', 'IPv4 link-local'],
  ['100.64.0.1', 'internal', 'CGNAT'],
  ['169.254.169.254', 'metadata', 'the metadata address'],
  ['169.254.170.2', 'metadata', 'ECS task credentials'],
  ['100.100.100.200', 'metadata', 'Alibaba Cloud metadata'],
  ['2606:4700:4700::1111', 'public', 'IPv6'],
  ['2001:4860:4860::8888', 'public', 'IPv6 in 2001::/16 but not Teredo'],
  ['::1', 'internal', 'IPv6 loopback'],
  ['::', 'internal', 'unspecified'],
  ['fd00::1', 'internal', 'unique local'],
  ['fe80::1%eth0', 'internal', 'link-local with a zone'],
  ['[::1]', 'internal', 'bracketed'],
  ['fd00:ec2::254', 'metadata', 'AWS metadata over IPv6'],
  ['fd00:ec2:0:0:0:0:0:254', 'metadata', 'AWS metadata, uncompressed'],
  ['::ffff:127.0.0.1', 'internal', 'IPv4-mapped'],
  ['::ffff:7f00:1', 'internal', 'IPv4-mapped, hex'],
  ['::ffff:a9fe:a9fe', 'metadata', 'IPv4-mapped metadata'],
  ['::ffff:93.184.216.34', 'public', 'IPv4-mapped public'],
  ['::ffff:0:10.0.0.1', 'internal', 'IPv4-translated'],
  ['::127.0.0.1', 'internal', 'IPv4-compatible'],
  ['::a9fe:a9fe', 'metadata', 'IPv4-compatible metadata'],
  ['64:ff9b::10.0.0.1', 'internal', 'NAT64 well-known prefix'],
  ['64:ff9b::a9fe:a9fe', 'metadata', 'NAT64 metadata'],
  ['64:ff9b::93.184.216.34', 'public', 'NAT64 public'],
  ['64:ff9b:1::5db8:d822', 'internal', 'local-use NAT64, whatever it carries'],
  ['64:ff9b:1::a9fe:a9fe', 'metadata', 'local-use NAT64 /96, metadata'],
  ['64:ff9b:1:a9fe:a9:fe00::', 'metadata', 'local-use NAT64 /48, metadata around the u-octet'],
  ['64:ff9b:1:a9:fe:a9fe::', 'metadata', 'local-use NAT64 /56, metadata'],
  ['64:ff9b:1:0:a9:fea9:fe00:0', 'metadata', 'local-use NAT64 /64, metadata'],
  ['2002:5db8:d822::1', 'public', '6to4 public'],
  ['2002:a00:1::1', 'internal', '6to4 private'],
  ['2002:7f00:1::', 'internal', '6to4 loopback'],
  ['2002:a9fe:a9fe::', 'metadata', '6to4 metadata'],
  ['2001:0:4136:e378:8000:63bf:a247:2ddd', 'public', 'Teredo, public server and client'],
  ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'internal', 'Teredo, loopback client'],
  ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'internal', "RFC 4380's example: client 192.0.2.45 (documentation)"],
  ['2001:0:4136:e378:8000:63bf:5601:5601', 'metadata', 'Teredo, metadata client'],
  ['2001:0:a00:1:8000:63bf:a247:2ddd', 'internal', 'Teredo, private server'],
  ['2001:0:a9fe:a9fe:8000:63bf:a247:2ddd', 'metadata', 'Teredo, metadata server'],
  ['example.com', undefined, 'a host name'],
];

describe('classifyAddress', () => {
  it.each(TABLE)('%s is %s (%s)', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });
});

describe('addressRefusal', () => {
  it('admits internal addresses only where private targets are allowed, metadata ones nowhere', () => {
    const refusals = (address: string) => [addressRefusal(address, false), addressRefusal(address, true)];
    expect(refusals('93.184.216.34')).toEqual([undefined, undefined]);
    expect(refusals('10.0.0.1')).toEqual(['internal', undefined]);
    expect(refusals('2002:a00:1::1')).toEqual(['internal', undefined]);
    for (const address of ['169.254.169.254', 'fd00:ec2::254', '::ffff:a9fe:a9fe', '2002:a9fe:a9fe::']) {
      expect(refusals(address), address).toEqual(['metadata', 'metadata']);
    }
  });
});
