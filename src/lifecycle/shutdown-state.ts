import { Injectable } from '@nestjs/common';

/** Set when the instance starts draining: readiness turns 503 so that load balancers look elsewhere. */
@Injectable()
export class ShutdownState {
  draining = false;
}
