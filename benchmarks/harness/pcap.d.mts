// Types for pcap.mjs, for the test that checks it (test/benchmarks/pcap.test.ts).
export function wireLatencies(pcap: Buffer, serverPort: number): number[];
export function tcpSegments(pcap: Buffer): Generator<{ timeMs: number; sourcePort: number; destinationPort: number; payload: Buffer }>;
