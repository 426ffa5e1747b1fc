import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { ApplicationConfig, MetadataScanner, ModulesContainer } from '@nestjs/core';
import { IS_PUBLIC } from './public.decorator';

/**
 * The open paths under the API prefix, read once at start from the routes marked @Public(): for
 * refusals raised before any route is matched (a flood, an unreadable body), where the guard has
 * not run yet. Everything else under the prefix wants a token.
 */
@Injectable()
export class PublicRoutes implements OnApplicationBootstrap {
  private readonly open: string[] = [];
  private prefix = '/';

  constructor(
    private readonly modules: ModulesContainer,
    private readonly application: ApplicationConfig,
  ) {}

  /** A path served outside any controller (the OpenAPI UI) that needs no token. */
  openPath(path: string): void {
    this.open.push(path);
  }

  needsToken(path: string): boolean {
    return path.startsWith(this.prefix) && !this.open.some((open) => path === open || path.startsWith(`${open}/`));
  }

  onApplicationBootstrap(): void {
    this.prefix = `/${this.application.getGlobalPrefix()}/`.replace(/\/+/g, '/');
    const scanner = new MetadataScanner();
    for (const module of this.modules.values()) {
      for (const { metatype } of module.controllers.values()) {
        if (!metatype) continue;
        const base = join(this.prefix, Reflect.getMetadata(PATH_METADATA, metatype));
        if (Reflect.getMetadata(IS_PUBLIC, metatype) === true) this.open.push(base);
        else this.open.push(...publicMethodPaths(scanner, metatype.prototype, base));
      }
    }
  }
}

function publicMethodPaths(scanner: MetadataScanner, prototype: object, base: string): string[] {
  return scanner
    .getAllMethodNames(prototype)
    .map((name) => (prototype as Record<string, object>)[name])
    .filter((handler) => Reflect.getMetadata(IS_PUBLIC, handler) === true)
    .map((handler) => join(base, Reflect.getMetadata(PATH_METADATA, handler)));
}

const join = (...parts: (string | undefined)[]) => `/${parts.filter(Boolean).join('/')}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
