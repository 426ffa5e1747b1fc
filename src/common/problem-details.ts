import { STATUS_CODES } from 'node:http';
import { PROBLEM_CODES, ProblemCode, ProblemDetails, problemTypeUri } from '../contract/problems';

export function problem(code: string, status: number, detail: string): ProblemDetails {
  return { type: problemTypeUri(code), title: STATUS_CODES[status] ?? 'Error', status, detail, code };
}

/** The problem for one of the contract's codes, with the status it stands for. */
export function knownProblem(code: ProblemCode, detail: string): ProblemDetails {
  return problem(code, PROBLEM_CODES[code][0], detail);
}
