#include "web/store/migrations.hpp"

namespace web {

namespace {

const Migration migrations[] = {
    // The starting point: no domain tables yet. Recording it lets every later
    // migration rely on a database that has been through the mechanism once.
    {1, "baseline", ""},

    // Support tickets. Times are unix seconds (UTC); the customer's zone is
    // kept by name so deadlines follow their wall clock, DST included.
    // first_response_at is a person's first answer: automated replies never
    // set it, so the SLA clock keeps running through them.
    {2, "tickets",
     "CREATE TABLE tickets ("
     "  id TEXT PRIMARY KEY,"                                   // "T-1001", numbered in order by ticket_store
     "  route TEXT NOT NULL,"
     "  summary TEXT NOT NULL,"
     "  plan TEXT NOT NULL,"
     "  severity INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 4),"
     "  opened_at INTEGER NOT NULL,"
     "  customer_time_zone TEXT NOT NULL,"
     "  first_response_at INTEGER,"
     "  status TEXT NOT NULL DEFAULT 'open',"
     "  created_at INTEGER NOT NULL DEFAULT (CAST(strftime('%s', 'now') AS INTEGER))"
     ");"
     // The list's order, newest opened first, with the id breaking ties.
     "CREATE INDEX tickets_newest_first ON tickets(opened_at DESC, id DESC);"},

    // People, the customers' services they have access to (tenants), and
    // their role in each. E-mail addresses are stored as
    // core::normalize_email_address spells them; NOCASE guards the
    // uniqueness anyway. A user invited but not yet joined has no name and
    // no password. One membership per user and tenant: revoking keeps the
    // row (who invited them, when it ended) and inviting again reuses it.
    {3, "accounts",
     "CREATE TABLE users ("
     "  id INTEGER PRIMARY KEY,"
     "  email TEXT NOT NULL UNIQUE COLLATE NOCASE,"
     "  name TEXT,"
     "  password_hash TEXT,"                                    // argon2id, crypto_pwhash_str's format
     "  created_at INTEGER NOT NULL,"
     "  last_sign_in_at INTEGER"
     ");"
     "CREATE TABLE tenants ("
     "  id INTEGER PRIMARY KEY,"
     "  slug TEXT NOT NULL UNIQUE,"                             // "acme-prod", in URLs
     "  name TEXT NOT NULL"                                     // "Acme (production)"
     ");"
     "CREATE TABLE memberships ("
     "  id INTEGER PRIMARY KEY,"
     "  user_id INTEGER NOT NULL REFERENCES users(id),"
     "  tenant_id INTEGER NOT NULL REFERENCES tenants(id),"
     "  role TEXT NOT NULL CHECK (role IN ('admin', 'support_only', 'support_engineer')),"
     "  status TEXT NOT NULL CHECK (status IN ('invited', 'active', 'revoked')),"
     "  invited_by INTEGER REFERENCES users(id),"
     "  invited_at INTEGER NOT NULL,"
     "  revoked_at INTEGER,"
     "  UNIQUE (user_id, tenant_id)"
     ");"
     "CREATE INDEX memberships_of_tenant ON memberships(tenant_id, role, status);"},

    // Signed-in browsers. Only the SHA-256 of the cookie's token is kept;
    // the CSRF token is not a credential on its own and is kept as sent.
    // Failed sign-ins are rows per key ("account:<email>", "address:<ip>")
    // so the throttle survives restarts and counts across worker threads.
    {4, "sessions",
     "CREATE TABLE sessions ("
     "  id INTEGER PRIMARY KEY,"
     "  token_digest TEXT NOT NULL UNIQUE,"
     "  user_id INTEGER NOT NULL REFERENCES users(id),"
     "  csrf_token TEXT NOT NULL,"
     "  created_at INTEGER NOT NULL,"
     "  last_seen_at INTEGER NOT NULL,"
     "  address TEXT NOT NULL"
     ");"
     "CREATE INDEX sessions_of_user ON sessions(user_id);"
     "CREATE TABLE sign_in_failures ("
     "  id INTEGER PRIMARY KEY,"
     "  key TEXT NOT NULL,"
     "  at INTEGER NOT NULL"
     ");"
     "CREATE INDEX sign_in_failures_by_key ON sign_in_failures(key, at);"},

    // One invitation e-mail may cover several tenants; its link works once
    // (used_at) until expires_at. Only the token's SHA-256 is kept.
    {5, "invitations",
     "CREATE TABLE invitations ("
     "  id INTEGER PRIMARY KEY,"
     "  token_digest TEXT NOT NULL UNIQUE,"
     "  user_id INTEGER NOT NULL REFERENCES users(id),"
     "  invited_by INTEGER NOT NULL REFERENCES users(id),"
     "  created_at INTEGER NOT NULL,"
     "  expires_at INTEGER NOT NULL,"
     "  used_at INTEGER"
     ");"
     "CREATE INDEX invitations_of_user ON invitations(user_id);"
     "CREATE TABLE invitation_tenants ("
     "  invitation_id INTEGER NOT NULL REFERENCES invitations(id),"
     "  tenant_id INTEGER NOT NULL REFERENCES tenants(id),"
     "  PRIMARY KEY (invitation_id, tenant_id)"
     ");"},

    // E-mail waits in the outbox, written in the same transaction as what it
    // tells about, until the delivery step hands it on (mail_delivery). The
    // development mailbox is where it goes with --demo. A delivered
    // message's body and link are blanked in the outbox: the link is a key.
    {6, "outbox",
     "CREATE TABLE outbox ("
     "  id INTEGER PRIMARY KEY,"
     "  recipient TEXT NOT NULL,"
     "  subject TEXT NOT NULL,"
     "  body TEXT NOT NULL,"
     "  link TEXT NOT NULL,"
     "  created_at INTEGER NOT NULL,"
     "  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),"
     "  attempts INTEGER NOT NULL DEFAULT 0,"
     "  next_attempt_at INTEGER NOT NULL,"
     "  sent_at INTEGER,"
     "  last_error TEXT"
     ");"
     "CREATE INDEX outbox_due ON outbox(status, next_attempt_at);"
     "CREATE TABLE dev_mailbox ("
     "  id INTEGER PRIMARY KEY,"
     "  recipient TEXT NOT NULL,"
     "  subject TEXT NOT NULL,"
     "  body TEXT NOT NULL,"
     "  link TEXT NOT NULL,"
     "  sent_at INTEGER NOT NULL"
     ");"},

    // Who did what to whom in which tenant, from which address. Rows are
    // only ever added.
    {7, "audit log",
     "CREATE TABLE audit_log ("
     "  id INTEGER PRIMARY KEY,"
     "  at INTEGER NOT NULL,"
     "  tenant_id INTEGER NOT NULL REFERENCES tenants(id),"
     "  actor_user_id INTEGER NOT NULL REFERENCES users(id),"
     "  action TEXT NOT NULL CHECK (action IN ('invite', 'reinvite', 'accept', 'revoke')),"
     "  target_user_id INTEGER NOT NULL REFERENCES users(id),"
     "  address TEXT NOT NULL"
     ");"
     "CREATE INDEX audit_log_of_tenant ON audit_log(tenant_id, id DESC);"},

    // Answers to requests sent with an Idempotency-Key, per user, so a retry
    // gets the first answer instead of doing the work twice.
    {8, "idempotency keys",
     "CREATE TABLE idempotency_keys ("
     "  user_id INTEGER NOT NULL REFERENCES users(id),"
     "  key TEXT NOT NULL,"
     "  request_digest TEXT NOT NULL,"                          // SHA-256 of method, path and body
     "  status INTEGER NOT NULL,"
     "  body TEXT NOT NULL,"
     "  created_at INTEGER NOT NULL,"
     "  PRIMARY KEY (user_id, key)"
     ");"},

    // Tickets belong to a tenant (by slug, as the API names it) and were
    // opened by someone. Tickets from before have neither: only support
    // engineers see them.
    {9, "tickets of tenants",
     "ALTER TABLE tickets ADD COLUMN tenant TEXT REFERENCES tenants(slug);"
     "ALTER TABLE tickets ADD COLUMN opened_by INTEGER REFERENCES users(id);"
     "CREATE INDEX tickets_of_tenant ON tickets(tenant, opened_at DESC, id DESC);"
     "CREATE INDEX tickets_opened_by ON tickets(opened_by, status);"},

    // The orders of the support-user list (support_user_list): pages walk
    // these instead of sorting a tenant's users for every page. E-mail has
    // its index already (UNIQUE). The expressions are exactly those of the
    // list's ORDER BY, or SQLite would not use them.
    {10, "support user list orders",
     "CREATE INDEX users_by_name ON users(lower(COALESCE(name, '')), id);"
     "CREATE INDEX users_by_last_sign_in ON users(COALESCE(last_sign_in_at, 0), id);"
     "CREATE INDEX memberships_by_invited_at ON memberships(tenant_id, role, invited_at, user_id);"},

    // The ticket lifecycle. A ticket keeps what the customer submitted (the
    // route's fields, triage answers, checklist: JSON objects as
    // core::TicketDraft has them) and the ticket it escalates, if any.
    // opened_by (migration 9) is who filed it. Status: open, solved (support
    // answered, awaiting the customer's confirmation), closed (confirmed).
    // Comments: author_id is null exactly for automated ones, which never
    // set first_response_at.
    {11, "ticket lifecycle",
     "ALTER TABLE tickets ADD COLUMN fields_json TEXT NOT NULL DEFAULT '{}';"
     "ALTER TABLE tickets ADD COLUMN answers_json TEXT NOT NULL DEFAULT '{}';"
     "ALTER TABLE tickets ADD COLUMN checklist_json TEXT NOT NULL DEFAULT '{}';"
     "ALTER TABLE tickets ADD COLUMN escalates TEXT REFERENCES tickets(id);"
     "CREATE INDEX tickets_escalating ON tickets(escalates) WHERE escalates IS NOT NULL;"
     "CREATE TABLE comments ("
     "  id INTEGER PRIMARY KEY,"
     "  ticket_id TEXT NOT NULL REFERENCES tickets(id),"
     "  author_id INTEGER REFERENCES users(id),"
     "  author_kind TEXT NOT NULL CHECK (author_kind IN ('customer', 'support', 'automated')),"
     "  body TEXT NOT NULL,"
     "  created_at INTEGER NOT NULL,"
     "  CHECK ((author_id IS NULL) = (author_kind = 'automated'))"
     ");"
     "CREATE INDEX comments_of_ticket ON comments(ticket_id, created_at, id);"},

    // What a tenant has bought (a plan id of the program: tickets are filed
    // under it, never under what a client claims), where its service runs (a
    // region id of the program; null: not known) and when it was created
    // (a trial counts its days from then). Tenants from before are "standard"
    // and created now.
    {12, "tenant plans and regions",
     "ALTER TABLE tenants ADD COLUMN plan TEXT NOT NULL DEFAULT 'standard';"
     "ALTER TABLE tenants ADD COLUMN region TEXT;"
     "ALTER TABLE tenants ADD COLUMN created_at INTEGER;"
     "UPDATE tenants SET created_at = CAST(strftime('%s', 'now') AS INTEGER);"},

    // Service incidents per region, for GET /api/v1/status. An incident is
    // open until its state is 'resolved'; impact says what it does to the
    // region meanwhile.
    {13, "incidents",
     "CREATE TABLE incidents ("
     "  id INTEGER PRIMARY KEY,"                                // shown as "INC-<id>"
     "  region TEXT NOT NULL,"
     "  title TEXT NOT NULL,"
     "  impact TEXT NOT NULL CHECK (impact IN ('degraded', 'outage')),"
     "  state TEXT NOT NULL CHECK (state IN ('investigating', 'identified', 'monitoring', 'resolved')),"
     "  message TEXT NOT NULL,"
     "  started_at INTEGER NOT NULL,"
     "  updated_at INTEGER NOT NULL"
     ");"
     "CREATE INDEX incidents_of_region ON incidents(region, started_at DESC);"},

    // When the person joined the tenant (accepted its invitation). Until
    // then the tenant's admins see nothing of the account beyond the address
    // they typed: it may be someone else's account elsewhere. Members from
    // before joined when their accept was logged, or, put in as members
    // without an invitation, when they were added.
    {14, "memberships joined",
     "ALTER TABLE memberships ADD COLUMN joined_at INTEGER;"
     "UPDATE memberships SET joined_at = (SELECT MIN(a.at) FROM audit_log a WHERE a.tenant_id = memberships.tenant_id"
     "  AND a.target_user_id = memberships.user_id AND a.action = 'accept');"
     "UPDATE memberships SET joined_at = invited_at WHERE joined_at IS NULL AND status = 'active';"},

    // Failed sign-ins by e-mail address and client address together, so the
    // throttle keeps separate budgets for the pair, the client address and
    // the account (sign_in_throttle). The rows of migration 4 are at most 15
    // minutes of history and are dropped. Addresses an account signed in
    // from are remembered for 90 days: its owner coming from one of them is
    // not slowed by someone else's guessing.
    {15, "sign-in throttle by account and address",
     "DROP TABLE sign_in_failures;"
     "CREATE TABLE sign_in_failures ("
     "  id INTEGER PRIMARY KEY,"
     "  email TEXT NOT NULL,"                                   // as normalized; at most 254 bytes
     "  address TEXT NOT NULL,"
     "  at INTEGER NOT NULL"
     ");"
     "CREATE INDEX sign_in_failures_of_email ON sign_in_failures(email, at);"
     "CREATE INDEX sign_in_failures_of_address ON sign_in_failures(address, at);"
     "CREATE TABLE sign_in_known_addresses ("
     "  email TEXT NOT NULL,"
     "  address TEXT NOT NULL,"
     "  last_success_at INTEGER NOT NULL,"
     "  PRIMARY KEY (email, address)"
     ");"
     "CREATE INDEX sign_in_known_addresses_by_age ON sign_in_known_addresses(last_success_at);"},

    // The vendor's operator (`./portal admin`) invites a tenant's first admin
    // and is no user of the portal: an invitation's inviter and an audit
    // entry's actor may be none, which means the operator. SQLite cannot drop
    // a NOT NULL, so both tables are rebuilt; the child table first, so that
    // no foreign key ever points at a missing row, and the renames carry the
    // references over.
    {16, "operator invitations",
     "CREATE TABLE invitations_new ("
     "  id INTEGER PRIMARY KEY,"
     "  token_digest TEXT NOT NULL UNIQUE,"
     "  user_id INTEGER NOT NULL REFERENCES users(id),"
     "  invited_by INTEGER REFERENCES users(id),"          // none: the operator
     "  created_at INTEGER NOT NULL,"
     "  expires_at INTEGER NOT NULL,"
     "  used_at INTEGER"
     ");"
     "INSERT INTO invitations_new SELECT id, token_digest, user_id, invited_by, created_at, expires_at, used_at FROM invitations;"
     "CREATE TABLE invitation_tenants_new ("
     "  invitation_id INTEGER NOT NULL REFERENCES invitations_new(id),"
     "  tenant_id INTEGER NOT NULL REFERENCES tenants(id),"
     "  PRIMARY KEY (invitation_id, tenant_id)"
     ");"
     "INSERT INTO invitation_tenants_new SELECT invitation_id, tenant_id FROM invitation_tenants;"
     "DROP TABLE invitation_tenants;"
     "DROP TABLE invitations;"
     "ALTER TABLE invitations_new RENAME TO invitations;"
     "ALTER TABLE invitation_tenants_new RENAME TO invitation_tenants;"
     "CREATE INDEX invitations_of_user ON invitations(user_id);"
     "CREATE TABLE audit_log_new ("
     "  id INTEGER PRIMARY KEY,"
     "  at INTEGER NOT NULL,"
     "  tenant_id INTEGER NOT NULL REFERENCES tenants(id),"
     "  actor_user_id INTEGER REFERENCES users(id),"        // none: the operator
     "  action TEXT NOT NULL CHECK (action IN ('invite', 'reinvite', 'accept', 'revoke')),"
     "  target_user_id INTEGER NOT NULL REFERENCES users(id),"
     "  address TEXT NOT NULL"
     ");"
     "INSERT INTO audit_log_new SELECT id, at, tenant_id, actor_user_id, action, target_user_id, address FROM audit_log;"
     "DROP TABLE audit_log;"
     "ALTER TABLE audit_log_new RENAME TO audit_log;"
     "CREATE INDEX audit_log_of_tenant ON audit_log(tenant_id, id DESC);"},

    // "Forgot password?": single-use links valid for an hour (only the
    // token's digest is kept), and every request counted, for a known
    // address or not, so the throttle says nothing about which accounts exist.
    {17, "password resets",
     "CREATE TABLE password_resets ("
     "  id INTEGER PRIMARY KEY,"
     "  token_digest TEXT NOT NULL UNIQUE,"
     "  user_id INTEGER NOT NULL REFERENCES users(id),"
     "  created_at INTEGER NOT NULL,"
     "  expires_at INTEGER NOT NULL,"
     "  used_at INTEGER"
     ");"
     "CREATE INDEX password_resets_of_user ON password_resets(user_id);"
     "CREATE TABLE password_reset_requests ("
     "  id INTEGER PRIMARY KEY,"
     "  email TEXT NOT NULL,"
     "  address TEXT NOT NULL,"
     "  at INTEGER NOT NULL"
     ");"
     "CREATE INDEX password_reset_requests_of_email ON password_reset_requests(email, at);"
     "CREATE INDEX password_reset_requests_of_address ON password_reset_requests(address, at);"},

    // What happened to tickets, one row per event, in the transaction of the
    // change (ticket_events), and the help desks that hear of them: outgoing
    // webhooks set by the operator, and per webhook and event a delivery
    // retried until the receiver answers 2xx (webhook_delivery). A webhook's
    // secret is kept as given: the service needs it to sign. Removing a
    // webhook keeps its row (deliveries point at it) and drops what it had
    // queued. API tokens let a help desk answer through the API as a
    // support engineer; like sessions, only their digest is kept.
    {18, "ticket events, webhooks and API tokens",
     "CREATE TABLE ticket_events ("
     "  id INTEGER PRIMARY KEY,"
     "  ticket_id TEXT NOT NULL REFERENCES tickets(id),"
     "  type TEXT NOT NULL,"                                    // "ticket.filed", "ticket.commented", ...
     "  at INTEGER NOT NULL,"
     "  payload TEXT NOT NULL"                                  // the JSON a webhook receives
     ");"
     "CREATE INDEX ticket_events_of_ticket ON ticket_events(ticket_id, id);"
     "CREATE TABLE webhooks ("
     "  id INTEGER PRIMARY KEY,"
     "  url TEXT NOT NULL,"
     "  secret TEXT NOT NULL,"
     "  created_at INTEGER NOT NULL,"
     "  removed_at INTEGER"
     ");"
     "CREATE UNIQUE INDEX webhooks_in_use ON webhooks(url) WHERE removed_at IS NULL;"
     "CREATE TABLE webhook_deliveries ("
     "  id INTEGER PRIMARY KEY,"
     "  delivery_key TEXT NOT NULL UNIQUE,"                     // the X-Portal-Delivery header, the same on every retry
     "  webhook_id INTEGER NOT NULL REFERENCES webhooks(id),"
     "  event_id INTEGER NOT NULL REFERENCES ticket_events(id),"
     "  ticket_id TEXT NOT NULL,"                               // the event's, for the order per ticket
     "  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'delivered', 'dropped')),"
     "  attempts INTEGER NOT NULL DEFAULT 0,"
     "  next_attempt_at INTEGER NOT NULL,"
     "  last_attempt_at INTEGER,"
     "  last_status INTEGER,"                                   // the receiver's HTTP status; null: no answer
     "  last_error TEXT,"
     "  delivered_at INTEGER,"
     "  UNIQUE (webhook_id, event_id)"
     ");"
     "CREATE INDEX webhook_deliveries_waiting ON webhook_deliveries(status, webhook_id, ticket_id, event_id);"
     "CREATE TABLE api_tokens ("
     "  id INTEGER PRIMARY KEY,"
     "  token_digest TEXT NOT NULL UNIQUE,"
     "  user_id INTEGER NOT NULL REFERENCES users(id),"
     "  created_at INTEGER NOT NULL,"
     "  last_used_at INTEGER"
     ");"
     "CREATE INDEX api_tokens_of_user ON api_tokens(user_id);"},

    // The vendor's operators: people (or their billing and CRM scripts) who
    // provision tenants and people through /api/v1/admin with an API token.
    // They belong to no tenant; the flag is theirs alone.
    {19, "operators", "ALTER TABLE users ADD COLUMN is_operator INTEGER NOT NULL DEFAULT 0;"},

    // Second factor: an authenticator app's TOTP secret per account (kept as
    // is: checking a code needs it), enabled once a first code confirms it;
    // the last time step used, so a code works once; recovery codes by
    // digest; and sign-ins waiting for their code (a challenge, by digest,
    // for five minutes and five wrong codes).
    {20, "second factor",
     "CREATE TABLE second_factors ("
     "  user_id INTEGER PRIMARY KEY REFERENCES users(id),"
     "  secret TEXT NOT NULL,"                                  // base32
     "  created_at INTEGER NOT NULL,"
     "  enabled_at INTEGER,"                                    // null: enrolment not confirmed yet
     "  last_step INTEGER"
     ");"
     "CREATE TABLE recovery_codes ("
     "  id INTEGER PRIMARY KEY,"
     "  user_id INTEGER NOT NULL REFERENCES users(id),"
     "  code_digest TEXT NOT NULL,"
     "  used_at INTEGER"
     ");"
     "CREATE INDEX recovery_codes_of_user ON recovery_codes(user_id);"
     "CREATE TABLE sign_in_challenges ("
     "  id INTEGER PRIMARY KEY,"
     "  token_digest TEXT NOT NULL UNIQUE,"
     "  user_id INTEGER NOT NULL REFERENCES users(id),"
     "  created_at INTEGER NOT NULL,"
     "  expires_at INTEGER NOT NULL,"
     "  failures INTEGER NOT NULL DEFAULT 0"
     ");"},

    // Single sign-on (OpenID Connect): an identity provider set by the
    // operator for a tenant's people, or (no tenant) for the vendor's own
    // staff; its client secret kept as given (the token request needs it);
    // the e-mail domains whose people it signs in (a domain has one
    // provider, so an address finds it); whether those people may still use
    // a password; and sign-ins on their way through the provider: state,
    // nonce and PKCE verifier for ten minutes, bound to the browser that
    // started them by a cookie's digest.
    {21, "single sign-on",
     "CREATE TABLE sso_setups ("
     "  id INTEGER PRIMARY KEY,"
     "  tenant_id INTEGER UNIQUE REFERENCES tenants(id),"       // null: the vendor's own staff
     "  issuer TEXT NOT NULL,"
     "  client_id TEXT NOT NULL,"
     "  client_secret TEXT NOT NULL,"
     "  password_sign_in INTEGER NOT NULL DEFAULT 1,"
     "  updated_at INTEGER NOT NULL"
     ");"
     "CREATE UNIQUE INDEX sso_setups_of_the_vendor ON sso_setups((tenant_id IS NULL)) WHERE tenant_id IS NULL;"
     "CREATE TABLE sso_domains ("
     "  domain TEXT PRIMARY KEY,"
     "  setup_id INTEGER NOT NULL REFERENCES sso_setups(id)"
     ");"
     "CREATE TABLE sso_attempts ("
     "  id INTEGER PRIMARY KEY,"
     "  state_digest TEXT NOT NULL UNIQUE,"
     "  browser_digest TEXT NOT NULL,"
     "  setup_id INTEGER NOT NULL REFERENCES sso_setups(id),"
     "  nonce TEXT NOT NULL,"
     "  code_verifier TEXT NOT NULL,"
     "  created_at INTEGER NOT NULL,"
     "  expires_at INTEGER NOT NULL"
     ");"},

    // Company sign-ins started from one client address: each waits in
    // sso_attempts for ten minutes, so a client that starts them without
    // end is told to wait (429) before it fills the table.
    {22, "company sign-ins counted per client address",
     "ALTER TABLE sso_attempts ADD COLUMN address TEXT NOT NULL DEFAULT '';"
     "CREATE INDEX sso_attempts_of_address ON sso_attempts(address, expires_at);"},

    // Files attached to tickets (screenshots, logs, sanitised HAR files):
    // what each is, in one table the lists read, and its bytes in another,
    // so listing never reads a file. In the database, so a backup holds
    // them. When a ticket closed, so they are deleted a set time after
    // (the program's attachments.delete_days_after_close); tickets closed
    // before this migration count from now.
    {23, "attachments",
     "ALTER TABLE tickets ADD COLUMN closed_at INTEGER;"
     "UPDATE tickets SET closed_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE status = 'closed';"
     "CREATE INDEX tickets_closed ON tickets(closed_at) WHERE closed_at IS NOT NULL;"
     "CREATE TABLE attachments ("
     "  id INTEGER PRIMARY KEY,"
     "  public_id TEXT NOT NULL UNIQUE,"
     "  ticket_id TEXT NOT NULL REFERENCES tickets(id),"
     "  kind TEXT NOT NULL CHECK (kind IN ('har', 'png', 'jpeg', 'webp', 'log')),"
     "  media_type TEXT NOT NULL,"
     "  file_name TEXT NOT NULL,"
     "  size INTEGER NOT NULL,"
     "  sha256 TEXT NOT NULL,"
     "  added_by INTEGER REFERENCES users(id),"
     "  added_by_kind TEXT NOT NULL,"                             // customer | support
     "  created_at INTEGER NOT NULL"
     ");"
     "CREATE INDEX attachments_of_ticket ON attachments(ticket_id, created_at, id);"
     "CREATE TABLE attachment_bytes ("
     "  attachment_id INTEGER PRIMARY KEY REFERENCES attachments(id) ON DELETE CASCADE,"
     "  bytes BLOB NOT NULL"
     ");"},
};

}  // namespace

std::span<const Migration> schema_migrations() { return migrations; }

}  // namespace web
