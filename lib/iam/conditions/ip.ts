// IP address condition values (R57) through ipaddr.js. A policy value is a CIDR
// block or a bare address; a bare IPv4 address means /32 and a bare IPv6 address
// /128 ([AMBIGUOUS] R57). An IPv4-mapped IPv6 request address is compared as IPv4.

import ipaddr from "ipaddr.js";

export interface IpValue {
  readonly address: ipaddr.IPv4 | ipaddr.IPv6;
  readonly bits: number;
  readonly bare: boolean;
}

function normalise(address: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  if (address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress()) {
    return (address as ipaddr.IPv6).toIPv4Address();
  }
  return address;
}

/** Parses a CIDR block or a bare address; null when the text is neither. */
export function parseIp(text: string): IpValue | null {
  const t = text.trim();
  if (t.includes("/")) {
    try {
      const [address, bits] = ipaddr.parseCIDR(t);
      return { address, bits, bare: false };
    } catch {
      return null;
    }
  }
  if (!ipaddr.isValid(t)) return null;
  const address = normalise(ipaddr.parse(t));
  return { address, bits: address.kind() === "ipv4" ? 32 : 128, bare: true };
}

/** True when the request address lies inside the policy block. */
export function ipInRange(request: IpValue, range: IpValue): boolean {
  const a = request.address;
  const r = range.address;
  if (a.kind() !== r.kind()) return false;
  return a.match(r, range.bits);
}
