// Identity providers for the single sign-on tests, both on 127.0.0.1 at a
// free port:
//   startCertifiedProvider  oidc-provider (a certified OpenID Provider) with
//                           its built-in login and consent pages, for the
//                           sign-in that must work;
//   startScriptedIssuer     a hand-written provider whose next ID token can
//                           be spoiled on purpose, for the refusals a real
//                           provider would never provoke.
import { constants, createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

// An HTTP server on a free loopback port; its handler is set once the
// issuer (which needs the port) is known.
async function listenOnFreePort() {
    const server = createServer();
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', resolve);
    });
    const issuer = `http://127.0.0.1:${server.address().port}`;
    // Chromium keeps connections open; close them or close() would wait.
    const stop = () => new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
    });
    return { server, issuer, stop };
}

// Storage for one provider in one test, given instead of oidc-provider's
// default in-memory adapter only so that it does not warn about that one.
// Nothing expires here; a test outlives no token.
function mapAdapter() {
    const store = new Map();
    return (model) => ({
        async upsert(id, payload) { store.set(`${model}:${id}`, payload); },
        async find(id) { return store.get(`${model}:${id}`); },
        async findByUserCode() { return undefined; },
        async findByUid(uid) {
            for (const [key, payload] of store) {
                if (key.startsWith('Session:') && payload.uid === uid) return payload;
            }
            return undefined;
        },
        async consume(id) {
            const payload = store.get(`${model}:${id}`);
            if (payload) payload.consumed = Math.floor(Date.now() / 1000);
        },
        async destroy(id) { store.delete(`${model}:${id}`); },
        // A replayed code revokes this model's tokens issued from its grant.
        async revokeByGrantId(grantId) {
            for (const [key, payload] of store) {
                if (key.startsWith(`${model}:`) && payload.grantId === grantId) store.delete(key);
            }
        },
    });
}

export async function startCertifiedProvider({ clientId, clientSecret, redirectUri }) {
    const { server, issuer, stop } = await listenOnFreePort();
    // Our own signing key, so that the provider does not fall back to (and
    // warn about) its published development keys.
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const provider = new Provider(issuer, {
        clients: [{
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: [redirectUri],
            response_types: ['code'],
            grant_types: ['authorization_code'],
            token_endpoint_auth_method: 'client_secret_basic',
        }],
        scopes: ['openid', 'email', 'profile'],
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
        // By default a code flow's ID token carries only sub (the rest is at
        // userinfo); the relying party reads the e-mail from the ID token.
        conformIdTokenClaims: false,
        // oidc-provider requires PKCE only of public clients by default, but
        // checks code_verifier whenever a code_challenge was sent (S256 only,
        // with code_challenge_method). Required here, so that a relying party
        // that forgets PKCE fails the test instead of passing it.
        pkce: { required: () => true },
        features: { devInteractions: { enabled: true } },
        jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'op-key', alg: 'RS256', use: 'sig' }] },
        adapter: mapAdapter(),
        // Plain numbers: the default TTL functions print a notice when called.
        ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
        // Cookies on 127.0.0.1 are shared by every port, the portal's too:
        // names that say whose they are.
        cookies: { names: { session: 'op_session', interaction: 'op_interaction', resume: 'op_interaction_resume' } },
        // The login typed at the provider's page is the account id and e-mail.
        async findAccount(ctx, id) {
            return {
                accountId: id,
                async claims() {
                    return { sub: id, email: id, email_verified: true, name: id.split('@')[0] };
                },
            };
        },
    });
    // The built-in pages @import a web font; keep the browser on loopback.
    provider.use(async (ctx, next) => {
        // A browser asks every site for its icon; a 404 would be a console error in the tests.
        if (ctx.path === '/favicon.ico') {
            ctx.status = 204;
            return;
        }
        await next();
        if (typeof ctx.body === 'string' && ctx.response.is('html')) {
            ctx.body = ctx.body.replace(/@import url\(https?:[^)]*\);?/g, '');
        }
    });
    server.on('request', provider.callback());
    return { issuer, stop };
}

