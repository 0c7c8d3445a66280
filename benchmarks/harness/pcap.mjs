/**
 * Request → response latencies read off the wire: a classic pcap file (what `tcpdump -w` writes)
 * of HTTP/1.1 traffic to one server port, paired per connection in order. Without pipelining (one
 * request in flight per connection, as volley's VUs and wrk's connections have) the n-th response
 * on a connection answers its n-th request. A latency is first request byte → first response byte
 * as the kernel saw them; for a response that fits one packet that is the whole exchange. The
 * accuracy benchmark compares a generator's own figures with these: the difference is what the
 * generator's clock adds.
 */

/** Bytes before the IP header, per link type: DLT_NULL, DLT_EN10MB (Linux `lo`), LINUX_SLL, LINUX_SLL2. */
const LINK_HEADER_BYTES = new Map([
  [0, 4],
  [1, 14],
  [113, 16],
  [276, 20],
]);
const TCP = 6;
/** A request line's start: an upper-case method and a space (`GET /delay50 HTTP/1.1`). */
const REQUEST_START = /^[A-Z]{3,10} /;
const RESPONSE_START = 'HTTP/1.';

/** The latencies (ms) of the exchanges with `serverPort` in `pcap`, in the order their responses came. */
export function wireLatencies(pcap, serverPort) {
  const sentAt = new Map(); // client port → request times not yet answered
  const latencies = [];
  for (const { timeMs, sourcePort, destinationPort, payload } of tcpSegments(pcap)) {
    if (payload.length === 0) continue;
    if (destinationPort === serverPort && REQUEST_START.test(payload.toString('latin1', 0, 11))) {
      let pending = sentAt.get(sourcePort);
      if (pending === undefined) sentAt.set(sourcePort, (pending = []));
      pending.push(timeMs);
    } else if (sourcePort === serverPort && payload.toString('latin1', 0, RESPONSE_START.length) === RESPONSE_START) {
      const sent = sentAt.get(destinationPort)?.shift();
      if (sent !== undefined) latencies.push(timeMs - sent);
    }
  }
  return latencies;
}

/** Every IPv4/IPv6 TCP segment in a classic pcap file (either byte order, µs or ns timestamps). */
export function* tcpSegments(pcap) {
  if (pcap.length < 24) throw new Error('not a pcap file: shorter than its header');
  const magic = pcap.readUInt32LE(0);
  const littleEndian = magic === 0xa1b2c3d4 || magic === 0xa1b23c4d;
  const bigEndian = magic === 0xd4c3b2a1 || magic === 0x4d3cb2a1;
  if (!littleEndian && !bigEndian) throw new Error(`not a classic pcap file (magic 0x${magic.toString(16)})`);
  const u32 = (at) => (littleEndian ? pcap.readUInt32LE(at) : pcap.readUInt32BE(at));
  const fractionPerSecond = magic === 0xa1b23c4d || magic === 0x4d3cb2a1 ? 1e9 : 1e6;
  const linkType = u32(20) & 0xffff;
  const linkBytes = LINK_HEADER_BYTES.get(linkType);
  if (linkBytes === undefined) throw new Error(`pcap link type ${linkType} is not one this reader knows`);
  for (let at = 24; at + 16 <= pcap.length; ) {
    const timeMs = u32(at) * 1000 + (u32(at + 4) / fractionPerSecond) * 1000;
    const captured = u32(at + 8);
    const frame = pcap.subarray(at + 16, at + 16 + captured);
    at += 16 + captured;
    const segment = tcpIn(frame.subarray(linkBytes));
    if (segment !== null) yield { timeMs, ...segment };
  }
}

/** The TCP ports and payload of an IP packet, or null when it is not TCP (or is cut short). */
function tcpIn(ip) {
  if (ip.length < 1) return null;
  const version = ip[0] >> 4;
  let tcpAt;
  if (version === 4) {
    if (ip.length < 20 || ip[9] !== TCP) return null;
    tcpAt = (ip[0] & 0x0f) * 4;
  } else if (version === 6) {
    if (ip.length < 40 || ip[6] !== TCP) return null; // extension headers: none on loopback TCP
    tcpAt = 40;
  } else {
    return null;
  }
  if (ip.length < tcpAt + 20) return null;
  const payloadAt = tcpAt + (ip[tcpAt + 12] >> 4) * 4;
  return { sourcePort: ip.readUInt16BE(tcpAt), destinationPort: ip.readUInt16BE(tcpAt + 2), payload: ip.subarray(payloadAt) };
}
