import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import * as ts from 'typescript';

const GAME_SESSIONS = join(__dirname, 'game-sessions');
const DOMAIN = join(GAME_SESSIONS, 'domain');
const APPLICATION = join(GAME_SESSIONS, 'application');
const OUTER_LAYERS = [join(GAME_SESSIONS, 'infrastructure'), join(GAME_SESSIONS, 'http')];
const FRAMEWORKS = ['@nestjs/', 'typeorm', 'class-validator', 'class-transformer', 'socket.io', 'pg', 'express'];

/**
 * Every module specifier the file imports, re-exports, requires or imports dynamically. The compiler's
 * own pre-processor reads them, so a "from '" inside a string or comment is not mistaken for an import.
 */
function importsOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

/** Production files only: specs may reach test support outside the layer, the code may not. */
function sourceFilesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
    .map((file) => join(folder, file));
}

const isInside = (path: string, folder: string) => path === folder || path.startsWith(folder + sep);
const isRelative = (specifier: string) => specifier.startsWith('./') || specifier.startsWith('../');
const isFramework = (specifier: string) =>
  FRAMEWORKS.some((name) => specifier === name || specifier.startsWith(name.endsWith('/') ? name : `${name}/`));

/** Lines "file -> specifier" for each import the predicate rejects, so a failure names the culprit. */
function violations(folder: string, rejects: (specifier: string, file: string) => boolean): string[] {
  return sourceFilesUnder(folder).flatMap((file) =>
    importsOf(readFileSync(file, 'utf8'))
      .filter((specifier) => rejects(specifier, file))
      .map((specifier) => `${relative(__dirname, file)} -> ${specifier}`),
  );
}

describe('architecture: dependencies point inward', () => {
  it('the import scanner sees every form of import', () => {
    const source = [
      "import { Injectable } from '@nestjs/common';",
      "import type { DataSource } from 'typeorm';",
      "import 'reflect-metadata';",
      "export * from './game-session';",
      "const pg = require('pg');",
      "const io = await import('socket.io');",
      "const text = 'remove participants from';",
      "// a comment: import { x } from 'express'",
    ].join('\n');

    expect(importsOf(source)).toEqual(['@nestjs/common', 'typeorm', 'reflect-metadata', './game-session', 'pg', 'socket.io']);
  });

  it('the layers checked below hold source files', () => {
    expect(sourceFilesUnder(DOMAIN).map((f) => relative(DOMAIN, f))).toContain('game-session.ts');
    expect(sourceFilesUnder(APPLICATION).map((f) => relative(APPLICATION, f))).toContain('game-sessions.service.ts');
  });

  it('the domain imports no framework, ORM, validator, socket, database or web library', () => {
    expect(violations(DOMAIN, (specifier) => isFramework(specifier))).toEqual([]);
  });

  it('the domain imports nothing outside the domain folder, packages and node built-ins included', () => {
    const outside = (specifier: string, file: string) =>
      !isRelative(specifier) || !isInside(resolve(dirname(file), specifier), DOMAIN);

    expect(violations(DOMAIN, outside)).toEqual([]);
  });

  it('the application imports nothing from infrastructure or http, and no typeorm', () => {
    const outward = (specifier: string, file: string) =>
      specifier === 'typeorm' ||
      specifier.startsWith('typeorm/') ||
      (isRelative(specifier) && OUTER_LAYERS.some((layer) => isInside(resolve(dirname(file), specifier), layer)));

    expect(violations(APPLICATION, outward)).toEqual([]);
  });
});
