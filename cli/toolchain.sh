#!/usr/bin/env bash
# Makes Terraform and the provider binaries usable offline.
#
# Machines of this project reach the npm registry, Debian's packages and the Go module proxy, but never the Terraform
# registry. This script therefore:
#   1. uses `terraform` from PATH (>= 1.5), or builds Terraform v1.8.5 from the Go module proxy;
#   2. builds each provider (with `go install`, or from its release source archive where the proxy refuses the module)
#      into a filesystem mirror under the user's cache directory, under the version it really is;
#   3. writes a Terraform CLI config that installs those providers from the mirror;
#   4. writes an env file (`toolchain.env`) that the project's scripts source.
# A second run finds everything in place and only says so. A user with internet access needs none of this:
# `terraform init` downloads the providers as usual.
#
# Usage: scripts/toolchain.sh            prepare (idempotent), print the TF_CLI_CONFIG_FILE to use
#        scripts/toolchain.sh --env      prepare quietly, then print `export …` lines for `eval`
#
# Environment:
#   HEROKU_FLOW_CACHE_DIR         where the mirror and configs live (default: ${XDG_CACHE_HOME:-~/.cache}/heroku-flow-cdktf)
#   HEROKU_FLOW_PROVIDER_SOURCES  a folder of release source archives, terraform-provider-<name>-<version>.tar.gz
#                                 (default: ../shared/providers beside this checkout, when it exists)
#   HEROKU_PROVIDER_BINARY        a terraform-provider-heroku binary built elsewhere; HEROKU_PROVIDER_VERSION says its
#                                 version where the binary does not carry one
#   GITLAB_PROVIDER_BINARY, GITLAB_PROVIDER_VERSION, RANDOM_PROVIDER_BINARY, RANDOM_PROVIDER_VERSION,
#   CIRCLECI_PROVIDER_BINARY, CIRCLECI_PROVIDER_VERSION, DOKKU_PROVIDER_BINARY, DOKKU_PROVIDER_VERSION   the same
#   HEROKU_FLOW_PROVIDERS         the providers built only on demand that the stacks need, by local name, separated by
#                                 spaces or commas (circleci, for a topology whose CI side is CircleCI; dokku, for a
#                                 topology on a Dokku server); one
#                                 already in the mirror is kept in the CLI config without being named
set -euo pipefail

mode=prepare
for arg in "$@"; do
  case "$arg" in
    --env) mode=env ;;
    *) printf 'usage: %s [--env]\n' "$0" >&2 && exit 2 ;;
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
# A step that takes a minute or more is announced in every mode: `heroku-flow` runs `--env` and must not sit silent.
slow_step() { if [[ "$mode" == prepare || -n "${HEROKU_FLOW_TOOLCHAIN_PROGRESS:-}" ]]; then printf 'toolchain: %s\n' "$*" >&2; fi; }
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
    "Go is not on PATH, and it is needed to build $2." \
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
    require_go "terraform" "Terraform v1.8.5 from the Go module proxy"
    slow_step "building terraform v1.8.5 from the Go module proxy (once; about a minute)"
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
# Each provider is laid out in the mirror under the version it really is: Terraform picks a mirrored provider by its
# directory's version, so a false name would make `terraform init` accept a binary whose schema the stacks were not
# written for. The versions the stacks accept come from the bindings (see versions_accepted); each row names how to
# get a binary when no accepted version is mirrored yet, tried in this order:
#   1. <NAME>_PROVIDER_BINARY, a binary built elsewhere; its version is what the binary carries (`go version -m`), or
#      <NAME>_PROVIDER_VERSION when it carries none (a `go build` in a source tree says "(devel)");
#   2. `go install` of the row's Go packages from the Go module proxy;
#   3. a release source archive, terraform-provider-<name>-<version>.tar.gz in $HEROKU_FLOW_PROVIDER_SOURCES (default:
#      ../shared/providers beside this checkout, where this project's machines keep them), built with `go build`.
#
# random: @cdktf/provider-random was generated for hashicorp/random 3.7.2. Its module path has no /v3 suffix, so Go
# cannot resolve the tag v3.7.2; its commit is tried first, then the nearest pseudo-version the proxy served when this
# was written (a commit after v3.9.0, whose random_password/random_string schema is unchanged). That build is laid out
# as 3.7.2: the one exception to the rule above, and the README says why.
#
# Row: local name | registry namespace/type, lower-cased as Terraform writes it | Go packages to `go install`, in order
# (none: only a binary handed in or the source archive can give it)
providers=(
  "heroku|heroku/heroku|github.com/heroku/terraform-provider-heroku/v5@v5.3.2"
  "random|hashicorp/random|github.com/terraform-providers/terraform-provider-random@bc2ddb552b4676d16997987a9bf2875c7b98d342 github.com/terraform-providers/terraform-provider-random@v1.3.2-0.20260824155315-e1092b0cfc07"
  "gitlab|gitlabhq/gitlab|gitlab.com/gitlab-org/terraform-provider-gitlab@v18.6.1"
)

