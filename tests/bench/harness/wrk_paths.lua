-- wrk script: cycles through request paths read from a file, one a line, and
-- prints one JSON line of results at the end.
--   wrk -t2 -c32 -d10s -s wrk_paths.lua http://127.0.0.1:PORT -- paths.txt
-- Each thread starts at its own place in the list so connections do not
-- send the same query at the same moment. Non-2xx responses are counted by
-- wrk itself (summary.errors.status: statuses 400 and up).

local paths = {}
local counter = 0

local function load(file)
  local list = {}
  for line in io.lines(file) do
    if line ~= "" then list[#list + 1] = line end
  end
  return list
end

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

function init(args)
  local file = args[1] or os.getenv("WRK_PATHS")
  if not file then error("wrk_paths.lua: give the paths file after --") end
  paths = load(file)
  if #paths == 0 then error("wrk_paths.lua: no paths in " .. file) end
  index = ((id or 1) - 1) * math.floor(#paths / 2) % #paths
end

function request()
  index = index % #paths + 1
  return wrk.format("GET", paths[index])
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"requests_per_s":%.1f,"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,' ..
    '"max_ms":%.3f,"mean_ms":%.3f,"non2xx":%d,"socket_errors":%d,"timeouts":%d,"bytes":%d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000, e.status, e.connect + e.read + e.write, e.timeout, summary.bytes))
end