// At the certified provider's login page (or its consent page, when the
// browser already has a session there): signs in as `email`, approves the
// consent, and returns once the browser has loaded wherever the provider
// sent it (the redirect URI, unless the provider showed an error).
export async function signInAtProvider(page, email) {
    const prompt = page.locator('form input[name="prompt"]');
    await prompt.waitFor({ state: 'attached' });   // the relying party's redirect may still run
    // Each submit answers with redirects ending in one new document: waiting
    // for its load event, armed before the click, cannot miss it or stop early.
    const submit = async () => {
        const loaded = page.waitForEvent('load');
        await page.locator('form button[type="submit"]').click();
        await loaded;
    };
    if (await prompt.getAttribute('value') === 'login') {
        await page.locator('input[name="login"]').fill(email);
        const password = page.locator('input[name="password"]');
        if (await password.count()) await password.fill('any password works');
        await submit();
    }
    const consent = page.locator('form input[name="prompt"][value="consent"]');
    if (await consent.count()) await submit();
    if (await page.locator('form input[name="prompt"][value="login"]').count()) {
        throw new Error(`the provider showed its login page again at ${page.url()}`);
    }
}

const base64url = (data) => Buffer.from(data).toString('base64url');

// A signing key of the algorithm it is published for: RS256, PS256 (RSA
// with PSS padding) or ES256 (P-256, whose JWS signature is r || s).
function signingKey(kid, alg = 'RS256') {
    const { privateKey, publicKey } = alg === 'ES256'
        ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
        : generateKeyPairSync('rsa', { modulusLength: 2048 });
    return { kid, alg, privateKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, alg, use: 'sig' } };
}

function signJwt(claims, key) {
    const input = `${base64url(JSON.stringify({ alg: key.alg, typ: 'JWT', kid: key.kid }))}.${base64url(JSON.stringify(claims))}`;
    const options = key.alg === 'ES256' ? { key: key.privateKey, dsaEncoding: 'ieee-p1363' }
        : key.alg === 'PS256' ? { key: key.privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }
            : key.privateKey;
    return `${input}.${base64url(sign('sha256', Buffer.from(input), options))}`;
}

