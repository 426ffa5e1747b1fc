import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;

interface DeclaredResponse {
  readonly headers?: Record<string, { readonly required?: boolean; readonly schema: Json }>;
  readonly content?: Record<string, { readonly schema: Json }>;
}

export interface OpenApiDocument {
  readonly paths: Record<string, Record<string, { readonly responses: Record<string, DeclaredResponse> }>>;
  readonly components: { readonly schemas: Record<string, Json>; readonly responses?: Record<string, DeclaredResponse> };
}

/** A response as it came over the wire. */
export interface ReceivedResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
}

/**
 * The headers this API sends of its own (not helmet's or CORS's): any of them on a response that
 * does not declare it is a violation, so a header the code starts sending cannot go undocumented.
 */
export const API_HEADERS = ['ETag', 'Location', 'Idempotent-Replayed', 'Retry-After', 'WWW-Authenticate', 'Allow', 'X-Request-Id'];

/**
 * Checks responses against an OpenAPI 3.0 document with ajv, a validator independent of the code
 * that wrote the document: the status is declared for the operation; the content type is one it
 * declares (or there is no body where it declares none); each required header is there, each
 * declared header matches its schema, and no API header is sent undeclared; the body matches the
 * schema. Objects are closed (a field the document does not name is a violation), and `nullable` is
 * read as OpenAPI 3.0 means it, by ajv's own support for it.
 */
export class ResponseContract {
  private readonly bodies = new Ajv({ allErrors: true, strictTypes: false });
  private readonly headers = new Ajv({ allErrors: true, strictTypes: false, coerceTypes: true });
  private readonly compiled = new Map<object, ValidateFunction>();

  constructor(private readonly document: OpenApiDocument) {
    for (const ajv of [this.bodies, this.headers]) {
      addFormats(ajv);
      ajv.addKeyword('example');
    }
  }

  /** What is wrong with `received` as an answer of `method path` (a path of the document, with its {params}). */
  violationsOf(method: string, path: string, received: ReceivedResponse): string[] {
    const operation = this.document.paths[path]?.[method.toLowerCase()];
    const where = `${method.toUpperCase()} ${path} → ${received.status}`;
    if (!operation) return [`${where}: no such operation in the document`];
    const declared = operation.responses[String(received.status)];
    if (!declared) return [`${where}: status not declared (declared: ${Object.keys(operation.responses).join(', ')})`];
    return this.violationsOfResponse(declared, received).map((violation) => `${where}: ${violation}`);
  }

  /** What is wrong with `received` as the reusable response `components.responses[name]`. */
  violationsOfComponent(name: string, received: ReceivedResponse): string[] {
    const declared = this.document.components.responses?.[name];
    if (!declared) return [`no response ${name} in components`];
    return this.violationsOfResponse(declared, received).map((violation) => `${name} → ${received.status}: ${violation}`);
  }

  private violationsOfResponse(declared: DeclaredResponse, received: ReceivedResponse): string[] {
    return [...this.headerViolations(declared, received.headers), ...this.bodyViolations(declared, received)];
  }

  private headerViolations(declared: DeclaredResponse, headers: Headers): string[] {
    const violations: string[] = [];
    const names = Object.keys(declared.headers ?? {});
    for (const [name, header] of Object.entries(declared.headers ?? {})) {
      const value = headers.get(name);
      if (value === null) {
        if (header.required) violations.push(`required header ${name} is missing`);
        continue;
      }
      const holder = { value };
      const validate = this.compile(this.headers, { type: 'object', properties: { value: header.schema } });
      if (!validate(holder)) violations.push(`header ${name}: ${JSON.stringify(value)} ${describe(validate, '/value')}`);
    }
    for (const name of API_HEADERS) {
      const isDeclared = names.some((declaredName) => declaredName.toLowerCase() === name.toLowerCase());
      if (!isDeclared && headers.has(name)) violations.push(`header ${name} is sent but not declared`);
    }
    return violations;
  }

  private bodyViolations(declared: DeclaredResponse, received: ReceivedResponse): string[] {
    const contentType = received.headers.get('content-type');
    const content = declared.content ?? {};
    if (Object.keys(content).length === 0) {
      return received.body === '' && contentType === null ? [] : [`a body (${contentType}) where none is declared`];
    }
    const mediaType = contentType?.split(';')[0].trim().toLowerCase() ?? '';
    const declaredMedia = content[mediaType];
    if (!declaredMedia) return [`content type ${contentType} is not declared (declared: ${Object.keys(content).join(', ')})`];
    let body: unknown;
    try {
      body = JSON.parse(received.body);
    } catch {
      return [`the body is not JSON: ${received.body.slice(0, 80)}`];
    }
    const validate = this.compile(this.bodies, declaredMedia.schema);
    return validate(body) ? [] : [`body ${describe(validate)}`];
  }

  private compile(ajv: Ajv, schema: Json): ValidateFunction {
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = ajv.compile(this.toJsonSchema(schema));
      this.compiled.set(schema, validate);
    }
    return validate;
  }

  /**
   * The schema with every `$ref` to components.schemas inlined and every object closed. An inline
   * member of an allOf stays open: it narrows the others and names only some of their fields.
   */
  private toJsonSchema(schema: Json, open = false, seen: string[] = []): Json {
    const ref = schema.$ref;
    if (typeof ref === 'string') {
      const name = ref.replace('#/components/schemas/', '');
      if (seen.includes(name)) throw new Error(`recursive schema ${[...seen, name].join(' → ')}: not supported`);
      const target = this.document.components.schemas[name];
      if (!target) throw new Error(`unresolved $ref ${ref}`);
      return this.toJsonSchema(target, false, [...seen, name]);
    }
    const converted: Json = {};
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'properties') {
        converted.properties = Object.fromEntries(
          Object.entries(value as Record<string, Json>).map(([name, property]) => [name, this.toJsonSchema(property, false, seen)]),
        );
      } else if (key === 'items') {
        converted.items = this.toJsonSchema(value as Json, false, seen);
      } else if (key === 'allOf' || key === 'oneOf' || key === 'anyOf') {
        converted[key] = (value as Json[]).map((member) => this.toJsonSchema(member, key === 'allOf', seen));
      } else {
        converted[key] = value;
      }
    }
    if (converted.properties && converted.additionalProperties === undefined && !open) converted.additionalProperties = false;
    return converted;
  }
}

/** ajv's errors in a line; `holder` is the path of a value that was wrapped in an object to be checked. */
function describe(validate: ValidateFunction, holder?: string): string {
  return (validate.errors ?? [])
    .map((error) => {
      const path = holder === undefined ? error.instancePath || '(root)' : error.instancePath.slice(holder.length);
      return [path, error.message].filter(Boolean).join(' ');
    })
    .join('; ');
}
