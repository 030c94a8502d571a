// web/openapi.yaml as a checker of real answers: finds the operation of a
// request (path template and method), the response of its status code and
// the media type of its Content-Type, and has Ajv (JSON Schema 2020-12, the
// dialect of OpenAPI 3.1) validate the body against that response's schema,
// $refs into components and all. It also counts which operations and
// documented answers were seen, so a test can tell what it never exercised.
//
// Two readings of each schema:
//   as written        what the document promises; a body must match it.
//   with no extras    the same schemas with `unevaluatedProperties: false`
//                     beside every inline object schema and every `$ref`
//                     (not as a part of an `allOf`, which the other parts
//                     complete, and not at the top of a component schema,
//                     which may be such a part): a member the service sends
//                     that the document does not list is a gap in the
//                     document. Schemas with `additionalProperties` (maps,
//                     or ones closed already) are left as they are.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parseDocument } from 'yaml';

const documentId = 'https://portal.test/openapi.json';
const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

// "/paths/~1tickets~1{id}" as a URI fragment Ajv resolves.
const pointer = (...segments) =>
    segments.map((s) => '/' + encodeURIComponent(String(s).replaceAll('~', '~0').replaceAll('/', '~1'))).join('');

export function readDocument(file) {
    const parsed = parseDocument(readFileSync(file, 'utf8'), { uniqueKeys: true, prettyErrors: true });
    const problems = [...parsed.errors, ...parsed.warnings];
    if (problems.length) throw new Error(`${file} is not clean YAML:\n${problems.join('\n')}`);
    return parsed.toJS();
}

