import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { AppConfig } from '../config/app-config';
import { HttpConnections } from './http-connections';
import { LiveConnections } from './live-connections';
import { ShutdownState } from './shutdown-state';

/**
 * The first step of every close: readiness off, a grace period for load balancers to notice, live
 * clients sent elsewhere, then the HTTP server stops and its in-flight requests finish. Only then do
 * Nest's later steps dispose the gateway and its adapter, so that every change committed during the
 * drain still reaches this instance's sockets and the other instances.
 */
@Injectable()
export class Drain implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Drain');
  private connections?: HttpConnections;

  constructor(
    private readonly config: AppConfig,
    private readonly state: ShutdownState,
    private readonly adapterHost: HttpAdapterHost,
    private readonly modules: ModuleRef,
  ) {}

  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter?.getHttpServer();
    if (server) this.connections = new HttpConnections(server);
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.state.draining = true;
    // The grace is for load balancers, which only an outside stop (a signal) leaves time to notice.
    if (signal) {
      this.logger.log(`${signal}: draining (grace ${this.config.shutdownGraceMs} ms)`);
      await new Promise((resolve) => setTimeout(resolve, this.config.shutdownGraceMs));
    }
    this.modules.get(LiveConnections, { strict: false }).releaseClients();
    await this.connections?.close();
    if (signal) this.logger.log('Every HTTP request answered; closing the rest');
  }
}
