-- wrk script for soak.sh: mixed traffic in a fixed rotation. Questions come from the file named by BODIES, each
-- made unique now and then so that the answer cache keeps changing; some requests are bad on purpose.
local bodies = {}
for line in io.lines(os.getenv("BODIES")) do bodies[#bodies + 1] = line end
local counter = 0
statuses = {} -- global: done() reads each thread's copy with thread:get
local threads = {}
local json = { ["Content-Type"] = "application/json" }

function setup(thread)
  threads[#threads + 1] = thread
end

function init(args)
  counter = math.random(1, 1000000) * 1000
  statuses = {}
end

local function body()
  local b = bodies[(counter % #bodies) + 1]
  if counter % 3 == 0 then
    b = b:gsub('"question": "', '"question": "(' .. counter .. ') ', 1)
  end
  return b
end

local function question()
  return body():match('"question": ("[^"]*")') or '"Who did Carney meet?"'
end

request = function()
  counter = counter + 1
  local kind = counter % 12
  if kind <= 2 then
    return wrk.format("POST", "/api/ask", json, body())
  elseif kind <= 4 then
    return wrk.format("POST", "/api/ask/stream", json, body())
  elseif kind == 5 then
    return wrk.format("POST", "/v1/chat/completions", json,
      '{"model": "article-chat", "messages": [{"role": "user", "content": ' .. question() .. '}]}')
  elseif kind == 6 then
    return wrk.format("POST", "/v1/chat/completions", json,
      '{"model": "article-chat", "stream": true, "messages": [{"role": "user", "content": ' .. question() .. '}]}')
  elseif kind == 7 then
    return wrk.format("GET", "/api/article")
  elseif kind == 8 then
    return wrk.format("GET", "/health")
  elseif kind == 9 then
    return wrk.format("POST", "/api/ask", json, '{"question": ')            -- invalid JSON: 400
  elseif kind == 10 then
    return wrk.format("POST", "/api/ask", { ["Content-Type"] = "text/plain" }, "who?") -- 415
  else
    return wrk.format("GET", "/api/nothing-here")                           -- 404
  end
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
  io.write(string.format("requests=%d throughput=%.1f/s p50=%.2fms p99=%.2fms max=%.2fms socket_errors=%d"
      .. " (connect=%d read=%d write=%d timeout=%d) statuses=%s\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, e.connect + e.read + e.write + e.timeout,
    e.connect, e.read, e.write, e.timeout, table.concat(parts, ",")))
end
