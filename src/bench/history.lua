-- wrk script for memory.sh: POST /api/ask with a follow-up question and a history of 20 turns, each request's
-- turns made unique so that neither the answer cache nor the embedding cache can serve it. The last exchange is
-- long (about 3,000 characters a turn), as a chat client that sends back whole answers makes it.
local counter = 0
local sentence = "Carney met President Xi Jinping in Beijing and spoke of a strategic partnership between the two "
  .. "countries after nearly a decade of strained ties, trade in canola and electric vehicles, and tariffs. "

function init(args)
  counter = math.random(1, 1000000) * 1000
end

request = function()
  counter = counter + 1
  local turns = {}
  for i = 1, 20 do
    local role = (i % 2 == 1) and "user" or "assistant"
    local text = "(" .. counter .. "." .. i .. ") " .. (i >= 19 and sentence:rep(15) or sentence)
    turns[#turns + 1] = '{"role": "' .. role .. '", "content": "' .. text .. '"}'
  end
  local body = '{"question": "What did he say about that?", "history": [' .. table.concat(turns, ", ") .. ']}'
  return wrk.format("POST", "/api/ask", { ["Content-Type"] = "application/json" }, body)
end

statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
