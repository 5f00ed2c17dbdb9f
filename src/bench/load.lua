-- wrk script for load.sh and soak.sh: POST /api/ask with request bodies taken in turn from the file named by
-- BODIES (one JSON object per line). MODE=repeated sends the bodies as they are (the answer cache serves
-- repeats); MODE=varied gives each request's question a distinct suffix, so that no cache can answer it.
-- Counts responses by status, so that 429s and 503s are reported apart from other errors.
local bodies = {}
for line in io.lines(os.getenv("BODIES")) do bodies[#bodies + 1] = line end
local varied = os.getenv("MODE") == "varied"
local counter = 0
local statuses = {}
local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
end

function init(args)
  counter = math.random(1, 1000000) * 1000
  statuses = {}
end

request = function()
  counter = counter + 1
  local body = bodies[(counter % #bodies) + 1]
  if varied then
    body = body:gsub('"question": "', '"question": "(' .. counter .. ') ', 1)
  end
  return wrk.format("POST", "/api/ask", { ["Content-Type"] = "application/json" }, body)
end

response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  local byStatus = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      byStatus[status] = (byStatus[status] or 0) + count
    end
  end
  local parts = {}
  for status, count in pairs(byStatus) do parts[#parts + 1] = status .. ":" .. count end
  table.sort(parts)
  local e = summary.errors
  io.write(string.format("requests=%d throughput=%.0f/s p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms"
      .. " non2xx=%d socket_errors=%d (connect=%d read=%d write=%d timeout=%d) statuses=%s\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.status, e.connect + e.read + e.write + e.timeout, e.connect, e.read, e.write, e.timeout,
    table.concat(parts, ",")))
end
