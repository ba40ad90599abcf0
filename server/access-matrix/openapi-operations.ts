import { tenantOf, type Marker, type MatrixRole, type Tenant, type TwoTenantWorld } from './two-tenant-world';

/** A JSON schema as @fastify/swagger writes it from the zod contracts (the parts the matrix and the fuzz read). */
export interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  additionalProperties?: boolean | JsonSchema;
  default?: unknown;
  nullable?: boolean;
}

export interface ApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonSchema;
}

export interface ApiOperation {
  /** `METHOD /path/{param}`, the key of access-expectations.ts. */
  key: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  pathParameters: string[];
  queryParameters: ApiParameter[];
  hasBody: boolean;
  bodySchema: JsonSchema | null;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: ApiParameter[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
}

/** Every operation of the OpenAPI document (what `app.swagger()` returns), in document order. */
export function listOperations(document: unknown): ApiOperation[] {
  const { paths } = document as OpenApiDocument;
  const operations: ApiOperation[] = [];
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const parameters = operation.parameters ?? [];
      const bodySchema = operation.requestBody?.content['application/json']?.schema ?? null;
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase() as ApiOperation['method'],
        path,
        pathParameters: [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!),
        queryParameters: parameters.filter((parameter) => parameter.in === 'query'),
        hasBody: Boolean(operation.requestBody),
        bodySchema,
      });
    }
  }
  return operations;
}

/**
 * The private strings `role` may not read in any response: every marker for a caller of no tenant, the other
 * tenant's for someone of one tenant, the referral's free-text details for coordinators and platform administrators
 * (only the two organizations read them, ADR 0015), and for an organization's member or administrator the private
 * fields and needs of the other organizations of its own district.
 */
export function forbiddenMarkersFor(role: MatrixRole, world: TwoTenantWorld, localMarkers: { tenant: Tenant; text: string }[] = []): string[] {
  const roleTenant = tenantOf(role);
  // A request's own markers are notes of an organization made for it: no member of the matrix belongs to it.
  const all: Marker[] = [...world.markers, ...localMarkers.map((marker) => ({ ...marker, kind: 'notes' as const, organizationId: 'made-for-the-request' }))];
  return all
    .filter((marker) => {
      if (role === 'platformAdmin') return marker.kind === 'referralDetails';
      if (roleTenant === null) return true;
      if (marker.tenant !== roleTenant) return true;
      if (role.startsWith('coordinator')) return marker.kind === 'referralDetails';
      return marker.organizationId !== undefined && marker.organizationId !== world.tenants[roleTenant].organizationId;
    })
    .map((marker) => marker.text);
}
