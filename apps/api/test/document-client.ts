import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/** The parts of an OpenAPI 3.1 document a client needs; everything else is ignored. */
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, DocOperation>>;
  components: {
    schemas: Record<string, object>;
    responses: Record<string, DocResponse>;
    securitySchemes: Record<string, SecurityScheme>;
  };
}
export interface DocOperation {
  security?: Record<string, string[]>[];
  requestBody?: { content: Record<string, { schema: object }> };
  responses: Record<string, DocResponse | { $ref: string }>;
  'x-access'?: string;
  'x-step-up'?: boolean;
}
interface DocResponse {
  description: string;
  content?: Record<string, { schema: object }>;
}
export interface SecurityScheme {
  type: string;
  in?: string;
  name?: string;
  description?: string;
}

export interface DocReply {
  status: number;
  body: unknown;
  headers: Headers;
}

const SELF = 'https://coop.invalid/openapi.json';

/**
 * A client that knows only the OpenAPI document: it finds operations by their documented path,
 * sends what their security requirements name, and checks every answer against the schema the
 * document gives for its status and media type.
 */
export class DocumentClient {
  private readonly ajv = new Ajv2020({ strict: true, allErrors: true });
  private readonly compiled = new Map<object, ValidateFunction>();
  private readonly cookies = new Map<string, string>();
  /** What the client sends for an API-key scheme in a header (the CSRF scheme says `1`). */
  readonly headerKeys = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    readonly doc: OpenApiDocument,
    /** What a browser would send; WebAuthn ceremonies check it. */
    readonly origin: string,
  ) {
    addFormats(this.ajv);
    this.ajv.addKeyword('components');
    this.ajv.addSchema({ $id: SELF, components: { schemas: doc.components.schemas } });
  }

  operation(method: string, path: string): DocOperation {
    const operation = this.doc.paths[path]?.[method.toLowerCase()];
    if (!operation) throw new Error(`The document has no ${method} ${path}.`);
    return operation;
  }

  /** `path` is the documented template; `params` fill its `{placeholders}`. */
  async call(
    method: string,
    path: string,
    { params = {}, body }: { params?: Record<string, string>; body?: unknown } = {},
  ): Promise<DocReply> {
    const operation = this.operation(method, path);
    if (body !== undefined)
      this.check(this.requestSchema(operation), body, `${method} ${path} body`);
    const headers: Record<string, string> = { Origin: this.origin };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const cookie: string[] = [];
    for (const name of Object.keys(operation.security?.[0] ?? {})) {
      const scheme = this.doc.components.securitySchemes[name];
      if (scheme.type !== 'apiKey' || !scheme.name) throw new Error(`Unsupported scheme ${name}`);
      if (scheme.in === 'header') headers[scheme.name] = this.headerKeys.get(name) ?? '';
      const value = this.cookies.get(scheme.name);
      if (scheme.in === 'cookie' && value) cookie.push(`${scheme.name}=${value}`);
    }
    if (cookie.length > 0) headers.Cookie = cookie.join('; ');
    const url = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name]));
    const res = await fetch(`${this.baseUrl}${url}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      const value = pair.slice(at + 1);
      if (value) this.cookies.set(pair.slice(0, at), value);
      else this.cookies.delete(pair.slice(0, at));
    }
    const text = await res.text();
    const mediaType = (res.headers.get('content-type') ?? '').split(';')[0].trim();
    const reply = {
      status: res.status,
      body: mediaType.endsWith('json') && text ? JSON.parse(text) : text,
      headers: res.headers,
    };
    this.checkReply(method, path, operation, reply, mediaType);
    return reply;
  }

  private requestSchema(operation: DocOperation): object {
    const schema = operation.requestBody?.content['application/json']?.schema;
    if (!schema) throw new Error('The document gives this operation no JSON request body.');
    return schema;
  }

  private checkReply(
    method: string,
    path: string,
    operation: DocOperation,
    reply: DocReply,
    mediaType: string,
  ): void {
    const where = `${method} ${path} → ${reply.status}`;
    const declared = operation.responses[String(reply.status)] ?? operation.responses.default;
    if (!declared) throw new Error(`${where}: the document does not list this status.`);
    const response =
      '$ref' in declared
        ? this.doc.components.responses[declared.$ref.replace('#/components/responses/', '')]
        : declared;
    if (reply.status === 204) {
      if (reply.body !== '') throw new Error(`${where}: a 204 with a body`);
      return;
    }
    const schema = response.content?.[mediaType]?.schema;
    if (!schema) throw new Error(`${where}: no schema for ${mediaType || 'an empty body'}.`);
    this.check(schema, reply.body, where);
  }

  private check(schema: object, value: unknown, where: string): void {
    let validate = this.compiled.get(schema);
    if (!validate) {
      // The operation's references point into the document, which the validator knows as SELF.
      const json = JSON.stringify(schema).replaceAll('"#/components/', `"${SELF}#/components/`);
      validate = this.ajv.compile(JSON.parse(json) as object);
      this.compiled.set(schema, validate);
    }
    if (!validate(value)) {
      throw new Error(
        `${where}: does not match the document: ${this.ajv.errorsText(validate.errors)}`,
      );
    }
  }
}