# Providers that only some topologies use, built only when HEROKU_FLOW_PROVIDERS names them, so that a project without
# them never waits for their build. Same row shape.
# circleci: the registry spells it CircleCI-Public/circleci; Terraform lower-cases the namespace in every address and
# mirror path. Its module path (`terraform-provider-circleci`) is not one the Go module proxy can serve, so only its
# source archive builds it.
# dokku: aaronstillwell/dokku, for a topology on a self-hosted Dokku server; its module path
# (`terraform-provider-dokku`) is not a proxy path either, so only its source archive builds it.
providers_on_demand=(
  "circleci|circleci-public/circleci|"
  "dokku|aaronstillwell/dokku|"
)

# The package the script belongs to (a checkout, or heroku-flow-cdktf in a project's node_modules), also when it is
# run through a link. Source archives are looked for beside the project being worked on, then beside the package.
project_dir=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
for default_sources in "$PWD/../shared/providers" "$project_dir/../shared/providers"; do
  if [[ -z "${HEROKU_FLOW_PROVIDER_SOURCES:-}" && -d "$default_sources" ]]; then
    HEROKU_FLOW_PROVIDER_SOURCES=$(cd "$default_sources" && pwd)
  fi
done
sources_dir="${HEROKU_FLOW_PROVIDER_SOURCES:-}"

# Every provider of the rows above as name=source, for versions_accepted to find those whose bindings are generated.
provider_sources=()
for row in "${providers[@]}" "${providers_on_demand[@]}"; do
  IFS='|' read -r name source _ <<<"$row"
  provider_sources+=("$name=$source")
done

# The versions the stacks accept for each provider, preferred first, one line each: `name version…`. They are read from
# where they are decided: the generated bindings (Heroku's, CircleCI's), the prebuilt GitLab and random bindings, and
# the older GitLab provider versions that the library's GitlabProviderCompatibility aspect can target
# (constructs/gitlab-provider-differences.json).
versions_accepted() {
  node -e '
    const fs = require("fs"), path = require("path");
    const [root, ...providers] = process.argv.slice(1);
    // Where npm put the dependencies (hoisted into the project, or nested in the package).
    const bindings = (pkg) =>
      require(require.resolve(`${pkg}/package.json`, { paths: [root] })).cdktf.provider.version;
    // A checkout has the sources; the installed package has what tsc compiled into dist/ (and .gen/versions.json).
    const first = (...files) => files.map((file) => path.join(root, file)).find((file) => fs.existsSync(file)) ?? files[0];
    const versions = JSON.parse(fs.readFileSync(first(".gen/versions.json", "dist/.gen/versions.json"), "utf8"));
    const compat = Object.keys(
      JSON.parse(fs.readFileSync(first("constructs/gitlab-provider-differences.json", "dist/constructs/gitlab-provider-differences.json"), "utf8")),
    ).sort((a, b) => b.localeCompare(a, undefined, { numeric: true }));
    // The bindings this project generates record their version in .gen/versions.json; the others are npm packages.
    for (const [name, source] of providers.map((entry) => entry.split("="))) {
      const version = versions[`registry.terraform.io/${source}`];
      if (version) console.log(`${name} ${version}`);
    }
    console.log(`random ${bindings("@cdktf/provider-random")}`);
    console.log(`gitlab ${[bindings("@cdktf/provider-gitlab"), ...compat].join(" ")}`);
  ' "$project_dir" "${provider_sources[@]}" 2>"$work_dir/versions.log" || fail "provider versions" \
    "could not read the provider versions the stacks accept from .gen/ and node_modules/:" \
    "$(grep -m 1 -E 'Error' "$work_dir/versions.log" || tail -n 1 "$work_dir/versions.log")" \
    "Run \`npm ci\` in $project_dir first."
}
accepted_versions=$(versions_accepted)

provider_path() { # provider_path heroku/heroku 5.3.2 heroku
  printf '%s/registry.terraform.io/%s/%s/%s/terraform-provider-%s_v%s' \
    "$mirror_dir" "$1" "$2" "$target_platform" "$3" "$2"
}

