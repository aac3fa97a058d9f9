#!/usr/bin/env bash
# Installs what the end-to-end tests need, once, outside the clone:
#   - Debian packages: chromium, ripgrep, neovim, and the toolchain code-server's native modules
#     build with (build-essential, python3, libkrb5-dev), when they are missing;
#   - code-server 4.100.3 (the newest release that runs on Node 20) into
#     ${RNNLINT_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rnnlint-e2e}/code-server-4.100.3
# A finished install is marked by a .complete file and reused; rerunning the script is cheap.
# With --packages-only, installs only the Debian packages (the Neovim test needs no code-server).
# Prints the code-server executable's path as its last line. Exits non-zero with a reason when
# anything cannot be installed (the e2e suite then fails instead of passing silently).
set -euo pipefail

PACKAGES_ONLY=false
[ "${1:-}" = --packages-only ] && PACKAGES_ONLY=true
VERSION=4.100.3
CACHE="${RNNLINT_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rnnlint-e2e}"
PREFIX="$CACHE/code-server-$VERSION"
BIN="$PREFIX/node_modules/.bin/code-server"

log() { echo "[install-code-server] $*" >&2; }
die() { echo "[install-code-server] ERROR: $*" >&2; exit 1; }

# --- Debian packages -------------------------------------------------------------------------
need_pkgs=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need_pkgs+=(chromium)
command -v rg >/dev/null 2>&1 || need_pkgs+=(ripgrep)
command -v nvim >/dev/null 2>&1 || need_pkgs+=(neovim)
if [ "$PACKAGES_ONLY" = false ] && [ ! -f "$PREFIX/.complete" ]; then
  # only needed to build code-server's native modules
  command -v c++ >/dev/null 2>&1 && command -v make >/dev/null 2>&1 || need_pkgs+=(build-essential)
  [ -x /usr/bin/python3 ] || need_pkgs+=(python3)
  [ -f /usr/include/krb5.h ] || [ -f /usr/include/krb5/krb5.h ] || need_pkgs+=(libkrb5-dev)
fi
if [ "${#need_pkgs[@]}" -gt 0 ]; then
  log "installing Debian packages: ${need_pkgs[*]}"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "missing packages (${need_pkgs[*]}) and not root / no sudo to apt-get install them"
    SUDO="sudo -n"
  fi
  command -v apt-get >/dev/null 2>&1 || die "missing packages (${need_pkgs[*]}) and no apt-get on this machine"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >&2 || die "apt-get update failed"
  $SUDO apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >&2 \
    || die "apt-get install ${need_pkgs[*]} failed"
fi
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium is missing after install"
command -v rg >/dev/null 2>&1 || die "ripgrep (rg) is missing after install"
command -v nvim >/dev/null 2>&1 || die "neovim (nvim) is missing after install"
if [ "$PACKAGES_ONLY" = true ]; then
  log "Debian packages present"
  exit 0
fi

# --- code-server -----------------------------------------------------------------------------
if [ -f "$PREFIX/.complete" ] && [ -x "$BIN" ]; then
  log "code-server $VERSION already installed in $PREFIX"
  echo "$BIN"
  exit 0
fi

# One installer at a time (two test runs on a cold cache): wait for the other, then reuse its work.
mkdir -p "$CACHE"
if command -v flock >/dev/null 2>&1; then
  exec 9>"$CACHE/.install.lock"
  flock 9
  if [ -f "$PREFIX/.complete" ] && [ -x "$BIN" ]; then
    log "code-server $VERSION installed by a concurrent run in $PREFIX"
    echo "$BIN"
    exit 0
  fi
fi

node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" = 20 ] || log "warning: code-server $VERSION is built for Node 20, this is Node $node_major"

start=$(date +%s)
rm -rf "$PREFIX"
mkdir -p "$PREFIX"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# @vscode/ripgrep's postinstall downloads rg from GitHub (unreachable); it first looks for this
# cached archive, and Debian's rg 13.0.0 packed under the name `rg` is accepted.
mkdir -p "$WORK/tmp/vscode-ripgrep-cache-1.15.11" "$WORK/rg"
cp "$(command -v rg)" "$WORK/rg/rg"
tar -czf "$WORK/tmp/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$WORK/rg" rg

# npm 11 skips install scripts; code-server's postinstall runs a nested `npm install` in lib/vscode
# that only an npmrc (not an allow-scripts list) reaches.
cat > "$WORK/npmrc" <<EOF
dangerously-allow-all-scripts=true
unsafe-perm=true
fund=false
audit=false
update-notifier=false
EOF
echo '{"name":"rnnlint-e2e-code-server","private":true}' > "$PREFIX/package.json"

log "installing code-server@$VERSION into $PREFIX (about a minute)"
(
  cd "$PREFIX"
  export npm_config_userconfig="$WORK/npmrc"
  export npm_config_unsafe_perm=true
  export npm_config_nodedir=/usr
  export npm_config_python=/usr/bin/python3
  export PYTHON=/usr/bin/python3
  export TMPDIR="$WORK/tmp"
  npm install --no-save --no-package-lock "code-server@$VERSION" >"$PREFIX/install.log" 2>&1
) || { tail -40 "$PREFIX/install.log" >&2; die "npm install code-server@$VERSION failed (log: $PREFIX/install.log)"; }

[ -x "$BIN" ] || die "code-server binary missing after install ($BIN)"
"$BIN" --version >/dev/null 2>&1 || { "$BIN" --version >&2 || true; die "installed code-server does not start"; }
[ -d "$PREFIX/node_modules/code-server/lib/vscode/node_modules" ] \
  || die "code-server's postinstall did not install lib/vscode's modules (log: $PREFIX/install.log)"
touch "$PREFIX/.complete"
log "installed code-server $VERSION in $(( $(date +%s) - start ))s ($(du -sh "$PREFIX" | cut -f1))"
echo "$BIN"
