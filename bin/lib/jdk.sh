# Sourced by the scripts in bin/: finds a JDK whose feature release is at least 25.
# Order: FALCO_PLUGIN_JAVA_HOME, JAVA_HOME, then every JDK under /usr/lib/jvm.
# Sets FALCO_JDK to its home, or prints where it looked and returns 1.

falco_jdk_feature() {
  local release="$1/release" version
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ -f "$release" ] || { echo 0; return; }
  version=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9][0-9]*\).*/\1/p' "$release" | head -n 1)
  echo "${version:-0}"
}

falco_find_jdk() {
  local candidate feature looked=""
  for candidate in "${FALCO_PLUGIN_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -d "$candidate" ] || continue
    feature=$(falco_jdk_feature "$candidate")
    if [ "$feature" -ge 25 ]; then
      FALCO_JDK=$(cd "$candidate" && pwd -P)
      return 0
    fi
    looked="$looked $candidate(Java ${feature/#0/?})"
  done
  echo "falco-plugin: no JDK 25 or newer found. Looked at:${looked:- nothing}." >&2
  echo "Install a JDK 25 and set FALCO_PLUGIN_JAVA_HOME (or JAVA_HOME) to its home." >&2
  return 1
}