# The module version a Go binary carries (`go version -m`), without its leading v; empty for "(devel)" or no Go.
carried_version() {
  command -v go >/dev/null 2>&1 || return 0
  { go version -m "$1" 2>/dev/null || true; } | awk '$1 == "mod" && $3 != "(devel)" { sub(/^v/, "", $3); print $3; exit }'
}

# Tries `go install` of each candidate; prints the binary's path on success.
go_install_provider() { # go_install_provider name "pkg@ver pkg@ver" log
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

# Builds a provider from its release source archive; prints the binary's path. Stops the toolchain with the step that
# failed when the archive is unreadable or does not build: an archive that is there but broken is not a reason to try
# something else silently.
build_from_archive() { # build_from_archive name source version archive log
  local name=$1 source=$2 version=$3 archive=$4 log=$5
  local src="$work_dir/src-$name" out="$work_dir/$name-bin" tree="terraform-provider-$name-$version"
  local archive_name step="$name provider"
  archive_name=$(basename "$archive")
  require_go "$step" "$source $version from $archive_name"
  slow_step "building $source $version from $archive_name (once; about a minute)"
  rm -rf "$src" "$out"
  mkdir -p "$src" "$out"
  if ! tar -xzf "$archive" -C "$src" >>"$log" 2>&1; then
    fail "$step: extract $archive_name" \
      "tried: tar -xzf $archive" \
      "tar said: $(tail -n 2 "$log" | tr '\n' ' ')" \
      "what to do: the archive is damaged or not a .tar.gz; replace it with the provider's release source archive."
  fi
  if [[ ! -f "$src/$tree/go.mod" ]]; then
    fail "$step: extract $archive_name" \
      "tried: tar -xzf $archive" \
      "found: no $tree/go.mod in it (it holds: $(ls "$src" | head -n 5 | tr '\n' ' '))" \
      "what to do: use the release source archive of $source $version, whose files are under $tree/."
  fi
  # -buildvcs=false: the tree is an archive, not a checkout, and may sit inside someone else's repository.
  if ! (cd "$src/$tree" && CGO_ENABLED=0 go build -trimpath -buildvcs=false -ldflags="-s -w -X main.version=$version" \
    -o "$out/terraform-provider-$name" .) >>"$log" 2>&1; then
    fail "$step: go build in $tree" \
      "tried: CGO_ENABLED=0 go build -trimpath in the extracted $archive_name" \
      "go said: $(tail -n 5 "$log" | tr '\n' ' ')" \
      "what to do: check that Go >= 1.24 is on PATH and the Go module proxy (go env GOPROXY) answers, then run again."
  fi
  printf '%s/terraform-provider-%s' "$out" "$name"
}

# The on-demand providers asked for, each checked against the rows so that a misspelt name is not silently ignored.
read -r -a providers_needed <<<"$(printf '%s' "${HEROKU_FLOW_PROVIDERS:-}" | tr ',' ' ')"
known=$(printf '%s\n' "${providers[@]}" "${providers_on_demand[@]}" | cut -d'|' -f1 | tr '\n' ' ')
for needed in "${providers_needed[@]}"; do
  [[ " $known" == *" $needed "* ]] || fail "providers asked for" \
    "HEROKU_FLOW_PROVIDERS=${HEROKU_FLOW_PROVIDERS} names \"$needed\", which is not a provider this toolchain knows." \
    "what to do: name only these, separated by spaces or commas: ${known% }."
done

: >"$work_dir/status.tsv"
for row in "${providers[@]}" "${providers_on_demand[@]}"; do
  IFS='|' read -r name source candidates <<<"$row"
  read -r -a versions <<<"$(awk -v n="$name" '$1 == n { $1 = ""; print }' <<<"$accepted_versions")"
  step="$name provider"
  on_demand=""
  if printf '%s\n' "${providers_on_demand[@]}" | grep -q "^$name|"; then on_demand=yes; fi
  asked=""
  if [[ " ${providers_needed[*]} " == *" $name "* ]]; then asked=yes; fi

  ready=""
  for version in "${versions[@]}"; do
    if [[ -x "$(provider_path "$source" "$version" "$name")" ]]; then ready=$version && break; fi
  done
  # An on-demand provider not asked for costs nothing: skipped unless an earlier run mirrored it.
  if [[ -n "$on_demand" && -z "$asked" && -z "$ready" ]]; then continue; fi
  if [[ ${#versions[@]} -eq 0 ]]; then
    fail "$step" \
      "tried: the version of $source recorded with its generated bindings (registry.terraform.io/$source in .gen/versions.json)" \
      "found: none; the stacks cannot use $source without its bindings." \
      "what to do: generate them (scripts/extract-provider-schema.sh $name, then npm run gen), or upgrade heroku-flow-cdktf."
  fi
  if [[ -n "$ready" ]]; then
    say "$source $ready ready"
    printf '%s\t%s\t%s\tavailable\t\n' "$name" "$source" "$ready" >>"$work_dir/status.tsv"
    continue
  fi

  upper=$(printf '%s' "$name" | tr '[:lower:]' '[:upper:]')
  binary_var="${upper}_PROVIDER_BINARY"
  version_var="${upper}_PROVIDER_VERSION"
  log="$work_dir/$name.log"
  : >"$log"
  binary=""
  version=""
  if [[ -n "${!binary_var:-}" ]]; then
    [[ -x "${!binary_var}" && -f "${!binary_var}" ]] || fail "$step" "$binary_var=${!binary_var} is not an executable file."
    binary="${!binary_var}"
    version="${!version_var:-$(carried_version "$binary")}"
    [[ -n "$version" ]] || fail "$step" \
      "$binary_var=$binary carries no version (built with \`go build\` in a source tree, it says \"(devel)\")." \
      "what to do: set $version_var to the version it was built from (the stacks accept ${versions[*]})."
    version="${version#v}"
    if [[ " ${versions[*]} " != *" $version "* ]]; then
      fail "$step" \
        "$binary_var=$binary is $source $version, but the stacks accept only ${versions[*]}." \
        "what to do: hand in a binary of an accepted version; it is not laid out under another version's name."
    fi
    say "$source $version: taking the binary from $binary_var"
  else
    # A row without Go packages has no Go module proxy route: only the source archive below builds it.
    if [[ -n "$candidates" ]]; then
      if command -v go >/dev/null 2>&1; then
        slow_step "$source ${versions[0]}: trying go install from the Go module proxy"
        binary=$(go_install_provider "$name" "$candidates" "$log") || binary=""
        version=${versions[0]}
      else
        printf 'Go is not on PATH\n' >>"$log"
      fi
    fi
    if [[ -z "$binary" && -n "$sources_dir" ]]; then
      for candidate_version in "${versions[@]}"; do
        archive="$sources_dir/terraform-provider-$name-$candidate_version.tar.gz"
        if [[ -e "$archive" ]]; then
          binary=$(build_from_archive "$name" "$source" "$candidate_version" "$archive" "$log")
          version=$candidate_version
          break
        fi
      done
    fi
  fi

  if [[ -z "$binary" ]]; then
    reason=$(grep -E 'not available|Forbidden|cannot find|invalid version|module path|error|not on PATH' "$log" | head -n 3 | tr '\n' ' ' || true)
    [[ -n "$reason" ]] || reason=$(tail -n 3 "$log" | tr '\n' ' ')
    archives=$(printf 'terraform-provider-%s-%s.tar.gz ' "$name" "${versions[@]}")
    if [[ -n "$candidates" ]]; then
      go_route=("tried: go install $(printf '%s' "$candidates" | sed 's/ /, /g')" "go said: ${reason:-nothing}")
    else
      go_route=("not tried: go install (the Go module proxy cannot serve $source's module path)")
    fi
    fail "$step: it could not be built" \
      "${go_route[@]}" \
      "tried: a source archive ($archives) in ${sources_dir:-HEROKU_FLOW_PROVIDER_SOURCES, which is not set}: none there" \
      "what to do: put the provider's release source archive there (or set HEROKU_FLOW_PROVIDER_SOURCES to its folder)," \
      "or run again with $binary_var=/path/to/terraform-provider-$name; with internet access, skip this script."
  fi

  # Lay the binary out in a scratch copy of its version directory, then move the directory into place in one rename,
  # so that an interrupted run never leaves a partial binary that a later run would take as ready.
  target=$(provider_path "$source" "$version" "$name")
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

# The stacks target the GitLab provider version that is mirrored (see GitlabProviderCompatibility).
gitlab_version=$(awk -F'\t' '$1 == "gitlab" { print $3 }' "$status_file")
# The cache is named too: a run that moves HOME (the Dokku provider keeps its known hosts there) keeps using this one.
cat >"$work_dir/toolchain.env" <<EOF
export HEROKU_FLOW_CACHE_DIR="$cache_dir"
export TF_CLI_CONFIG_FILE="$cli_config"
export TERRAFORM_BINARY_NAME="$terraform_bin"
export HEROKU_FLOW_PROVIDER_STATUS="$status_file"
export HEROKU_FLOW_GITLAB_PROVIDER_VERSION="$gitlab_version"
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
