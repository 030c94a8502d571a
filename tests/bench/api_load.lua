-- wrk's script for the API load benchmark (tests/bench/api_load_bench.mjs):
-- a signed-in admin's session asking for ticket lists, single tickets, and
-- filing tickets and comments, in the proportions of LOAD_MIX:
--   mixed: 70 % lists, 20 % one ticket, 5 % new tickets, 5 % comments
--   reads: 78 % lists, 22 % one ticket (the same 70:20)
-- Each creating request carries its own Idempotency-Key. done() prints one
-- line, LOAD_RESULT {...}, that the driver reads.
local cookie = os.getenv("LOAD_COOKIE") or ""
local csrf = os.getenv("LOAD_CSRF") or ""
local mix = os.getenv("LOAD_MIX") or "mixed"
local ids = {}
for id in string.gmatch(os.getenv("LOAD_TICKETS") or "", "[^,]+") do ids[#ids + 1] = id end

local new_ticket = '{"route":"general","tenant":"acme-prod","severity":3,"customer_time_zone":"UTC",' ..
    '"fields":{"tenant":"acme-prod","summary":"Load test: sign-in page is slow",' ..
    '"description":"Filed by the API load benchmark."},' ..
    '"answers":{},"checklist":{}}'
local comment = '{"body":"Load test comment: still seen after clearing the cache."}'

local counter = 0
local tag = ""

function init(args)
    math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16))
    tag = tostring(math.random(1, 1000000000))
end

local function any_ticket() return ids[math.random(#ids)] end

function request()
    counter = counter + 1
    local headers = { ["Cookie"] = "portal_session=" .. cookie, ["Accept"] = "application/json" }
    local roll = mix == "reads" and math.random(90) or math.random(100)
    if roll <= 70 then return wrk.format("GET", "/api/v1/tickets?limit=50", headers) end
    if roll <= 90 then return wrk.format("GET", "/api/v1/tickets/" .. any_ticket(), headers) end
    headers["Content-Type"] = "application/json"
    headers["X-CSRF-Token"] = csrf
    headers["Idempotency-Key"] = "load-" .. tag .. "-" .. counter
    if roll <= 95 then return wrk.format("POST", "/api/v1/tickets", headers, new_ticket) end
    return wrk.format("POST", "/api/v1/tickets/" .. any_ticket() .. "/comments", headers, comment)
end

function done(summary, latency, requests)
    local e = summary.errors
    io.write(string.format('LOAD_RESULT {"requests":%d,"duration_us":%d,"connect_errors":%d,"read_errors":%d,' ..
        '"write_errors":%d,"status_errors":%d,"timeouts":%d,"p50_us":%d,"p95_us":%d,"p99_us":%d,"max_us":%d}\n',
        summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
        latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
