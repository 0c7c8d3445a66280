/**
 * What the control API reads and changes, in k6's terms (`/v1/status`): the server speaks HTTP and
 * JSON:API, a ControlTarget (the running test, see run-control.ts) does the rest.
 */

/** k6's ExecutionStatus numbers, as `GET /v1/status` reports them in `status`. */
export const ExecutionStatus = {
  created: 0,
  initVUs: 1,
  initExecutors: 2,
  initDone: 3,
  pausedBeforeRun: 4,
  started: 5,
  setup: 6,
  running: 7,
  teardown: 8,
  ended: 9,
  interrupted: 10,
} as const;
export type ExecutionStatus = (typeof ExecutionStatus)[keyof typeof ExecutionStatus];

/** The attributes of k6's status resource. */
export interface StatusAttributes {
  status: ExecutionStatus;
  paused: boolean;
  /** VUs active now, across scenarios and workers. */
  vus: number;
  /** VUs initialized (pre-allocated) for the run. */
  'vus-max': number;
  stopped: boolean;
  running: boolean;
  /** Some threshold fails on what was measured so far. */
  tainted: boolean;
}

/** What a `PATCH /v1/status` may set; absent (or null) fields stay as they are. */
export interface StatusPatch {
  paused?: boolean;
  vus?: number;
  'vus-max'?: number;
  stopped?: boolean;
}

export interface ControlTarget {
  status(): StatusAttributes;
  /** Applies a change; resolves once the workers applied it. Throws ControlRejected when it cannot be applied. */
  apply(patch: StatusPatch): Promise<void>;
}

/** A request the control API refuses (HTTP 400): `title` as k6 words it, `detail` naming the field and the fix. */
export class ControlRejected extends Error {
  readonly title: string;
  constructor(title: string, detail: string) {
    super(detail);
    this.name = 'ControlRejected';
    this.title = title;
  }
}
