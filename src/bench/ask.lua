-- wrk script: POST /api/ask with request bodies taken in turn from the file named by BODIES
-- (one JSON object per line). With UNIQUE=1 each request's question gets a distinct suffix, so no
-- server-side cache can answer it.
local bodies = {}
for line in io.lines(os.getenv("BODIES")) do bodies[#bodies + 1] = line end
local unique = os.getenv("UNIQUE") == "1"
local counter = 0

function init(args)
  counter = math.random(1, 1000000) * 1000
end

request = function()
  counter = counter + 1
  local body = bodies[(counter % #bodies) + 1]
  if unique then
    body = body:gsub('"question": "', '"question": "(' .. counter .. ') ', 1)
  end
  return wrk.format("POST", "/api/ask", { ["Content-Type"] = "application/json" }, body)
end

done = function(summary, latency, requests)
  io.write(string.format("requests=%d errors(status)=%d errors(socket)=%d throughput=%.0f/s p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms\n",
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
