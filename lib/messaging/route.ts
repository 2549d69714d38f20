import type { $ZodType, input, output } from 'zod/v4/core';

/** One request type: what is asked and what is answered, both parsed by whoever receives them. */
export interface Route<Request extends $ZodType = $ZodType, Response extends $ZodType = $ZodType> {
  request: Request;
  response: Response;
}

export function route<Request extends $ZodType, Response extends $ZodType>(request: Request, response: Response) {
  return { request, response };
}

export type Protocol = Record<string, Route>;
export type RequestType<P extends Protocol> = keyof P & string;
export type RequestOf<P extends Protocol, T extends RequestType<P>> = input<P[T]['request']>;
export type ResponseOf<P extends Protocol, T extends RequestType<P>> = output<P[T]['response']>;
export type ParsedRequestOf<P extends Protocol, T extends RequestType<P>> = output<P[T]['request']>;
export type AnswerOf<P extends Protocol, T extends RequestType<P>> = input<P[T]['response']>;
