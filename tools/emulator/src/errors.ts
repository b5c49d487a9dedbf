// Genesys-shaped errors: every non-2xx answer carries the Platform API error body and a correlation id,
// because the provider's retry logic greps the "API Error: <status>" text built from that body.

export class GenesysError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { details?: { fieldName?: string; errorCode?: string }[]; entityId?: string } = {},
  ) {
    super(message);
  }
}

export function errorBody(
  status: number,
  code: string,
  message: string,
  contextId: string,
  extra: GenesysError['extra'] = {},
) {
  return {
    message,
    code,
    status,
    messageWithParams: message,
    messageParams: {},
    contextId,
    details: extra.details ?? [],
    errors: [],
    ...(extra.entityId ? { entityId: extra.entityId } : {}),
  };
}

export const notFound = (what = 'The requested resource was not found.') =>
  new GenesysError(404, 'not.found', what);
export const badRequest = (message: string, fieldName?: string) =>
  new GenesysError(
    400,
    'bad.request',
    message,
    fieldName ? { details: [{ fieldName, errorCode: 'invalid.value' }] } : {},
  );
export const conflict = (message: string) => new GenesysError(409, 'general.conflict', message);
export const versionMismatch = () =>
  new GenesysError(409, 'general.conflict', 'Version does not match current version.');
