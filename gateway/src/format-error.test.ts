import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@drobble/kit/logger';
import { createGatewayErrorFormatter } from './format-error.ts';

const format = createGatewayErrorFormatter(createLogger('test', 'silent'));

describe('gateway error formatter', () => {
  it('keeps a subgraph contract code but drops serviceName, stack traces and exception details', () => {
    const error = new GraphQLError('Out of stock', {
      path: ['addToCart'],
      extensions: { code: 'OUT_OF_STOCK', serviceName: 'inventory', stacktrace: ['at x'], exception: { sql: 'select' }, available: 2 },
    });
    expect(format(error.toJSON(), error)).toEqual({ message: 'Out of stock', path: ['addToCart'], extensions: { code: 'OUT_OF_STOCK', available: 2 } });
  });

  it('masks anything without a contract code', () => {
    const error = new GraphQLError('connect ECONNREFUSED 10.0.0.3:4002', { extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'catalog' } });
    expect(format(error.toJSON(), error)).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('passes Apollo Server own 4xx request errors as BAD_USER_INPUT', () => {
    const error = new GraphQLError('provided sha does not match query', { extensions: { http: { status: 400 } } });
    const formatted = { message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    expect(format(formatted, error)).toEqual({ message: 'provided sha does not match query', extensions: { code: 'BAD_USER_INPUT' } });
  });
});
