-- End-to-end test of `asynctype server` with a real editor: Neovim's built-in LSP client.
-- Run by tests/cli/nvim_e2e.sh as
--   ASYNCTYPE=/path/to/asynctype E2E_FILE=/tmp/.../main.py \
--     nvim --headless --clean -u NONE +"luafile tests/nvim/e2e.lua"
-- Steps: start the server and attach it to the buffer, wait for the `unused-coroutine`
-- diagnostic on `f()`, hover the call (its type and what `await` produces), ask for the code
-- actions at the diagnostic and apply ``Add `await` `` (Neovim sends the didChange itself), wait
-- for the diagnostics to go away, then shut the server down and check it exits with 0.
-- With $E2E_RECIPE set to a Lua file (the README's recipe), that file starts the client instead.
-- Exits with 0 on success, 1 with a `FAIL:` line on stderr otherwise.
-- Works with Neovim 0.7 (vim.lsp.start_client + vim.lsp.buf_attach_client) and later
-- (vim.lsp.start); diagnostics are read from vim.diagnostic, so pushed (0.7..0.9) and pulled
-- (0.10+) diagnostics both work.

local TIMEOUT = tonumber(os.getenv("E2E_TIMEOUT_MS") or "") or 20000 -- per step; CI has 2 cores

local function log(msg)
  io.stdout:write("nvim_e2e: " .. msg .. "\n")
  io.stdout:flush()
end

local function fail(msg)
  error({ e2e = msg }, 0)
end

local function check(cond, msg)
  if not cond then
    fail(msg)
  end
end

local function wait_for(what, pred, timeout)
  local ok = vim.wait(timeout or TIMEOUT, pred, 50)
  check(ok, "timed out after " .. tostring(timeout or TIMEOUT) .. " ms waiting for " .. what)
end

local function show(x)
  return vim.inspect(x, { newline = " ", indent = "" })
end

local server_exit = nil -- {code, signal} once the server process has exited

local function run()
  local binary = os.getenv("ASYNCTYPE")
  local file = os.getenv("E2E_FILE")
  check(binary and binary ~= "", "$ASYNCTYPE is not set")
  check(file and file ~= "", "$E2E_FILE is not set")
  log("Neovim " .. tostring(vim.version().major) .. "." .. tostring(vim.version().minor)
    .. "." .. tostring(vim.version().patch) .. ", server " .. binary)

  -- With $E2E_RECIPE, the client comes from that Lua file (the README's recipe for this Neovim,
  -- extracted by nvim_e2e.sh): it is sourced before the file is opened, so its FileType autocmd
  -- starts and attaches the server as it would in the user's configuration.
  local recipe = os.getenv("E2E_RECIPE")
  if recipe and recipe ~= "" then
    vim.cmd("filetype on") -- as in a user's Neovim (the test runs with -u NONE)
    vim.cmd("luafile " .. vim.fn.fnameescape(recipe))
  end
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local root = vim.fn.fnamemodify(file, ":p:h")

  local client_id
  if recipe and recipe ~= "" then
    log("client from the recipe " .. recipe)
    wait_for("the recipe to attach a client named asynctype", function()
      local clients = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = bufnr })
        or vim.lsp.buf_get_clients(bufnr)
      for _, c in pairs(clients) do
        if c.name == "asynctype" then
          client_id = c.id
          return true
        end
      end
      return false
    end)
  else
    vim.bo[bufnr].filetype = "python"
    local config = {
      name = "asynctype",
      cmd = { binary, "server" },
      root_dir = root,
      workspace_folders = { { uri = vim.uri_from_fname(root), name = "e2e" } },
      flags = { debounce_text_changes = 50 },
      on_exit = function(code, signal)
        server_exit = { code, signal }
      end,
    }
    if vim.lsp.start then -- 0.8+
      client_id = vim.lsp.start(config, { bufnr = bufnr })
    else -- 0.7
      client_id = vim.lsp.start_client(config)
      check(client_id ~= nil, "vim.lsp.start_client failed")
      check(vim.lsp.buf_attach_client(bufnr, client_id), "vim.lsp.buf_attach_client failed")
    end
  end
  check(client_id ~= nil, "could not start the server")
  local client
  wait_for("the server to initialize", function()
    client = vim.lsp.get_client_by_id(client_id)
    return (client ~= nil and client.initialized) or server_exit ~= nil
  end)
  check(server_exit == nil, "the server exited during initialization: " .. show(server_exit))
  log("initialized; capabilities: hover=" .. tostring(client.server_capabilities
    and client.server_capabilities.hoverProvider or client.resolved_capabilities
    and client.resolved_capabilities.hover))

  -- 1. The diagnostic for the coroutine called without `await`.
  local diag
  wait_for("the unused-coroutine diagnostic", function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.code == "unused-coroutine" then
        diag = d
        return true
      end
    end
    return false
  end)
  local all = vim.diagnostic.get(bufnr)
  check(#all == 1, "expected exactly one diagnostic, got " .. show(all))
  check(diag.source == "asynctype", "diagnostic source: " .. show(diag))
  -- `    f()` is line 5 (0-based), columns 4..7.
  check(diag.lnum == 5 and diag.col == 4 and diag.end_lnum == 5 and diag.end_col == 7,
    "diagnostic range: " .. show(diag))
  log("diagnostic: " .. diag.code .. " at " .. diag.lnum .. ":" .. diag.col .. ": " .. diag.message)

  -- 2. Hover at the `(` of `f()`: the call's type and what `await` produces.
  local uri = vim.uri_from_bufnr(bufnr)
  local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/hover",
    { textDocument = { uri = uri }, position = { line = 5, character = 5 } }, TIMEOUT)
  check(responses and responses[client_id], "no hover response: " .. show(responses))
  local hover = responses[client_id]
  check(hover.err == nil, "hover failed: " .. show(hover.err))
  check(hover.result and hover.result.contents, "empty hover: " .. show(hover))
  local text = hover.result.contents.value or show(hover.result.contents)
  check(text:find("CoroutineType[Any, Any, int]", 1, true), "hover lacks the coroutine type: " .. text)
  check(text:find("awaits to `int`", 1, true), "hover lacks `awaits to `int``: " .. text)
  log("hover: " .. text:gsub("\n", "\\n"))

  -- 3. Code actions at the diagnostic; apply ``Add `await` ``.
  -- As vim.lsp.buf.code_action() does: the LSP diagnostic back from the vim one (0.10+ keep the
  -- whole LSP diagnostic in user_data.lsp; 0.7 only its extra fields). Columns are bytes, and
  -- the line is ASCII, so they are UTF-16 columns too.
  local lsp_diag = vim.tbl_extend("keep", {
    range = {
      start = { line = diag.lnum, character = diag.col },
      ["end"] = { line = diag.end_lnum, character = diag.end_col },
    },
    severity = diag.severity, -- vim.diagnostic.severity numbers are the LSP ones
    message = diag.message,
    source = diag.source,
    code = diag.code,
  }, diag.user_data and diag.user_data.lsp or {})
  responses = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", {
    textDocument = { uri = uri },
    range = lsp_diag.range,
    context = { diagnostics = { lsp_diag } },
  }, TIMEOUT)
  check(responses and responses[client_id], "no codeAction response: " .. show(responses))
  local actions = responses[client_id]
  check(actions.err == nil, "codeAction failed: " .. show(actions.err))
  local add
  local titles = {}
  for _, a in ipairs(actions.result or {}) do
    table.insert(titles, a.title)
    if a.title == "Add `await`" then
      add = a
    end
  end
  log("code actions: " .. table.concat(titles, " | "))
  check(add ~= nil, "no \"Add `await`\" action among " .. show(titles))
  check(add.edit ~= nil, "\"Add `await`\" has no edit: " .. show(add))
  local tick = vim.api.nvim_buf_get_changedtick(bufnr)
  vim.lsp.util.apply_workspace_edit(add.edit, "utf-16")
  local line = vim.api.nvim_buf_get_lines(bufnr, 5, 6, true)[1]
  check(line == "    await f()", "line after the edit: " .. show(line))
  check(vim.api.nvim_buf_get_changedtick(bufnr) > tick, "the edit did not change the buffer")

  -- 4. Neovim sends the didChange; the server re-checks and clears the diagnostic.
  wait_for("the diagnostics to clear after the edit", function()
    return #vim.diagnostic.get(bufnr) == 0
  end)
  log("diagnostics cleared after the edit")
  -- The cleared state is stable (no late re-publish of the old diagnostic).
  vim.wait(300)
  check(#vim.diagnostic.get(bufnr) == 0, "diagnostics came back: " .. show(vim.diagnostic.get(bufnr)))

  -- 5. shutdown + exit: the server exits with 0 (a recipe's client has no on_exit hook of ours:
  -- then the client is only seen to stop).
  vim.lsp.stop_client(client_id)
  if recipe and recipe ~= "" then
    wait_for("the server to stop after shutdown", function()
      local c = vim.lsp.get_client_by_id(client_id)
      return c == nil or c.is_stopped()
    end, 10000)
    log("server stopped")
    return
  end
  wait_for("the server to exit after shutdown", function()
    return server_exit ~= nil
  end, 10000)
  check(server_exit[1] == 0, "server exit status after shutdown + exit: " .. show(server_exit))
  log("server exited with 0")
end

local ok, err = xpcall(run, function(e)
  if type(e) == "table" and e.e2e then
    return e.e2e
  end
  return tostring(e) .. "\n" .. debug.traceback()
end)
if ok then
  log("PASS")
  vim.cmd("qall!")
else
  io.stderr:write("FAIL: " .. tostring(err) .. "\n")
  io.stderr:flush()
  vim.cmd("cquit 1")
end
