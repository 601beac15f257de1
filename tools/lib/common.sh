# Shared by the tools/ scripts: paths, messages, version checks. Sourced, never run.
DEPS=${CHARTMIX_DEPS:-$HOME/.cache/chartmix}
SDL2_WASM_PREFIX=$DEPS/sdl2-wasm
# emcc's JS optimizer needs Debian's node-acorn; a node outside /usr/share/nodejs does not look there.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}

say() { printf 'chartmix: %s\n' "$*" >&2; }
die() { printf 'chartmix: %s\n' "$*" >&2; exit 1; }

imgui_source_dir() {
    local d; d=$(compgen -G "$DEPS/src/imgui-*/" | head -n 1)
    [ -n "$d" ] || die "Dear ImGui sources are missing from $DEPS/src: run tools/bootstrap."
    echo "${d%/}"
}
sdl2_source_dir() {
    local d; d=$(compgen -G "$DEPS/src/libsdl2-*/" | head -n 1)
    [ -n "$d" ] || die "SDL2 sources are missing from $DEPS/src: run tools/bootstrap."
    echo "${d%/}"
}

check_node_version() {
    command -v node >/dev/null || die "node is missing: install nodejs (20 or newer), then try again."
    local major; major=$(node -p 'process.versions.node.split(".")[0]')
    [ "$major" -ge 20 ] || die "node $major is too old for the browser tests (playwright-core needs 20 or newer): install node 20, then try again."
}
