-- wrk script: the screening ledger's first page for a random date range of the loaded year.
-- Env: BENCH_PATH (/screening/ledger or /api/v1/screening/screenings), BENCH_FIRST_DAY (YYYY-MM-DD),
-- BENCH_DAYS (days loaded), BENCH_RANGE (days in one filter, default 7, like the page's default),
-- BENCH_COOKIE (a signed-in session for the page) or BENCH_AUTH (base64 user:password for the API).
local path = os.getenv("BENCH_PATH") or "/screening/ledger"
local y, m, d = (os.getenv("BENCH_FIRST_DAY")):match("(%d+)-(%d+)-(%d+)")
local first = os.time({year=tonumber(y), month=tonumber(m), day=tonumber(d), hour=12})
local days = tonumber(os.getenv("BENCH_DAYS") or "365")
local range = tonumber(os.getenv("BENCH_RANGE") or "7")
local headers = {}
if os.getenv("BENCH_COOKIE") then headers["Cookie"] = os.getenv("BENCH_COOKIE") end
if os.getenv("BENCH_AUTH") then headers["Authorization"] = "Basic " .. os.getenv("BENCH_AUTH") end

function init(args)
  math.randomseed(os.time())
end

request = function()
  local start = math.random(0, math.max(0, days - range))
  local from = os.date("%Y-%m-%d", first + start * 86400)
  local to = os.date("%Y-%m-%d", first + (start + range - 1) * 86400)
  return wrk.format("GET", path .. "?from=" .. from .. "&to=" .. to, headers)
end

local codes = {}
response = function(status, headers, body)
  codes[status] = (codes[status] or 0) + 1
  if status ~= 200 and codes[status] <= 3 then io.stderr:write(status .. " " .. body:sub(1, 300) .. "\n") end
end

done = function(summary, latency, requests)
  io.write(string.format("requests=%d seconds=%.2f rps=%.1f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