export async function startScriptedIssuer({ clientId, clientSecret, redirectUri }) {
    const { server, issuer, stop } = await listenOnFreePort();
    let key = signingKey('scripted-key');
    const retired = [];   // keys rotated out, still published, as providers do for a while
    // next.alg: a token signed with one of the provider's other published keys.
    const otherKeys = { PS256: signingKey('scripted-pss', 'PS256'), ES256: signingKey('scripted-ec', 'ES256') };
    const strangerKey = signingKey('unpublished-key');   // for next.unknownKey
    const codes = new Map();   // code -> { nonce, challenge, redirectUri }
    const next = {};
    let tokenRequests = 0;

    const json = (res, status, body) => {
        res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify(body));
    };

    function idToken(nonce) {
        const now = Math.floor(Date.now() / 1000);
        const email = next.email ?? 'pat@globex.test';
        const claims = {
            iss: next.iss ?? issuer,
            aud: next.aud ?? clientId,
            sub: email,
            email,
            email_verified: next.emailVerified ?? true,
            nonce: next.nonce ?? nonce,
            iat: now,
            exp: next.exp ?? now + 300,
        };
        let token = signJwt(claims, next.unknownKey ? strangerKey : otherKeys[next.alg] ?? key);
        if (next.badSignature) {
            const [head, body, signature] = token.split('.');
            const bytes = Buffer.from(signature, 'base64url');
            bytes[0] ^= 0x01;
            token = `${head}.${body}.${bytes.toString('base64url')}`;
        }
        for (const name of Object.keys(next)) delete next[name];   // one spoiled token only
        return token;
    }

    function authorize(url, res) {
        const q = url.searchParams;
        // Never redirect to an address the client did not register.
        if (q.get('client_id') !== clientId || q.get('redirect_uri') !== redirectUri) {
            res.writeHead(400, { 'content-type': 'text/plain' });
            res.end('unknown client_id or redirect_uri');
            return;
        }
        const back = new URL(redirectUri);
        if (q.has('state')) back.searchParams.set('state', q.get('state'));
        if (q.get('response_type') !== 'code') {
            back.searchParams.set('error', 'unsupported_response_type');
        } else if (!q.get('code_challenge') || q.get('code_challenge_method') !== 'S256') {
            back.searchParams.set('error', 'invalid_request');   // PKCE with S256 is required, as at the certified one
        } else {
            const code = randomBytes(24).toString('base64url');
            codes.set(code, { nonce: q.get('nonce') ?? undefined, challenge: q.get('code_challenge'), redirectUri });
            back.searchParams.set('code', code);
        }
        res.writeHead(302, { location: back.href });
        res.end();
    }

    function token(req, body, res) {
        tokenRequests++;
        const form = new URLSearchParams(body);
        let id = form.get('client_id');
        let secret = form.get('client_secret');
        const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '');
        if (basic) {
            // RFC 6749 2.3.1: both halves are form-url-encoded before joining.
            const [user, ...rest] = Buffer.from(basic[1], 'base64').toString().split(':');
            const decode = (s) => decodeURIComponent(s.replace(/\+/g, ' '));
            id = decode(user);
            secret = decode(rest.join(':'));
        }
        if (id !== clientId || secret !== clientSecret) return json(res, 401, { error: 'invalid_client' });
        if (form.get('grant_type') !== 'authorization_code') return json(res, 400, { error: 'unsupported_grant_type' });
        const grant = codes.get(form.get('code'));
        codes.delete(form.get('code'));   // a code works once, even when this request fails
        const verifier = form.get('code_verifier') ?? '';
        if (!grant || form.get('redirect_uri') !== grant.redirectUri
            || createHash('sha256').update(verifier).digest('base64url') !== grant.challenge) {
            return json(res, 400, { error: 'invalid_grant' });
        }
        json(res, 200, {
            access_token: randomBytes(24).toString('base64url'),
            token_type: 'Bearer',
            expires_in: 300,
            id_token: idToken(grant.nonce),
        });
    }

    server.on('request', (req, res) => {
        const url = new URL(req.url, issuer);
        let body = '';
        req.on('data', (chunk) => { body += chunk; });
        req.on('end', () => {
            const route = `${req.method} ${url.pathname}`;
            if (route === 'GET /.well-known/openid-configuration') {
                json(res, 200, {
                    issuer,
                    authorization_endpoint: `${issuer}/authorize`,
                    token_endpoint: `${issuer}/token`,
                    jwks_uri: `${issuer}/jwks`,
                    response_types_supported: ['code'],
                    subject_types_supported: ['public'],
                    id_token_signing_alg_values_supported: ['RS256', 'PS256', 'ES256'],
                    code_challenge_methods_supported: ['S256'],
                    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
                });
            } else if (route === 'GET /jwks') json(res, 200, { keys: [key.jwk, ...retired.map((k) => k.jwk), otherKeys.PS256.jwk, otherKeys.ES256.jwk] });
            else if (route === 'GET /authorize') authorize(url, res);
            else if (route === 'POST /token') token(req, body, res);
            else json(res, 404, { error: 'not_found' });
        });
    });

    // A key rotation: a new key (a new kid) signs from now on; the old one stays published.
    const rotate = () => {
        retired.push(key);
        key = signingKey(`scripted-key-${retired.length + 1}`);
    };

    // tokenRequests is a getter: read it off the returned object, not destructured.
    return { issuer, next, stop, rotate, get tokenRequests() { return tokenRequests; } };
}
