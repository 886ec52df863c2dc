# Sourced by ./sorb and ./run-tests: what a fresh Debian/Ubuntu machine needs to build and run Sorb, and how to
# install it. Functions only; nothing runs when sourced.

# Major version of the installed JDK (javac), or 0 when there is none.
sorb_jdk_major() {
  local v=""
  command -v javac >/dev/null 2>&1 && v=$(javac -version 2>&1 | sed -E -n 's/^javac ([0-9]+).*/\1/p' | head -n 1)
  echo "${v:-0}"
}

# The toolchain items that are missing: "jdk" (17 or newer) and/or "maven".
sorb_missing_toolchain() {
  local missing=()
  [ "$(sorb_jdk_major)" -ge 17 ] || missing+=(jdk)
  command -v mvn >/dev/null 2>&1 || missing+=(maven)
  echo "${missing[@]:-}"
}

# True when this process may install Debian packages.
sorb_can_install() {
  [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1
}

# Installs the given items with apt-get ("jdk" maps to the newest JDK 17+ the release has); output to stderr.
sorb_install() {
  local packages=() m
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2
  for m in "$@"; do
    if [ "$m" = jdk ]; then
      # Debian 12 ships JDK 17; later releases only newer JDKs, which build Java 17 (release 17) just as well.
      if apt-cache show openjdk-17-jdk-headless >/dev/null 2>&1; then
        packages+=(openjdk-17-jdk-headless)
      else
        packages+=(openjdk-21-jdk-headless)
      fi
    else
      packages+=("$m")
    fi
  done
  apt-get install -y --no-install-recommends "${packages[@]}" >&2
}

# The HotSpot signal-chaining library (libjsig) of the JVM that runs `$1` (default: the java on PATH), or nothing
# when that JVM has none. OpenCL drivers built on LLVM (PoCL) install their own SIGSEGV/SIGBUS/SIGUSR2 handlers
# (SA_RESETHAND) over the JVM's when they initialise; the JVM takes SIGSEGV on purpose (safepoint polls, implicit
# null checks), so two such signals on two threads inside the reset window kill the process with exit 139 and no
# hs_err file. Preloaded, libjsig keeps the JVM's handlers in place and chains the driver's behind them.
sorb_jsig() {
  local java=${1:-$(command -v java 2>/dev/null)} home lib
  [ -n "$java" ] || return 0
  home=$(readlink -f "$java") || return 0
  home=${home%/*}
  home=${home%/*}
  for lib in "$home/lib/libjsig.so" "$home/lib/server/libjsig.so" "$home/jre/lib/amd64/libjsig.so"; do
    if [ -f "$lib" ]; then echo "$lib"; return 0; fi
  done
}

# Exports LD_PRELOAD with libjsig (see sorb_jsig) in front of what it held, unless it is there already.
sorb_preload_jsig() {
  local lib
  lib=$(sorb_jsig "${1:-}")
  [ -n "$lib" ] || return 0
  case ":${LD_PRELOAD:-}:" in *":$lib:"*) return 0 ;; esac
  export LD_PRELOAD="$lib${LD_PRELOAD:+:$LD_PRELOAD}"
}
