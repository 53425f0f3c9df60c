-- argmap's language server for Neovim: put this file in ~/.config/nvim/plugin/ (or source it
-- from init.lua). `argmap lsp` must be on PATH (pip install 'argmap[lsp]'), or change `cmd` to
-- the full path, e.g. { "/path/to/argmap/.venv/bin/argmap", "lsp" }.
--
-- Maps (*.argmap.yaml, *.argmap.yml, *.argmap.json) get one server per folder; other YAML and
-- JSON files are left to their own servers. On Neovim 0.11 and newer, `:checkhealth vim.lsp`
-- shows the configuration and the clients attached.

local cmd = { "argmap", "lsp" }
local patterns = { "*.argmap.yaml", "*.argmap.yml", "*.argmap.json" }

-- Without the command Neovim 0.11 would leave maps unchecked without a word (it only logs it),
-- and older versions would fail on every map: say once what is missing instead.
if vim.fn.executable(cmd[1]) == 0 then
  vim.api.nvim_create_autocmd({ "BufReadPost", "BufNewFile" }, {
    pattern = patterns,
    once = true,
    callback = function()
      vim.notify(
        "argmap: cannot run '" .. cmd[1] .. "', so maps are not checked: put it on PATH "
          .. "(pip install 'argmap[lsp]') or give its full path in argmap.lua",
        vim.log.levels.WARN
      )
    end,
  })
  return
end

local function is_map(name)
  return name:match("%.argmap%.ya?ml$") ~= nil or name:match("%.argmap%.json$") ~= nil
end

-- Neovim 0.11 and newer: the built-in configuration API.
if vim.lsp.config then
  vim.lsp.config("argmap", {
    cmd = cmd,
    filetypes = { "yaml", "json" },
    -- only maps: for any other buffer on_dir is not called, so the server is not started
    root_dir = function(bufnr, on_dir)
      local name = vim.api.nvim_buf_get_name(bufnr)
      if is_map(name) then
        on_dir(vim.fs.dirname(name))
      end
    end,
  })
  vim.lsp.enable("argmap")
  return
end

-- Older Neovim (0.7 to 0.10): start a client for the first map of each folder and attach every
-- later map of that folder to it, once, however often a buffer is read again (`:edit`).
local clients = {}

vim.api.nvim_create_autocmd({ "BufReadPost", "BufNewFile" }, {
  group = vim.api.nvim_create_augroup("argmap-lsp", { clear = true }),
  pattern = patterns,
  callback = function(args)
    local root = vim.fn.fnamemodify(args.file, ":p:h")
    local id = clients[root]
    local client = id and vim.lsp.get_client_by_id(id)
    if not client or client.is_stopped() then
      id = vim.lsp.start_client({ name = "argmap", cmd = cmd, root_dir = root })
      clients[root] = id
    end
    if id and not vim.lsp.buf_is_attached(args.buf, id) then
      vim.lsp.buf_attach_client(args.buf, id)
      vim.bo[args.buf].omnifunc = "v:lua.vim.lsp.omnifunc"
    end
  end,
})
