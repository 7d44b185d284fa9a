-- wrk script: one gate check-in per request through the JSON API, each with a fresh submissionId.
-- The same generator as bench/lib/Load.java: citizens from a pool of BENCH_POOL valid ID-card numbers (so some
-- return), 0.5 % at 37.6 °C (re-measure), 0.2 % without a mask (refused: an incident), the rest admitted.
-- Env: BENCH_AUTH (base64 user:password), or BENCH_AUTH_HEADER (e.g. "Bearer <device token>", issue 18);
-- BENCH_POOL (default 100000).
local surnames = {"王","李","张","刘","陈","杨","黄","赵","吴","周","徐","孙","马","朱","胡","郭"}
local given = {"伟","芳","娜","敏","静","丽","强","磊","军","洋","勇","艳","杰","娟","涛","明","超","秀英","华","平"}
local weights = {7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2}
local check = "10X98765432"
local pool = tonumber(os.getenv("BENCH_POOL") or "100000")
local auth = os.getenv("BENCH_AUTH")
local base = os.time({year=1970, month=1, day=1, hour=12}) - 7305 * 86400 -- 1950-01-01 noon

local thread_counter = 0
function setup(thread)
  thread_counter = thread_counter + 1
  thread:set("seed_offset", thread_counter)
end

function init(args)
  math.randomseed(os.time() * 1000 + (seed_offset or 0))
end

local function hex(n)
  local t = {}
  for i = 1, n do t[i] = string.format("%x", math.random(0, 15)) end
  return table.concat(t)
end

local function uuid()
  return hex(8) .. "-" .. hex(4) .. "-4" .. hex(3) .. "-" .. string.format("%x", math.random(8, 11)) .. hex(3) .. "-" .. hex(12)
end

local function id_number(i)
  local birth = os.date("!%Y%m%d", base + math.floor(i / 1000) * 86400)
  local first17 = "430902" .. birth .. string.format("%03d", i % 1000)
  local sum = 0
  for k = 1, 17 do sum = sum + tonumber(first17:sub(k, k)) * weights[k] end
  local m = sum % 11
  return first17 .. check:sub(m + 1, m + 1)
end

local headers = {["Content-Type"] = "application/json", ["Accept"] = "application/json",
                 ["Authorization"] = os.getenv("BENCH_AUTH_HEADER") or ("Basic " .. auth)}

request = function()
  local person = math.random(0, pool - 1)
  local name = surnames[person % #surnames + 1] .. given[math.floor(person / #surnames) % #given + 1]
  local phone = "13" .. string.format("%09d", (person * 7919) % 1000000000)
  local x = math.random()
  local mask = "DISPOSABLE_MEDICAL"
  if x < 0.002 then mask = "NONE" elseif math.random(0, 9) == 0 then mask = "N95_KN95" end
  local temperature = string.format("%.1f", 36.0 + math.random(0, 11) / 10)
  if math.random() < 0.005 then temperature = "37.6" end
  local body = '{"submissionId":"' .. uuid() .. '","personType":"CITIZEN","name":"' .. name ..
      '","docType":"ID_CARD","docNo":"' .. id_number(person) .. '","phone":"' .. phone ..
      '","mask":"' .. mask .. '","temperature":' .. temperature .. ',"symptoms":[],"noSymptoms":true}'
  return wrk.format("POST", "/api/v1/screening/screenings", headers, body)
end

local codes = {}
response = function(status, headers, body)
  codes[status] = (codes[status] or 0) + 1
  if status ~= 201 and (codes[status] or 0) <= 3 then io.stderr:write(status .. " " .. body .. "\n") end
end

done = function(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("requests=%d seconds=%.2f rps=%.1f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    non2xx, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
