#!/usr/bin/env bash
# Renders every overlay under deploy/kubernetes/overlays with kubectl's kustomize and validates the result offline
# (validate/validate.mjs: the Kubernetes API's schemas and types, images pinned, no Secret rendered), proves the
# checks reject broken variants of the prod StatefulSet, and lints the Dockerfile (no Docker engine needed).
# .ci/run runs it before the tests. Needs kubectl (kustomize v4 or later), Node.js and the npm registry; installs
# what is missing from Debian's packages.
set -euo pipefail
cd "$(dirname "$0")"

install_debian() {
  echo "deploy: installing $* from Debian's packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq "$@" >&2
}

command -v kubectl >/dev/null || install_debian kubernetes-client
# The overlays use kustomize's "patches" (kustomize v4+, kubectl 1.21+). Debian 12's kubernetes-client is kubectl
# 1.20 with kustomize v2, which cannot read them: say so rather than render something else.
kustomize=$(kubectl version --client 2>/dev/null | sed -n 's/^Kustomize Version: v\([0-9]*\).*/\1/p')
if [ "${kustomize:-0}" -lt 4 ]; then
  echo "deploy: $(command -v kubectl) has no kustomize v4 or later (kubectl 1.21+ needed); install a newer kubectl" >&2
  exit 1
fi

command -v node >/dev/null && command -v npm >/dev/null || install_debian nodejs npm
# npm ci only when the lock file changed since the last install.
if ! cmp -s validate/package-lock.json validate/node_modules/.installed-lock.json; then
  npm ci --prefix validate --no-audit --no-fund --loglevel=error >&2
  cp validate/package-lock.json validate/node_modules/.installed-lock.json
fi

rendered=$(mktemp -d)
trap 'rm -rf "$rendered"' EXIT
for overlay in kubernetes/overlays/*/; do
  name=$(basename "$overlay")
  kubectl kustomize "$overlay" > "$rendered/$name.yaml"
  echo "deploy: rendered overlays/$name ($(grep -c '^kind:' "$rendered/$name.yaml") objects)"
done

node validate/validate.mjs "$rendered"/*.yaml
node validate/validate.mjs --self-test "$rendered/prod.yaml"
# The image: instructions well-formed (dockerfile-utils; Debian has no hadolint), and a restore layer that copies
# every project file (a project missing there fails the image's restore, not this machine's).
npx --prefix validate --no-install dockerfile-utils lint Dockerfile
for project in ../src/*/*.csproj; do
  grep -q "^COPY ${project#../} " Dockerfile || { echo "deploy: the Dockerfile's restore layer does not copy ${project#../}" >&2; exit 1; }
done

echo "deploy: every overlay renders and validates; the Dockerfile lints"
