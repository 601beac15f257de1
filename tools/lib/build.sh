# Configure (once) and build a CMake preset. Sourced by tools/run, tools/test and tools/bench.
# A build folder left half-configured by an interrupted run is configured again, not trusted.
build_preset() {  # preset [extra cmake -D options...]
    local preset=$1; shift
    local dir="$here/build/$preset"
    if [ ! -f "$dir/build.ninja" ] || [ ! -f "$dir/CMakeCache.txt" ]; then
        rm -rf "$dir"
        say "configuring $preset"
        (cd "$here" && cmake --preset "$preset" "$@" > "$here/build/$preset.configure.log" 2>&1) \
            || { tail -n 20 "$here/build/$preset.configure.log" >&2; die "configuring $preset failed (log: build/$preset.configure.log)."; }
    fi
    say "building $preset"
    cmake --build "$dir" -j "$(nproc)" > "$here/build/$preset.build.log" 2>&1 \
        || { grep -E 'error|Error' "$here/build/$preset.build.log" | head -n 20 >&2; die "building $preset failed (log: build/$preset.build.log)."; }
}
