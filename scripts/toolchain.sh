#!/usr/bin/env bash
# Makes Terraform and the provider binaries usable offline.
#
# Machines of this project reach the npm registry, Debian's packages and the Go module proxy, but never the Terraform
# registry. This script therefore:
#   1. uses `terraform` from PATH (>= 1.5), or builds Terraform v1.8.5 from the Go module proxy;
#   2. builds each provider with `go install` into a filesystem mirror under the user's cache directory;
#   3. writes a Terraform CLI config that installs those providers from the mirror;
#   4. writes an env file (`toolchain.env`) that the project's scripts source.
# A second run finds everything in place and only says so. A user with internet access needs none of this:
# `terraform init` downloads the providers as usual.
#
# Usage: scripts/toolchain.sh            prepare (idempotent), print the TF_CLI_CONFIG_FILE to use
#        scripts/toolchain.sh --env      prepare quietly, then print `export …` lines for `eval`
#        scripts/toolchain.sh --retry    try again to build an optional provider that an earlier run could not build
#
# Environment:
#   HEROKU_FLOW_CACHE_DIR      where the mirror and configs live (default: ${XDG_CACHE_HOME:-~/.cache}/heroku-flow-cdktf)
#   HEROKU_PROVIDER_BINARY     a terraform-provider-heroku v5.3.2 binary built elsewhere, used when the Go module proxy
#                              does not serve the provider's module
#   GITLAB_PROVIDER_BINARY     the same for terraform-provider-gitlab v18.6.1
set -euo pipefail

mode=prepare
retry=false
for arg in "$@"; do
  case "$arg" in
    --env) mode=env ;;
    --retry) retry=true ;;
    *) printf 'usage: %s [--env] [--retry]\n' "$0" >&2 && exit 2 ;;
  esac
done

cache_dir="${HEROKU_FLOW_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/heroku-flow-cdktf}"
mirror_dir="$cache_dir/mirror"
bin_dir="$cache_dir/bin"
cli_config="$cache_dir/terraform.rc"
env_file="$cache_dir/toolchain.env"
status_file="$cache_dir/providers.tsv"

# Progress goes to stderr so that `--env` can print only the export lines on stdout.
say() { if [[ "$mode" == prepare ]]; then printf 'toolchain: %s\n' "$*" >&2; fi; }
warn() { printf 'toolchain: warning: %s\n' "$*" >&2; }
fail() {
  printf 'toolchain: FAILED at step "%s"\n' "$1" >&2
  shift
  printf '  %s\n' "$@" >&2
  exit 1
}

mkdir -p "$cache_dir" "$mirror_dir" "$bin_dir"
work_dir=$(mktemp -d "$cache_dir/.work.XXXXXX")
trap 'rm -rf "$work_dir"' EXIT

platform() {
  if command -v go >/dev/null 2>&1; then
    printf '%s_%s' "$(go env GOOS)" "$(go env GOARCH)"
  else
    local arch
    arch=$(uname -m)
    case "$arch" in x86_64) arch=amd64 ;; aarch64) arch=arm64 ;; esac
    printf 'linux_%s' "$arch"
  fi
}
target_platform=$(platform)

require_go() {
  command -v go >/dev/null 2>&1 || fail "$1" \
    "Go is not on PATH, and it is needed to build $2 from the Go module proxy." \
    "Install Go >= 1.24 (https://go.dev/doc/install) or, on a machine with internet access, skip this script:" \
    "terraform init then downloads providers from the Terraform registry."
}

# --- 1. Terraform -------------------------------------------------------------------------------------------------

terraform_version_of() {
  "$1" version -json 2>/dev/null | node -e '
    let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
      try { process.stdout.write(JSON.parse(s).terraform_version ?? ""); } catch { process.stdout.write(""); }
    });'
}