function newAjv(document, { strictTypes = true } = {}) {
    // strict: every keyword must be known, types must be stated where a
    // keyword needs them, formats must be known. OpenAPI's `example`
    // (an annotation, like `examples`) is the one addition. The closed
    // reading puts `unevaluatedProperties` beside `$ref`s whose targets say
    // `type: object` themselves, which strictTypes cannot see.
    const ajv = new Ajv2020({ strict: true, strictTypes, allErrors: true, allowUnionTypes: true });
    addFormats(ajv);
    ajv.addKeyword({ keyword: 'example', schemaType: ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'] });
    // The document's paths and components are added as one schema, so that
    // "#/components/schemas/..." and pointers into paths resolve as written;
    // Ajv compiles that top as a schema too, where the two are to be taken
    // as annotations.
    ajv.addVocabulary(['paths', 'components']);
    ajv.addSchema({ paths: document.paths, components: document.components }, documentId);
    return ajv;
}

// A deep copy of the document with its schemas closed (see above).
function withNoExtras(document) {
    const copy = structuredClone(document);
    const close = (node, { partOfAllOf = false, componentRoot = false } = {}) => {
        if (Array.isArray(node)) {
            node.forEach((item) => close(item));
            return;
        }
        if (!node || typeof node !== 'object') return;
        const isSchemaRef = typeof node.$ref === 'string' && node.$ref.startsWith('#/components/schemas/');
        const isObjectSchema = node.properties && typeof node.properties === 'object';
        if ((isSchemaRef || isObjectSchema) && !partOfAllOf && !componentRoot && !('additionalProperties' in node) &&
            !('unevaluatedProperties' in node)) {
            node.unevaluatedProperties = false;
        }
        for (const [key, value] of Object.entries(node)) {
            if (key === 'example' || key === 'examples') continue;   // sample values, not schemas
            if (key === 'allOf' && Array.isArray(value)) value.forEach((part) => close(part, { partOfAllOf: true }));
            else if (key === 'properties' && value && typeof value === 'object') {
                // A member's schema, even one named like a keyword.
                for (const member of Object.values(value)) close(member);
            } else close(value);
        }
    };
    for (const [name, value] of Object.entries(copy)) {
        if (name !== 'components') close(value);
    }
    for (const [kind, entries] of Object.entries(copy.components ?? {})) {
        for (const entry of Object.values(entries ?? {})) close(entry, { componentRoot: kind === 'schemas' });
    }
    return copy;
}

export class Contract {
    constructor(file) {
        this.file = file;
        this.document = readDocument(file);
        this.server = this.document.servers?.[0]?.url ?? '';
        this.asWritten = newAjv(this.document);
        this.noExtras = newAjv(withNoExtras(this.document), { strictTypes: false });
        this.validators = new Map();
        this.operations = [];   // { method, template, matcher, operationId, operation, pathItem }
        for (const [template, pathItem] of Object.entries(this.document.paths ?? {})) {
            const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
            const matcher = new RegExp(`^${pattern}$`);
            for (const method of httpMethods) {
                if (pathItem[method]) {
                    this.operations.push({
                        method: method.toUpperCase(), template, matcher, pathItem,
                        operation: pathItem[method], operationId: pathItem[method].operationId,
                    });
                }
            }
        }
        this.seen = new Set();   // "operationId status-key"
    }

    // The path template a concrete path is an instance of; a literal
    // segment beats a parameter ("/tickets/x" before "/tickets/{id}").
    templateOf(path) {
        const templates = [...new Set(this.operations.filter((o) => o.matcher.test(path)).map((o) => o.template))];
        templates.sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0));
        return templates[0];
    }

    // Follows one OpenAPI reference ("#/components/responses/SignIn") within
    // the document: the object and its pointer.
    resolve(node, at) {
        let where = at;
        for (let hops = 0; node && typeof node.$ref === 'string'; hops++) {
            if (hops > 10 || !node.$ref.startsWith('#/')) throw new Error(`cannot follow ${node.$ref} at ${at}`);
            const ref = node.$ref;
            where = ref.slice(1);
            node = where.split('/').slice(1).reduce(
                (n, s) => n?.[s.replaceAll('~1', '/').replaceAll('~0', '~')], this.document);
            if (node === undefined) throw new Error(`${ref} (at ${at}) leads nowhere`);
        }
        return { node, at: where };
    }

    // Each documented answer of each operation: "listTickets 400", ...
    documentedAnswers() {
        const answers = [];
        for (const { operationId, operation } of this.operations)
            for (const status of Object.keys(operation.responses ?? {})) answers.push(`${operationId} ${status}`);
        return answers;
    }

    operationIds() { return this.operations.map((o) => o.operationId); }

    // Ajv's validator of the schema at `at` (a pointer into the document).
    // A schema Ajv refuses in strict mode (a `required` member that is not
    // among `properties`, an unknown keyword or format) is a fault of the
    // document too: it throws, saying where.
    validator(ajv, at) {
        const key = `${ajv === this.asWritten ? 'w' : 'c'}${at}`;
        if (!this.validators.has(key)) {
            try {
                this.validators.set(key, ajv.compile({ $ref: `${documentId}#${at}` }));
            } catch (error) {
                throw new Error(`the schema at ${decodeURIComponent(at)} is not valid in Ajv's strict mode: ${error.message}`);
            }
        }
        return this.validators.get(key);
    }

    // Checks one answer to `method` `path` (the path after the server URL,
    // without the query). `status`, `headers` (a fetch Headers) and `text`
    // (the body as received). Returns a list of problems, empty when the
    // answer is as documented, and records what it covered.
    check(method, path, status, headers, text) {
        try {
            return this.checkAnswer(method, path, status, headers, text);
        } catch (error) {
            return [`${method} ${path} -> ${status}: ${error.message}`];
        }
    }

    checkAnswer(method, path, status, headers, text) {
        const label = `${method} ${path} -> ${status}`;
        const template = this.templateOf(path);
        if (!template) return [`${label}: no path of the document matches ${path}`];
        const onPath = this.operations.filter((o) => o.template === template);
        const found = onPath.find((o) => o.method === method);
        let documentedAs = found;
        if (!found) {
            // A method the path does not have: a 405, documented on one of
            // the path's operations (the document puts it on the GET).
            if (status !== 405) return [`${label}: ${method} is not an operation of ${template}, yet the answer is not 405`];
            documentedAs = onPath.find((o) => o.operation.responses?.['405']);
            if (!documentedAs) return [`${label}: 405 on ${template} is documented for none of its operations`];
        }
        const { operationId, operation } = documentedAs;
        const where = `${operationId} (${method} ${template}) answered ${status}`;
        const responses = operation.responses ?? {};
        const statusKey = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in responses);
        if (!statusKey) {
            return [`${where}: status ${status} is not documented for this operation (documented: ${Object.keys(responses).join(', ')})\n  body: ${text.slice(0, 300)}`];
        }
        this.seen.add(`${operationId} ${statusKey}`);
        const responseAt = pointer('paths', template, documentedAs.method.toLowerCase(), 'responses', statusKey);
        const { node: response, at } = this.resolve(responses[statusKey], responseAt);
        const problems = [];

        // Documented headers, when sent, match their schemas; required ones are sent.
        for (const [name, declared] of Object.entries(response.headers ?? {})) {
            const { node: header, at: headerAt } = this.resolve(declared, `${at}${pointer('headers', name)}`);
            const values = name.toLowerCase() === 'set-cookie' ? headers.getSetCookie() : [headers.get(name)].filter((v) => v !== null);
            if (values.length === 0) {
                if (header.required) problems.push(`${where}: the required header ${name} is missing`);
                continue;
            }
            if (!header.schema) continue;
            const validate = this.validator(this.asWritten, `${headerAt}/schema`);
            for (const value of values) {
                const typed = ['integer', 'number'].includes(header.schema.type) && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
                if (!validate(typed)) problems.push(`${where}: header ${name}:\n${describe(validate.errors, undefined, JSON.stringify(value))}`);
            }
        }

        const content = response.content;
        if (!content || Object.keys(content).length === 0) {
            if (text.length) problems.push(`${where}: the document gives this answer no body, but it has one: ${text.slice(0, 300)}`);
            return problems;
        }
        const contentType = (headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
        const mediaType = Object.keys(content).find((m) => m.toLowerCase() === contentType);
        if (!mediaType) {
            problems.push(`${where}: Content-Type ${JSON.stringify(contentType)} is not documented (documented: ${Object.keys(content).join(', ')})`);
            return problems;
        }
        if (!content[mediaType].schema) return problems;
        let body;
        try {
            body = JSON.parse(text);
        } catch (error) {
            problems.push(`${where}: the ${mediaType} body is not JSON (${error.message}): ${text.slice(0, 300)}`);
            return problems;
        }
        const schemaAt = `${at}${pointer('content', mediaType, 'schema')}`;
        const asWritten = this.validator(this.asWritten, schemaAt);
        if (!asWritten(body)) {
            problems.push(`${where}: the ${mediaType} body does not match its schema (${decodeURIComponent(schemaAt)}):\n` +
                `${describe(asWritten.errors, body)}\n  body: ${text.slice(0, 600)}`);
        } else {
            const noExtras = this.validator(this.noExtras, schemaAt);
            if (!noExtras(body)) {
                problems.push(`${where}: the ${mediaType} body has members its schema (${decodeURIComponent(schemaAt)}) does not list:\n` +
                    describe(noExtras.errors, body));
            }
        }
        return problems;
    }

    // Checks a request body the service accepted against the operation's
    // requestBody schema: what the test sends is what the document describes.
    checkRequest(method, path, body) {
        const template = this.templateOf(path);
        const found = this.operations.find((o) => o.template === template && o.method === method);
        const media = found?.operation.requestBody?.content?.['application/json'];
        if (!media?.schema || body === undefined) return [];
        const at = pointer('paths', found.template, method.toLowerCase(), 'requestBody', 'content', 'application/json', 'schema');
        try {
            const validate = this.validator(this.asWritten, at);
            if (validate(body)) return [];
            return [`${found.operationId}: the request the service accepted does not match the document's requestBody schema:\n${describe(validate.errors, body)}`];
        } catch (error) {
            return [`${found.operationId} request: ${error.message}`];
        }
    }
}

// Ajv's errors, one a line, with the value found where it helps.
function describe(errors, body, subject = '(the body)') {
    const seen = new Set();
    const lines = [];
    for (const e of errors ?? []) {
        let line = `  ${e.instancePath || subject} ${e.message}`;
        if (e.keyword === 'unevaluatedProperties') line = `  ${e.instancePath || subject} has "${e.params.unevaluatedProperty}", which the schema does not list`;
        else if (e.keyword === 'additionalProperties') line += ` ("${e.params.additionalProperty}")`;
        else if (body !== undefined && e.instancePath) {
            const value = e.instancePath.split('/').slice(1).reduce((v, s) => v?.[s.replaceAll('~1', '/').replaceAll('~0', '~')], body);
            line += `; found ${JSON.stringify(value)?.slice(0, 120)}`;
        }
        line += `  [${e.schemaPath}]`;
        if (!seen.has(line)) lines.push(line);
        seen.add(line);
    }
    return lines.join('\n');
}
