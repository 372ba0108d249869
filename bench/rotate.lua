-- wrk script: rotates through the request paths listed (one per line) in the file given after "--":
--   wrk -t2 -c16 -d5s -H 'Cookie: ...' -s bench/rotate.lua http://127.0.0.1:18802 -- paths.txt
-- Each wrk thread starts at its own offset (thread i at fraction i * 0.618... mod 1 of the list, as
-- wrk calls init before it knows how many threads follow), so the threads do not ask for the same
-- path at the same time; within a thread every request takes the next path.
-- The -H headers are sent with every request.

local counter = 0

function setup(thread)
    thread:set("thread_no", counter)
    counter = counter + 1
end

local paths = {}
local index = 0

function init(args)
    local file = args[1]
    if file == nil then
        error("rotate.lua: pass the file of paths after --")
    end
    for line in io.lines(file) do
        if line ~= "" then
            paths[#paths + 1] = line
        end
    end
    if #paths == 0 then
        error("rotate.lua: no paths in " .. file)
    end
    local no = tonumber(wrk.thread:get("thread_no")) or 0
    index = math.floor(#paths * ((no * 0.6180339887) % 1))
end

function request()
    index = index % #paths + 1
    return wrk.format(nil, paths[index])
end