version_at_least() { # version_at_least 1.11.4 1.5.0
  [[ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" == "$2" ]]
}

terraform_bin=""
if command -v terraform >/dev/null 2>&1; then
  path_terraform=$(command -v terraform)
  path_version=$(terraform_version_of "$path_terraform")
  if [[ -n "$path_version" ]] && version_at_least "$path_version" 1.5.0; then
    terraform_bin="$path_terraform"
    say "terraform $path_version found on PATH ($path_terraform)"
  else
    say "terraform on PATH is ${path_version:-unreadable}; need >= 1.5, using a locally built one instead"
  fi
fi
if [[ -z "$terraform_bin" ]]; then
  if [[ -x "$bin_dir/terraform" ]]; then
    terraform_bin="$bin_dir/terraform"
    say "terraform $(terraform_version_of "$terraform_bin") ready in the cache"
  else
    require_go "terraform" "Terraform v1.8.5"
    say "building terraform v1.8.5 from the Go module proxy (once; about a minute)"
    if ! GOBIN="$work_dir/terraform-bin" CGO_ENABLED=0 go install -trimpath -ldflags="-s -w" \
      github.com/hashicorp/terraform@v1.8.5 >"$work_dir/terraform.log" 2>&1; then
      fail "terraform" \
        "'go install github.com/hashicorp/terraform@v1.8.5' failed; the last lines of its output:" \
        "$(tail -n 5 "$work_dir/terraform.log")" \
        "Install Terraform >= 1.5 on PATH, or check that the Go module proxy (go env GOPROXY) is reachable."
    fi
    mv "$work_dir/terraform-bin/terraform" "$bin_dir/terraform"
    terraform_bin="$bin_dir/terraform"
    say "terraform v1.8.5 built into $bin_dir"
  fi
fi

# --- 2. Providers -------------------------------------------------------------------------------------------------
# Each row: local name, registry namespace/type, version Terraform must see, required?, Go packages to try in order.
# Terraform picks a mirrored provider by its directory's version, not by what the binary reports, so a binary built from
# a pseudo-version is laid out under the version the bindings were generated for.
#
# random: the bindings (@cdktf/provider-random 12.0.1) were generated for hashicorp/random 3.7.2. Its module path has no
# /v3 suffix, so Go cannot resolve the tag v3.7.2; its commit is tried first, then the nearest pseudo-version the proxy
# served when this was written (a commit after v3.9.0, whose random_password/random_string schema is unchanged).
providers=(
  "heroku|heroku/heroku|5.3.2|required|github.com/heroku/terraform-provider-heroku/v5@v5.3.2"
  "random|hashicorp/random|3.7.2|required|github.com/terraform-providers/terraform-provider-random@bc2ddb552b4676d16997987a9bf2875c7b98d342 github.com/terraform-providers/terraform-provider-random@v1.3.2-0.20260824155315-e1092b0cfc07"
  "gitlab|gitlabhq/gitlab|18.6.1|optional|gitlab.com/gitlab-org/terraform-provider-gitlab@v18.6.1"
)

provider_path() { # provider_path heroku/heroku 5.3.2 heroku
  printf '%s/registry.terraform.io/%s/%s/%s/terraform-provider-%s_v%s' \
    "$mirror_dir" "$1" "$2" "$target_platform" "$3" "$2"
}

# Builds one provider into a scratch directory; prints the binary's path on success.
build_provider() { # build_provider name "pkg@ver pkg@ver" log
  local name=$1 candidates=$2 log=$3 candidate out
  for candidate in $candidates; do
    out="$work_dir/$name-bin"
    rm -rf "$out"
    printf '== go install %s\n' "$candidate" >>"$log"
    if GOBIN="$out" CGO_ENABLED=0 go install -trimpath -ldflags="-s -w" "$candidate" >>"$log" 2>&1; then
      printf '%s/terraform-provider-%s' "$out" "$name"
      return 0
    fi
  done
  return 1
}

: >"$work_dir/status.tsv"
missing_required=()
for row in "${providers[@]}"; do
  IFS='|' read -r name source version need candidates <<<"$row"
  target=$(provider_path "$source" "$version" "$name")
  if [[ -x "$target" ]]; then
    say "$source $version ready"
    printf '%s\t%s\t%s\tavailable\t\n' "$name" "$source" "$version" >>"$work_dir/status.tsv"
    continue
  fi

  override_var="$(printf '%s' "$name" | tr '[:lower:]' '[:upper:]')_PROVIDER_BINARY"
  # An optional provider that could not be built stays unavailable until asked otherwise: retrying a refused module on
  # every run would make a ready toolchain slow and noisy.
  known_unavailable=$(awk -F'\t' -v n="$name" '$1 == n && $4 == "unavailable"' "$status_file" 2>/dev/null || true)
  if [[ "$need" == optional && -n "$known_unavailable" && "$retry" == false && -z "${!override_var:-}" ]]; then
    say "$source $version unavailable (an earlier run could not build it; --retry tries again)"
    printf '%s\n' "$known_unavailable" >>"$work_dir/status.tsv"
    continue
  fi

  log="$work_dir/$name.log"
  : >"$log"
  binary=""
  if [[ -n "${!override_var:-}" ]]; then
    [[ -x "${!override_var}" ]] || fail "$name provider" "$override_var=${!override_var} is not an executable file."
    binary="${!override_var}"
    say "$source $version: taking the binary from $override_var"
  elif command -v go >/dev/null 2>&1; then
    say "$source $version: building with go install (once; up to a few minutes)"
    binary=$(build_provider "$name" "$candidates" "$log") || binary=""
  else
    printf 'Go is not on PATH\n' >>"$log"
  fi

  if [[ -z "$binary" ]]; then
    reason=$(grep -E 'not available|Forbidden|cannot find|invalid version|module path|error|not on PATH' "$log" | head -n 3 | tr '\n' ' ' || true)
    [[ -n "$reason" ]] || reason=$(tail -n 3 "$log" | tr '\n' ' ')
    printf '%s\t%s\t%s\tunavailable\t%s\n' "$name" "$source" "$version" "$reason" >>"$work_dir/status.tsv"
    message=(
      "tried: $(printf '%s' "$candidates" | sed 's/ /, /g')"
      "go said: $reason"
      "what to do: build terraform-provider-$name from its v$version source (go build in a checkout of the tag)"
      "and run again with $override_var=/path/to/that/binary; or, with internet access, skip this script."
    )
    if [[ "$need" == required ]]; then
      missing_required+=("$name")
      printf 'toolchain: FAILED at step "%s provider": it could not be built\n' "$name" >&2
      printf '  %s\n' "${message[@]}" >&2
    else
      warn "$source $version is not available; tests that need it will say so"
      if [[ "$mode" == prepare ]]; then printf '  %s\n' "${message[@]}" >&2; fi
    fi
    continue
  fi

  # Lay the binary out in a scratch copy of its version directory, then move the directory into place in one rename,
  # so that an interrupted run never leaves a partial binary that a later run would take as ready.
  staged="$work_dir/stage-$name"
  mkdir -p "$staged"
  cp "$binary" "$staged/terraform-provider-${name}_v$version"
  chmod 0755 "$staged/terraform-provider-${name}_v$version"
  mkdir -p "$(dirname "$(dirname "$target")")"
  rm -rf "$(dirname "$target")"
  mv "$staged" "$(dirname "$target")"
  say "$source $version placed in the mirror"
  printf '%s\t%s\t%s\tavailable\t\n' "$name" "$source" "$version" >>"$work_dir/status.tsv"
done

mv "$work_dir/status.tsv" "$status_file"
if ((${#missing_required[@]} > 0)); then
  exit 1
fi

# --- 3. CLI config and env file -----------------------------------------------------------------------------------

mirrored=$(awk -F'\t' '$4 == "available" { printf "%s\"registry.terraform.io/%s\"", sep, $2; sep = ", " }' "$status_file")
cat >"$work_dir/terraform.rc" <<EOF
# Written by scripts/toolchain.sh: providers built locally are installed from the filesystem mirror below;
# any other provider is downloaded from its registry as usual.
provider_installation {
  filesystem_mirror {
    path    = "$mirror_dir"
    include = [$mirrored]
  }
  direct {
    exclude = [$mirrored]
  }
}
EOF
mv "$work_dir/terraform.rc" "$cli_config"

cat >"$work_dir/toolchain.env" <<EOF
export TF_CLI_CONFIG_FILE="$cli_config"
export TERRAFORM_BINARY_NAME="$terraform_bin"
export HEROKU_FLOW_PROVIDER_STATUS="$status_file"
export CDKTF_DISABLE_PLUGIN_CACHE_ENV=true
export CHECKPOINT_DISABLE=1
EOF
mv "$work_dir/toolchain.env" "$env_file"

if [[ "$mode" == env ]]; then
  cat "$env_file"
else
  say "ready. Terraform is $terraform_bin; to use the mirror in your shell:"
  printf '  export TF_CLI_CONFIG_FILE="%s"\n' "$cli_config"
  printf '  (or: source "%s")\n' "$env_file"
fi
