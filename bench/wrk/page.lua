-- One page, requested by several logged-in members in turn.
-- BENCH_COOKIES: Cookie header values separated by "|" (empty: anonymous requests).
-- Prints one JSON line at the end with throughput and latency percentiles (microseconds).

local cookies = {}
local counter = 0

function init(args)
  local raw = os.getenv("BENCH_COOKIES") or ""
  for value in string.gmatch(raw, "[^|]+") do
    table.insert(cookies, value)
  end
end

function request()
  counter = counter + 1
  if #cookies == 0 then
    return wrk.format(nil, nil, nil)
  end
  return wrk.format(nil, nil, { ["Cookie"] = cookies[(counter % #cookies) + 1] })
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
