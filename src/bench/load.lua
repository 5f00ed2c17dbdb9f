-- wrk script for load.sh and soak.sh: POST /api/ask with request bodies taken in turn from the file named by
-- BODIES (one JSON object per line). MODE=repeated sends the bodies as they are (the answer cache serves
-- repeats); MODE=varied gives each request's question a distinct suffix, so that no cache can answer it.
-- Counts responses by status, so that 429s and 503s are reported apart from other errors; after a 429 or 503 the
-- thread waits as the response's Retry-After asks before its next request.
local bodies = {}
for line in io.lines(os.getenv("BODIES")) do bodies[#bodies + 1] = line end
local varied = os.getenv("MODE") == "varied"
local counter = 0
local backoff = 0 -- ms: a shed or rate-limited client waits as Retry-After asks, as a well-behaved client does
statuses = {} -- globals: done() reads each thread's copy with thread:get
fallbacks = {}
local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
end

function init(args)
  counter = math.random(1, 1000000) * 1000
  statuses = {}
  fallbacks = {}
end

request = function()
  counter = counter + 1
  local body = bodies[(counter % #bodies) + 1]
  if varied then
    body = body:gsub('"question": "', '"question": "(' .. counter .. ') ', 1)
  end
  return wrk.format("POST", "/api/ask", { ["Content-Type"] = "application/json" }, body)
end

delay = function()
  local wait = backoff
  backoff = 0
  return wait
end

response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status == 503 or status == 429 then
    backoff = (tonumber(headers["Retry-After"] or headers["retry-after"]) or 1) * 1000
  end
  -- an answer the model did not write says why: "timeout: ...", "model error: ...", "unsupported: ..."
  local reason = body and body:match('"fallback":"([^":]*)')
  if reason then fallbacks[reason] = (fallbacks[reason] or 0) + 1 end
end

-- "key:count" for the sum over all threads of the table named by global
local function summed(global)
  local sums = {}
  for _, thread in ipairs(threads) do
    for key, count in pairs(thread:get(global)) do sums[key] = (sums[key] or 0) + count end
  end
  local parts = {}
  for key, count in pairs(sums) do parts[#parts + 1] = key .. ":" .. count end
  table.sort(parts)
  return parts
end

done = function(summary, latency, requests)
  local parts = summed("statuses")
  local reasons = summed("fallbacks")
  local e = summary.errors
  io.write(string.format("requests=%d throughput=%.1f/s p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms"
      .. " non2xx=%d socket_errors=%d (connect=%d read=%d write=%d timeout=%d) statuses=%s fallbacks=%s\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.status, e.connect + e.read + e.write + e.timeout, e.connect, e.read, e.write, e.timeout,
    table.concat(parts, ","), #reasons == 0 and "none" or table.concat(reasons, ",")))
end
