-- argmap's language server for Neovim: put this file in ~/.config/nvim/plugin/ (or source it
-- from init.lua). `argmap lsp` must be on PATH (pip install 'argmap[lsp]').

-- Neovim 0.11 and newer: the built-in configuration API.
if vim.lsp.config then
  vim.filetype.add({ pattern = { [".*%.argmap%.yaml"] = "yaml", [".*%.argmap%.json"] = "json" } })
  vim.lsp.config("argmap", {
    cmd = { "argmap", "lsp" },
    filetypes = { "yaml", "json" },
    root_markers = { "argmap.toml", ".git" },
    -- only maps: other YAML and JSON files are left to their own servers
    root_dir = function(bufnr, on_dir)
      local name = vim.api.nvim_buf_get_name(bufnr)
      if name:match("%.argmap%.ya?ml$") or name:match("%.argmap%.json$") then
        on_dir(vim.fs.dirname(name))
      end
    end,
  })
  vim.lsp.enable("argmap")
  return
end

-- Older Neovim (0.7 to 0.10): start a client for each map opened.
vim.api.nvim_create_autocmd({ "BufReadPost", "BufNewFile" }, {
  pattern = { "*.argmap.yaml", "*.argmap.yml", "*.argmap.json" },
  callback = function(args)
    local client = vim.lsp.start_client({
      name = "argmap",
      cmd = { "argmap", "lsp" },
      root_dir = vim.fn.fnamemodify(args.file, ":p:h"),
    })
    if client then
      vim.lsp.buf_attach_client(args.buf, client)
      vim.bo[args.buf].omnifunc = "v:lua.vim.lsp.omnifunc"
    end
  end,
})
