-- Log-in POSTs: each request logs one of the bench members in with the right password.
-- BENCH_CSRF: the CSRF cookie value (sent as cookie and form field); BENCH_CSRF_COOKIE: its name;
-- BENCH_USERS: usernames separated by "|"; BENCH_PASSWORD: their password.

local users = {}
local counter = 0
local csrf, csrf_cookie, password

local function urlencode(text)
  return (string.gsub(text, "[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  csrf = os.getenv("BENCH_CSRF")
  csrf_cookie = os.getenv("BENCH_CSRF_COOKIE")
  password = os.getenv("BENCH_PASSWORD")
  for value in string.gmatch(os.getenv("BENCH_USERS") or "", "[^|]+") do
    table.insert(users, value)
  end
end

function request()
  counter = counter + 1
  local user = users[(counter % #users) + 1]
  local body = "csrfmiddlewaretoken=" .. csrf .. "&login=" .. urlencode(user) .. "&password=" .. urlencode(password)
  local headers = {
    ["Cookie"] = csrf_cookie .. "=" .. csrf,
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }
  return wrk.format("POST", nil, headers, body)
end

function done(summary, latency, requests)
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "errors_connect": %d, "errors_read": %d, ' ..
    '"errors_write": %d, "errors_status": %d, "errors_timeout": %d, ' ..
    '"p50": %d, "p90": %d, "p95": %d, "p99": %d, "max": %d}\n',
    summary.requests, summary.duration, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.status, summary.errors.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(95),
    latency:percentile(99), latency.max))
end
