# Sourced by ./sorb: the class-data-sharing (AppCDS) archive that cuts the JVM's start (class loading, parsing and
# verification of about 2,500 classes) on every run. Functions only; nothing runs when sourced.
#
# The archive is a static one: a training run lists the classes it loads (-XX:DumpLoadedClassList), then
# `java -Xshare:dump` writes them into one file. (A dynamic archive, -XX:ArchiveClassesAtExit, was tried: on
# JDK 17.0.15 the hot solver methods it archived were never JIT-compiled again and a solve ran 3x slower.)
# It is made for one jar and one java: a key file beside it records both, and it is remade when either changes
# or the jar is newer. The JVM checks it as well (jar size and time, JVM build, heap options) and, with
# -Xshare:auto, silently runs without it when it does not fit, so a missing, stale or damaged archive never
# breaks a run; it only takes the time back. SORB_CDS=0 turns it off.

# The key of an archive for the java binary `$1` (its resolved path) and the jar `$2`: both paths and the
# runtime version from the JDK's release file (no process is started to read it).
sorb_cds_key() {
  local java_real=$1 jar=$2 home line version=""
  home=${java_real%/bin/*}
  if [ -r "$home/release" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      case $line in JAVA_RUNTIME_VERSION=*) version=${line#*=}; version=${version//\"/} ;; esac
    done < "$home/release"
  fi
  printf '%s|%s|%s' "$java_real" "$version" "$jar"
}

# True when file `$1` is newer than jar `$2` and its first line is `$3`.
sorb_cds_records() {
  local line=""
  [ -r "$1" ] && [ "$1" -nt "$2" ] || return 1
  IFS= read -r line < "$1" || [ -n "$line" ] || return 1
  [ "$line" = "$3" ]
}

# True when archive `$1` exists, is newer than jar `$2` and was made for key `$3`.
sorb_cds_usable() {
  [ -s "$1" ] && [ "$1" -nt "$2" ] && sorb_cds_records "$1.key" "$2" "$3"
}

# True when making archive `$1` for jar `$2` and key `$3` failed before (same key, jar not rebuilt since), so
# a run does not pay for another try (delete `$1.failed` to try again).
sorb_cds_failed_before() {
  sorb_cds_records "$1.failed" "$2" "$3"
}

# Makes archive `$1` for jar `$2` with the java `$3` (path), recording key `$4`: runs the training command
# (the remaining arguments, after `--`: sorb arguments for -jar jar, run in an empty scratch folder) under
# -XX:DumpLoadedClassList, then dumps the listed classes. Output goes to `$1.log`. Returns non-zero, leaving no
# archive, when a step fails.
sorb_cds_make() {
  local jsa=$1 jar=$2 java=$3 key=$4 tmp
  shift 5
  tmp="$jsa.tmp.$$"
  rm -rf "$tmp" "$tmp.classlist" "$tmp.d"
  if mkdir "$tmp.d" \
      && (cd "$tmp.d" && "$java" -Xshare:auto -XX:DumpLoadedClassList="$tmp.classlist" -jar "$jar" "$@") \
         >"$jsa.log" 2>&1 \
      && "$java" -Xshare:dump -XX:SharedClassListFile="$tmp.classlist" -XX:SharedArchiveFile="$tmp" \
         -cp "$jar" >>"$jsa.log" 2>&1 \
      && [ -s "$tmp" ] \
      && "$java" -Xshare:on -XX:SharedArchiveFile="$tmp" -jar "$jar" --version >>"$jsa.log" 2>&1; then
    printf '%s\n' "$key" > "$tmp.key"
    mv -f "$tmp" "$jsa"
    mv -f "$tmp.key" "$jsa.key"
    rm -rf "$tmp.classlist" "$tmp.d" "$jsa.failed"
    return 0
  fi
  rm -rf "$tmp" "$tmp.classlist" "$tmp.key" "$tmp.d" "$jsa" "$jsa.key"
  printf '%s\n' "$key" > "$jsa.failed" 2>/dev/null || true
  return 1
}

# Prints nothing; sets the array SORB_CDS_OPTS to the java options that use archive `$1` for jar `$2` and java
# `$3` (path), making the archive first when it is missing or stale (running the training command, the
# arguments after `--`). Making it is skipped when SORB_CDS=0, when the folder is not writable, when another
# launcher is making it at the moment (lock file `$1.lock`), or when it failed before for this jar and java;
# then SORB_CDS_OPTS stays empty. Never fails.
sorb_cds_prepare() {
  local jsa=$1 jar=$2 java=$3 java_real key
  shift 3
  SORB_CDS_OPTS=()
  [ "${SORB_CDS:-1}" != 0 ] || return 0
  java_real=$(readlink -f "$java" 2>/dev/null) || return 0
  key=$(sorb_cds_key "$java_real" "$jar")
  if ! sorb_cds_usable "$jsa" "$jar" "$key"; then
    [ -w "${jsa%/*}" ] || return 0
    ! sorb_cds_failed_before "$jsa" "$jar" "$key" || return 0
    command -v flock >/dev/null 2>&1 || return 0
    (
      flock -n 8 || exit 0
      sorb_cds_usable "$jsa" "$jar" "$key" && exit 0
      echo "sorb: making the class-data archive for faster starts (once per build; log: $jsa.log) ..." >&2
      sorb_cds_make "$jsa" "$jar" "$java" "$key" "$@" || echo "sorb: no class-data archive (see $jsa.log)" >&2
    ) 8>"$jsa.lock" || true
    sorb_cds_usable "$jsa" "$jar" "$key" || return 0
  fi
  SORB_CDS_OPTS=(-XX:SharedArchiveFile="$jsa" -Xshare:auto)
}
