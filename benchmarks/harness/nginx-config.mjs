/**
 * The private nginx configuration the benchmarks run against: one worker, no logging on the hot
 * path, keep-alive that never ends a benchmark connection, every path nginx writes kept inside the
 * run's own directory (so it needs no /var/lib/nginx and leaves nothing behind).
 */
import { join } from 'node:path';

const DEFAULT_CONNECTIONS = 16384;

/**
 * `location /` answers a 3-byte body from the config itself (no file I/O), so the server's cost is as
 * small as nginx can make it and the figure is the generator's. `/delay50` answers after 50 ms
 * (echo_sleep) when the echo module is available, for latency-accuracy benchmarks.
 * `connections` raises nginx's connection cap for benchmarks that hold more than the default open
 * at once (memory: one per VU); nginx also needs an open-files limit above it.
 */
export function nginxConfig({ dir, port, echoModule, connections = DEFAULT_CONNECTIONS }) {
  const temp = (name) => join(dir, 'tmp', name);
  return `# Written by benchmarks/harness/nginx-config.mjs for one benchmark run; deleted when it ends.
${echoModule ? `load_module ${echoModule};\n` : ''}worker_processes 1;
worker_rlimit_nofile ${Math.max(20000, connections + 100)};
daemon off;
# One process: the pid the harness started is the one serving, and the only one it must stop.
master_process off;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;

events {
  worker_connections ${connections};
}

http {
  access_log off;
  default_type text/plain;
  keepalive_requests 1000000;
  keepalive_timeout 65;
  client_body_temp_path ${temp('body')};
  proxy_temp_path ${temp('proxy')};
  fastcgi_temp_path ${temp('fastcgi')};
  uwsgi_temp_path ${temp('uwsgi')};
  scgi_temp_path ${temp('scgi')};

  server {
    # Linux's default accept queue (511) drops the SYNs of thousands of VUs connecting at once, and
    # their retries come 1 s, 3 s, 7 s later; 4096 is net.core.somaxconn's usual cap.
    listen 127.0.0.1:${port} backlog=4096;

    location / {
      return 200 "ok\\n";
    }
${
  echoModule
    ? `
    location /delay50 {
      echo_sleep 0.05;
      echo "ok";
    }
`
    : ''
}  }
}
`;
}
