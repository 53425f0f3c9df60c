-- Drives Neovim as a user would, for tests/test_editors.py: opens a map with editors/neovim/argmap.lua
-- loaded as a plugin, waits (bounded) for its diagnostics, asks the server for a definition and a
-- hover, reads the map again, opens a plain YAML file and a second map of the same folder, and
-- writes what it saw as JSON to $ARGMAP_OUT. It runs on Neovim 0.7 and 0.11, so it uses only what
-- both have, and it never waits without a bound: a step that times out is written as such.

local env = vim.env
local wait_ms = tonumber(env.ARGMAP_WAIT_MS)
local seen = { notifications = {} }

vim.notify = function(message, level)
  table.insert(seen.notifications, { message = message, level = level })
end

-- The argmap clients attached to a buffer (initialized ones only, on 0.7).
local function attached(bufnr)
  local found = {}
  local all = vim.lsp.get_clients and vim.lsp.get_clients() or vim.lsp.get_active_clients()
  for _, client in ipairs(all) do
    if client.name == "argmap" and vim.lsp.buf_is_attached(bufnr, client.id) then
      table.insert(found, client.id)
    end
  end
  return found
end

-- Every argmap client started so far and not stopped, initialized or not (client ids count
-- up from 1): a duplicate shows here at once, before its server has answered.
local function started()
  local found = {}
  for id = 1, 100 do
    local client = vim.lsp.get_client_by_id(id)
    if client and client.name == "argmap" then
      table.insert(found, id)
    end
  end
  return found
end

local function request(bufnr, method, line, character)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = line, character = character },
  }
  local answers = vim.lsp.buf_request_sync(bufnr, method, params, wait_ms) or {}
  local results = {}
  for _, answer in pairs(answers) do
    table.insert(results, answer.result or { error = answer.err })
  end
  return results
end

local function run()
  vim.cmd("edit " .. vim.fn.fnameescape(env.ARGMAP_MAP))
  local map = vim.api.nvim_get_current_buf()
  seen.filetype = vim.bo[map].filetype
  seen.diagnostics_arrived = vim.wait(wait_ms, function()
    return #vim.diagnostic.get(map) > 0
  end, 20)
  seen.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(map)) do
    table.insert(seen.diagnostics, {
      lnum = d.lnum,
      col = d.col,
      severity = d.severity,
      code = d.code,
      message = d.message,
    })
  end
  if not seen.diagnostics_arrived then
    return
  end

  seen.omnifunc = vim.bo[map].omnifunc
  local line, character = env.ARGMAP_AT:match("^(%d+),(%d+)$")
  seen.definition = request(map, "textDocument/definition", tonumber(line), tonumber(character))
  seen.hover = request(map, "textDocument/hover", tonumber(line), tonumber(character))

  -- Reading the file again (as :edit does after a change on disk) keeps the one client;
  -- 0.11 attaches it again a moment later (scheduled), and would start a second one as late.
  vim.cmd("edit!")
  vim.wait(wait_ms, function()
    return #attached(map) > 0
  end, 20)
  vim.wait(300, function()
    return #started() > 1
  end, 20)
  seen.clients_after_reread = #started()
  seen.attached_after_reread = #attached(map)

  -- A YAML file that is not a map gets no argmap client.
  vim.cmd("edit " .. vim.fn.fnameescape(env.ARGMAP_PLAIN))
  local plain = vim.api.nvim_get_current_buf()
  vim.wait(300, function()
    return #attached(plain) > 0
  end, 20)
  seen.plain_filetype = vim.bo[plain].filetype
  seen.plain_clients = #attached(plain)

  -- A second map of the same folder is served by the same server.
  vim.cmd("edit " .. vim.fn.fnameescape(env.ARGMAP_SECOND))
  local second = vim.api.nvim_get_current_buf()
  seen.second_attached = vim.wait(wait_ms, function()
    return #attached(second) > 0
  end, 20)
  seen.clients = #started()
  seen.same_client = vim.deep_equal(attached(second), attached(map))
end

run()
vim.fn.writefile({ vim.fn.json_encode(seen) }, env.ARGMAP_OUT)
vim.cmd("qa!")
