-- wrk script for scale.sh: POST /api/ask with a request body drawn at random from the file named by BODIES (one
-- JSON object a line, the question its last member: {"articleId": "...", "question": "..."} or {"question": "..."}).
-- Every request's question ends in a word of its own (letters, so that it is no name or number the article would
-- have to mention), so that neither the answer cache nor the embedding cache can serve it. Counts responses by
-- status and how many were answered rather than refused.
local bodies = {}
for line in io.lines(os.getenv("BODIES")) do bodies[#bodies + 1] = line end
local threads = {}
local counter = 0
statuses = {} -- globals: done() reads each thread's copy with thread:get
answered = 0

function setup(thread)
  threads[#threads + 1] = thread
  thread:set("id", #threads)
end

function init(args)
  -- each thread its own numbers: wrk does not seed the threads' generators apart
  counter = id * 1000000000 + os.time() % 100000 * 1000
  math.randomseed(counter)
  statuses = {}
  answered = 0
end

local function letters(n)
  local word = ""
  repeat
    word = string.char(97 + n % 26) .. word
    n = math.floor(n / 26)
  until n == 0
  return word
end

request = function()
  counter = counter + 1
  local body = bodies[math.random(#bodies)]:gsub('"}$', " " .. letters(counter) .. '"}', 1)
  return wrk.format("POST", "/api/ask", { ["Content-Type"] = "application/json" }, body)
end

response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if body and body:find('"answered":true', 1, true) then answered = answered + 1 end
end

done = function(summary, latency, requests)
  local byStatus, yes = {}, 0
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do byStatus[status] = (byStatus[status] or 0) + count end
    yes = yes + thread:get("answered")
  end
  local parts = {}
  for status, count in pairs(byStatus) do parts[#parts + 1] = status .. ":" .. count end
  table.sort(parts)
  local e = summary.errors
  io.write(string.format("requests=%d throughput=%.0f/s p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms"
      .. " statuses=%s answered=%.0f%% socket_errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    table.concat(parts, ","), 100 * yes / math.max(1, summary.requests),
    e.connect + e.read + e.write + e.timeout))
end
