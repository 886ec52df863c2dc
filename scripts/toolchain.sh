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
