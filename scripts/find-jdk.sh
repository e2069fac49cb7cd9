# shellcheck shell=bash
# Finds a JDK for chainrule. Source this file, then call
#
#     chainrule_find_jdk [MIN_MAJOR]        (MIN_MAJOR defaults to 21)
#
# On success it exports JAVA_HOME (a JDK: bin/java and bin/javac, major version >= MIN_MAJOR)
# and returns 0. It looks, in this order, at:
#   1. $JAVA_HOME, when it is suitable;
#   2. the javac / java on PATH (symlinks followed to their JDK);
#   3. the newest suitable JDK under /usr/lib/jvm/*, /usr/local/*jdk*, /opt/*jdk*, /opt/java/*,
#      ~/.sdkman/candidates/java/*, /Library/Java/JavaVirtualMachines/*/Contents/Home.
# When there is none it says on stderr what to install and returns 1.
# It prints nothing else, so it can be used in front of a command whose output matters.
#
# Also usable as a program: `bash scripts/find-jdk.sh` prints the JAVA_HOME it would pick.

# Sets _CR_MAJOR to the major Java version in a version string: "1.8.0_392" -> 8,
# "17.0.15" -> 17, "21" -> 21, "25-ea" -> 25, "21.0.1+12-LTS" -> 21. Returns 1 when there is none.
# (Results go through a variable, not stdout: no subshells, so sourcing this stays fast.)
_chainrule_java_major_of() {
  local v=${1-}
  _CR_MAJOR=''
  v=${v#\"}
  case $v in
    1.[0-9]*) v=${v#1.} ;;                     # 1.8.0_392 style (Java 8 and older)
  esac
  v=${v%%[!0-9]*}                              # leading digits only
  [[ -n $v ]] || return 1
  _CR_MAJOR=$((10#$v))
}

# Prints the version string that `$1/bin/java -version` reports, e.g. 17.0.15 or 1.8.0_392.
_chainrule_java_version_string() {
  local out line
  out=$("$1/bin/java" -version 2>&1 </dev/null) || return 1
  while IFS= read -r line; do
    # openjdk version "21.0.5" 2024-10-15 / java version "1.8.0_392" / openjdk version "25-ea"
    if [[ $line =~ version[[:space:]]+\"([^\"]+)\" ]]; then
      printf '%s\n' "${BASH_REMATCH[1]}"
      return 0
    fi
  done <<<"$out"
  return 1
}

# Sets _CR_MAJOR to the major version of the JDK at $1; returns 1 when $1 is not a JDK
# (no bin/java or no bin/javac) or its version cannot be told.
_chainrule_jdk_major() {
  local home=${1-} line v=''
  _CR_MAJOR=''
  [[ -n $home && -x $home/bin/java && -f $home/bin/javac && -x $home/bin/javac ]] || return 1
  # Fast path: the release file every JDK since 9 has (JAVA_VERSION="21.0.5"); saves starting a JVM.
  if [[ -f $home/release && -r $home/release ]]; then
    while IFS= read -r line || [[ -n $line ]]; do
      case $line in
        JAVA_VERSION=*) v=${line#JAVA_VERSION=}; v=${v//\"/}; break ;;
      esac
    done <"$home/release"
  fi
  if [[ -n $v ]] && _chainrule_java_major_of "$v"; then
    return 0
  fi
  # Otherwise ask the JVM itself.
  v=$(_chainrule_java_version_string "$home") || return 1
  _chainrule_java_major_of "$v"
}

# Sets _CR_PATH to $1 with symlinks followed (readlink -f where there is one, a loop elsewhere, e.g.
# old macOS); through a variable, so that the caller starts no subshell of its own.
_chainrule_realpath() {
  local p=$1 target dir
  if _CR_PATH=$(exec readlink -f -- "$p" 2>/dev/null) && [[ -n $_CR_PATH ]]; then
    return 0
  fi
  while [[ -L $p ]]; do
    target=$(readlink -- "$p") || break
    case $target in
      /*) p=$target ;;
      *) dir=${p%/*}; [[ $dir == "$p" ]] && dir=.; p=$dir/$target ;;
    esac
  done
  _CR_PATH=$p
}

chainrule_find_jdk() {
  local min=${1:-21} cand best='' best_major=0 exe home
  # 1. JAVA_HOME
  if [[ -n ${JAVA_HOME-} ]]; then
    if _chainrule_jdk_major "$JAVA_HOME" && (( _CR_MAJOR >= min )); then
      export JAVA_HOME
      return 0
    fi
  fi
  # 2. javac / java on PATH
  for exe in javac java; do
    # bash's table of commands rather than $(command -v): no subshell
    hash "$exe" 2>/dev/null || continue
    cand=${BASH_CMDS[$exe]-}
    [[ $cand == /* ]] || continue
    _chainrule_realpath "$cand"
    cand=$_CR_PATH
    home=${cand%/bin/*}
    [[ $home != "$cand" ]] || continue
    if _chainrule_jdk_major "$home" && (( _CR_MAJOR >= min )); then
      export JAVA_HOME=$home
      return 0
    fi
  done
  # 3. the usual places; the newest wins (on a tie, the first in this order)
  local -a places=(/usr/lib/jvm/* /usr/local/*jdk* /opt/*jdk* /opt/java/* "${HOME:-/nonexistent}"/.sdkman/candidates/java/*
                   /Library/Java/JavaVirtualMachines/*/Contents/Home)
  for cand in "${places[@]}"; do
    [[ -d $cand ]] || continue
    [[ -L $cand && ${cand##*/} == current ]] && continue   # sdkman's 'current' link: its target is in the list too
    if _chainrule_jdk_major "$cand" && (( _CR_MAJOR >= min && _CR_MAJOR > best_major )); then
      best=$cand best_major=$_CR_MAJOR
    fi
  done
  if [[ -n $best ]]; then
    export JAVA_HOME=$best
    return 0
  fi
  {
    printf 'chainrule needs a JDK %s or newer (java and javac), and found none.\n' "$min"
    if [[ -n ${JAVA_HOME-} ]]; then
      if _chainrule_jdk_major "$JAVA_HOME"; then
        printf '  JAVA_HOME=%s is Java %s, too old.\n' "$JAVA_HOME" "$_CR_MAJOR"
      else
        printf '  JAVA_HOME=%s is not a JDK (no bin/java and bin/javac there).\n' "$JAVA_HOME"
      fi
    fi
    printf "Install one, e.g. 'apt-get install openjdk-%s-jdk-headless' (Debian 13, Ubuntu 22.04+),\n" "$min"
    printf "'brew install openjdk@%s' (macOS), or Temurin %s from adoptium.net; or set JAVA_HOME to one.\n" "$min" "$min"
  } >&2
  return 1
}

# Run as a program: print the JDK it finds; with --with-major, its major version on a second line.
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  _cr_with_major=''
  if [[ ${1-} == --with-major ]]; then _cr_with_major=1; shift; fi
  chainrule_find_jdk "$@" || exit 1
  printf '%s\n' "$JAVA_HOME"
  if [[ -n $_cr_with_major ]]; then
    _chainrule_jdk_major "$JAVA_HOME" || exit 1
    printf '%s\n' "$_CR_MAJOR"
  fi
fi
