/**
 * Opens a VU's channel to one server and waits until it is ready, as k6's blocking dial does: a
 * refused connection or a failed TLS handshake fails at once, with the reason, rather than retrying
 * until the timeout. Each channel gets its own subchannel pool, so a VU owns its connection as it
 * owns its HTTP ones (grpc-js would otherwise share one connection per address across channels).
 */
import { createPrivateKey } from 'node:crypto';
import { Client, connectivityState, credentials, Metadata, type ChannelCredentials, type ChannelOptions } from '@grpc/grpc-js';
import type { CallHost } from './call-host.js';
import type { ConnectPlan } from './call-params.js';
import { GrpcConnectError, GrpcInterruptedError } from './grpc-errors.js';
import { StatusDeadlineExceeded, StatusUnavailable } from './status.js';

/** A ready grpc-js Client to `addr`; throws GrpcConnectError when the server cannot be reached in time. */
export async function dial(host: CallHost, addr: string, plan: ConnectPlan): Promise<Client> {
  const client = new Client(addr, channelCredentials(host, plan), channelOptions(host, plan));
  const deadline = Date.now() + plan.timeoutMs;
  const attempt = { cancel: () => client.close() };
  host.begin(attempt);
  try {
    await waitForReady(client, addr, deadline, host);
    return client;
  } catch (err) {
    client.close();
    throw err;
  } finally {
    host.end(attempt);
  }
}

async function waitForReady(client: Client, addr: string, deadline: number, host: CallHost): Promise<void> {
  const channel = client.getChannel();
  for (;;) {
    if (host.interrupts.retired) throw new GrpcInterruptedError(`grpc.connect(${addr})`);
    const state = channel.getConnectivityState(true);
    if (state === connectivityState.READY) return;
    if (state === connectivityState.TRANSIENT_FAILURE) throw new GrpcConnectError(`grpc.connect(${addr}): ${await lastError(client)}`, StatusUnavailable, 'is the server running, and is plaintext: true set for a server without TLS (or left out for one with it)?');
    if (state === connectivityState.SHUTDOWN) throw new GrpcInterruptedError(`grpc.connect(${addr})`);
    const changed = await new Promise<boolean>((resolve) => channel.watchConnectivityState(state, deadline, (err) => resolve(err === undefined)));
    if (!changed) throw new GrpcConnectError(`grpc.connect(${addr}): not connected within the timeout`, StatusDeadlineExceeded, 'raise grpc.connect(addr, { timeout }) if the server is slow to accept');
  }
}

/**
 * Why the channel failed. grpc-js keeps the reason only for calls: one made now fails at once
 * (UNAVAILABLE, no wait for ready) with `No connection established. Last error: …`.
 */
function lastError(client: Client): Promise<string> {
  return new Promise((resolve) => {
    const noop = (value: Buffer): Buffer => value;
    client.makeUnaryRequest('/volley.Probe/Connect', noop, noop, Buffer.alloc(0), new Metadata(), { deadline: Date.now() + 1000 }, (err) => {
      const details = err?.details ?? 'the connection failed';
      resolve(details.replace(/^No connection established\. Last error: (Error: )?/, '').replace(/\.? Resolution note:.*$/, ''));
    });
  });
}

function channelOptions(host: CallHost, plan: ConnectPlan): ChannelOptions {
  return {
    'grpc.use_local_subchannel_pool': 1,
    'grpc.primary_user_agent': host.defaults.userAgent,
    ...(plan.maxReceiveSize > 0 && { 'grpc.max_receive_message_length': plan.maxReceiveSize }),
    ...(plan.maxSendSize > 0 && { 'grpc.max_send_message_length': plan.maxSendSize }),
    ...(plan.authority !== '' && { 'grpc.default_authority': plan.authority }),
  };
}

function channelCredentials(host: CallHost, plan: ConnectPlan): ChannelCredentials {
  if (plan.plaintext) return credentials.createInsecure();
  const { cert, key, password, cacerts } = plan.tls;
  const roots = cacerts.length > 0 ? Buffer.from(cacerts.join('\n')) : null;
  const privateKey = key === undefined ? null : Buffer.from(password ? createPrivateKey({ key, passphrase: password }).export({ type: 'pkcs8', format: 'pem' }) : key);
  const verify = host.defaults.insecureSkipTLSVerify ? { rejectUnauthorized: false, checkServerIdentity: () => undefined } : {};
  return credentials.createSsl(roots, privateKey, cert === undefined ? null : Buffer.from(cert), verify);
}
