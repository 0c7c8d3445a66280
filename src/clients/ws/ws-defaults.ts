/** A run's WebSocket defaults, from the resolved options (the same TLS and User-Agent options as HTTP's). */
import type { ResolvedOptions } from '../../config/options.js';

export interface WsDefaults {
  /** Sent as User-Agent on the upgrade unless the params set one; '' sends none. */
  readonly userAgent: string;
  /** k6's insecureSkipTLSVerify: wss:// accepts any server certificate. */
  readonly insecureSkipTLSVerify: boolean;
  /** How long the opening handshake may take (k6's: 60 s). */
  readonly handshakeTimeoutMs: number;
}

const HANDSHAKE_TIMEOUT_MS = 60_000;

export function wsDefaultsOf(options: ResolvedOptions): WsDefaults {
  return { userAgent: options.userAgent, insecureSkipTLSVerify: options.insecureSkipTLSVerify, handshakeTimeoutMs: HANDSHAKE_TIMEOUT_MS };
}
