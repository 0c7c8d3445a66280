import { describe, expect, it } from 'vitest';
import { wireLatencies } from '../../benchmarks/harness/pcap.mjs';

const SERVER = 8080;

/** One Ethernet/IPv4/TCP frame as tcpdump records it on `lo`, at `timeUs`. */
function frame(timeUs: number, from: number, to: number, payload: string): Buffer {
  const tcp = Buffer.alloc(20);
  tcp.writeUInt16BE(from, 0);
  tcp.writeUInt16BE(to, 2);
  tcp[12] = 5 << 4; // 20-byte header
  const ip = Buffer.alloc(20);
  ip[0] = 0x45; // IPv4, 20-byte header
  ip[9] = 6; // TCP
  const packet = Buffer.concat([Buffer.alloc(14), ip, tcp, Buffer.from(payload, 'latin1')]);
  const record = Buffer.alloc(16);
  record.writeUInt32LE(Math.floor(timeUs / 1e6), 0);
  record.writeUInt32LE(timeUs % 1e6, 4);
  record.writeUInt32LE(packet.length, 8);
  record.writeUInt32LE(packet.length, 12);
  return Buffer.concat([record, packet]);
}

function pcap(frames: Buffer[]): Buffer {
  const header = Buffer.alloc(24);
  header.writeUInt32LE(0xa1b2c3d4, 0); // microsecond timestamps, little-endian
  header.writeUInt16LE(2, 4);
  header.writeUInt16LE(4, 6);
  header.writeUInt32LE(65535, 16);
  header.writeUInt32LE(1, 20); // DLT_EN10MB
  return Buffer.concat([header, ...frames]);
}

describe('wireLatencies (the accuracy benchmark reads tcpdump with it)', () => {
  it('pairs each response with its connection’s oldest unanswered request, ignoring bare ACKs', () => {
    const file = pcap([
      frame(1_000_000, 40001, SERVER, 'GET /delay50 HTTP/1.1\r\nhost: x\r\n\r\n'),
      frame(1_000_300, 40002, SERVER, 'GET /delay50 HTTP/1.1\r\n\r\n'),
      frame(1_000_400, SERVER, 40001, ''), // an ACK: no payload
      frame(1_050_500, SERVER, 40002, 'HTTP/1.1 200 OK\r\n\r\n'),
      frame(1_051_000, SERVER, 40001, 'HTTP/1.1 200 OK\r\n\r\n'),
      frame(1_060_000, 40001, SERVER, 'GET /delay50 HTTP/1.1\r\n\r\n'),
      frame(1_110_250, SERVER, 40001, 'HTTP/1.1 200 OK\r\n\r\n'),
    ]);
    const latencies = wireLatencies(file, SERVER);
    expect(latencies.map((ms) => Math.round(ms * 1000) / 1000)).toEqual([50.2, 51, 50.25]);
  });

  it('refuses a file that is not a classic pcap', () => {
    expect(() => wireLatencies(Buffer.alloc(24), SERVER)).toThrow(/not a classic pcap file/);
  });
});
