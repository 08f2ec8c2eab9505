/**
 * HTTP errors in the Direct Line error shape, `{ "error": { "code", "message" } }`, which we use
 * on every route so clients deal with one shape. Bad input is always a 4xx, never a 5xx.
 */
import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from '../../bot/logger.js';

export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

interface BodyParserError {
  type?: string;
  status?: number;
}

/** Turns body-parser failures and HttpErrors into the error shape; anything else is a 500. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    if (error instanceof HttpError) return sendError(res, error.status, error.code, error.message);
    const parserError = error as BodyParserError;
    switch (parserError.type) {
      case 'entity.parse.failed':
        return sendError(res, 400, 'BadSyntax', 'The request body is not valid JSON.');
      case 'entity.too.large':
        return sendError(res, 413, 'MessageSizeTooBig', 'The request body is larger than 256 kB.');
      case 'encoding.unsupported':
      case 'charset.unsupported':
        return sendError(res, 415, 'BadArgument', 'The request body must be UTF-8 JSON.');
      case 'request.aborted':
        return sendError(res, 400, 'BadArgument', 'The request was aborted.');
    }
    if (typeof parserError.status === 'number' && parserError.status >= 400 && parserError.status < 500) {
      return sendError(res, parserError.status, 'BadArgument', 'The request is not valid.');
    }
    logger.error({ err: error }, 'unhandled error in an HTTP request');
    if (!res.headersSent) sendError(res, 500, 'ServiceError', 'Something went wrong on our side.');
  };
}
