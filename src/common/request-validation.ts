import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform, ValidationError, ValidationPipe } from '@nestjs/common';
import { UUID_PATTERN } from '../contract/uuid';

/** A malformed request: answered 400 VALIDATION_FAILED with `message` as the detail. */
export class RequestValidationFailed extends BadRequestException {}

/** class-validator's messages name their field ("title must be a string", "property x should not exist"), nested ones too. */
function describe(errors: ValidationError[]): string {
  return messagesOf(errors).join('; ');
}

const messagesOf = (errors: ValidationError[] = []): string[] =>
  errors.flatMap((error) => [...Object.values(error.constraints ?? {}), ...messagesOf(error.children)]);

const validationPipe = (forbidNonWhitelisted: boolean): ValidationPipe =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => new RequestValidationFailed(describe(errors)),
  });
const strict = validationPipe(true);
const lenient = validationPipe(false);

const OPTIONAL_BODY = Symbol('optionalBody');

/** On a request class whose every field is optional: a request sent without a body is read as `{}`. */
export const OptionalBody = (): ClassDecorator => (target) => Reflect.defineMetadata(OPTIONAL_BODY, true, target);

/** Bodies must be JSON objects with known fields only; query strings ignore parameters they do not know. */
@Injectable()
export class RequestValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'body') {
      if (value === undefined && metadata.metatype && Reflect.getMetadata(OPTIONAL_BODY, metadata.metatype)) return strict.transform({}, metadata);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new RequestValidationFailed('Request body must be a JSON object');
      }
      return strict.transform(value, metadata);
    }
    if (metadata.type === 'query') return lenient.transform(value, metadata);
    return value;
  }
}

/** A path id: any UUID, answered in lower case so that ids compare equal whatever the caller's case. */
@Injectable()
export class ParseUuidPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!UUID_PATTERN.test(value)) throw new RequestValidationFailed(`${metadata.data ?? 'id'} must be a UUID`);
    return value.toLowerCase();
  }
}
