-- Headless Neovim (0.7+) as a second LSP client for RNNLint.
-- Started by test/e2e/neovim.e2e.mjs as:
--   nvim --headless --clean -u lsp-check.lua FILE
-- with RNNLINT_SERVER (path of dist/server.js) and RNNLINT_RESULT (JSON file to write) in the
-- environment. It starts `node dist/server.js --stdio`, attaches it to the buffer, waits for the
-- diagnostics, asks for code actions at the first one, applies the preferred action, waits for the
-- diagnostics to update, saves the file and writes everything it saw to RNNLINT_RESULT.

local server = assert(os.getenv('RNNLINT_SERVER'), 'RNNLINT_SERVER is not set')
local result_path = assert(os.getenv('RNNLINT_RESULT'), 'RNNLINT_RESULT is not set')
local wait_ms = tonumber(os.getenv('RNNLINT_WAIT_MS') or '30000')

local target_code = os.getenv('RNNLINT_CODE') -- rule id of the diagnostic to fix (default: the first)

local out = { nvim = vim.version(), log = {}, publishes = 0 }
local function log(msg) table.insert(out.log, msg) end

-- Count the server's publishDiagnostics for our file, so a file without problems (an empty
-- publish) can be told from a server that has not answered yet.
local publish = vim.lsp.handlers['textDocument/publishDiagnostics']
local my_uri
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  if result and result.uri == my_uri then out.publishes = out.publishes + 1 end
  return publish(err, result, ctx, config)
end

local function write_result()
  local f = assert(io.open(result_path, 'w'))
  f:write(vim.fn.json_encode(out))
  f:close()
end

local function simple_diagnostics(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data and d.user_data.lsp) or {}
    table.insert(list, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, message = d.message, source = d.source,
      code = d.code or lsp.code,
      href = lsp.codeDescription and lsp.codeDescription.href or vim.NIL,
    })
  end
  table.sort(list, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  return list
end

local function run()
  local bufnr = vim.api.nvim_get_current_buf()
  local file = vim.api.nvim_buf_get_name(bufnr)
  out.file = file
  my_uri = vim.uri_from_bufnr(bufnr)

  local client_id = vim.lsp.start_client({
    name = 'rnnlint',
    cmd = { 'node', '--optimize-for-size', server, '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
    settings = { rnnlint = { enable = true, run = 'onType' } },
    on_exit = function(code, signal) log(('server exited: code %s signal %s'):format(code, signal)) end,
  })
  if not client_id then error('vim.lsp.start_client returned nil') end
  if not vim.lsp.buf_attach_client(bufnr, client_id) then error('vim.lsp.buf_attach_client failed') end

  local ok = vim.wait(wait_ms, function()
    local c = vim.lsp.get_client_by_id(client_id)
    return c ~= nil and c.initialized and out.publishes > 0
  end, 50)
  out.diagnostics_before = simple_diagnostics(bufnr)
  if not ok then
    out.error = 'the server published no diagnostics for the file within ' .. wait_ms .. ' ms'
    return
  end
  if #out.diagnostics_before == 0 then return end

  -- Code actions at the target diagnostic, with the diagnostics of its line as context (what
  -- vim.lsp.buf.code_action() sends).
  local first
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    if not first and (target_code == nil or code == target_code) then first = d end
  end
  if not first then
    out.error = 'no diagnostic with code ' .. tostring(target_code)
    return
  end
  vim.api.nvim_win_set_cursor(0, { first.lnum + 1, first.col })
  local params = vim.lsp.util.make_range_params()
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, first.lnum) }
  local responses, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, wait_ms)
  if not responses then
    out.error = 'textDocument/codeAction failed: ' .. tostring(err)
    return
  end
  local actions = {}
  for _, resp in pairs(responses) do
    if resp.error then out.error = 'codeAction error: ' .. vim.inspect(resp.error) return end
    for _, a in ipairs(resp.result or {}) do table.insert(actions, a) end
  end
  out.actions = {}
  local preferred
  for _, a in ipairs(actions) do
    table.insert(out.actions, { title = a.title, kind = a.kind or vim.NIL, isPreferred = a.isPreferred or false })
    if a.isPreferred and not preferred then preferred = a end
  end
  if not preferred then
    out.error = 'no preferred code action'
    return
  end
  out.applied = preferred.title

  -- Apply it as Neovim does, then let the server see the change.
  local version_before = vim.lsp.util.buf_versions[bufnr]
  if preferred.edit then vim.lsp.util.apply_workspace_edit(preferred.edit, 'utf-16') end
  if preferred.command then
    local cmd = type(preferred.command) == 'table' and preferred.command or preferred
    vim.lsp.buf_request_sync(bufnr, 'workspace/executeCommand', { command = cmd.command, arguments = cmd.arguments }, wait_ms)
  end
  local first_code = first.code or (first.user_data and first.user_data.lsp and first.user_data.lsp.code)
  vim.wait(wait_ms, function()
    if vim.lsp.util.buf_versions[bufnr] == version_before then return false end
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.lnum == first.lnum and (d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)) == first_code then
        return false
      end
    end
    return true
  end, 50)
  -- a moment more so a late publish (debounce) is seen too
  vim.wait(500, function() return false end, 50)
  out.diagnostics_after = simple_diagnostics(bufnr)
  out.lines_after = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  vim.cmd('silent write')
  out.saved = true
  local c = vim.lsp.get_client_by_id(client_id)
  out.server_running_after = c ~= nil and not c.is_stopped()
end

-- The init file runs before Neovim reads FILE into a buffer: start once the editor is up.
vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    local ok, e = pcall(run)
    if not ok then out.error = 'lua error: ' .. tostring(e) end
    pcall(function() vim.lsp.stop_client(vim.lsp.get_active_clients(), true) end)
    write_result()
    vim.cmd('qall!')
  end,
})
