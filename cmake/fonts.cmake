# Fonts from Debian packages (fonts-dejavu-core, fonts-noto-cjk), subset at build time by
# tools/fonts/subset_fonts.py with Debian's python3-fonttools into the build tree, never the
# repository: the Latin font, and Noto Sans CJK sliced into chunks (cjk/NNN.otf + cjk/index.bin,
# tools/fonts/cjk_chunks.py). Natively the UI reads them from CHARTMIX_FONT_DIR; the browser build
# writes them next to the page (web/fonts/) for the host to fetch when the text needs them. Slicing
# takes a minute, so its output is kept in CHARTMIX_DEPS/fonts for the other build trees.
if(NOT TARGET chartmix_ui)
    return()
endif()
set(CHARTMIX_FONT_PYTHON /usr/bin/python3 CACHE FILEPATH "Python with fontTools (Debian's python3-fonttools)")
set(CHARTMIX_LATIN_FONT /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf CACHE FILEPATH "Latin base font (fonts-dejavu-core)")
set(CHARTMIX_CJK_FONT /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc CACHE FILEPATH "CJK font collection (fonts-noto-cjk)")
if(NOT EXISTS ${CHARTMIX_LATIN_FONT} OR NOT EXISTS ${CHARTMIX_CJK_FONT})
    message(WARNING "chartmix fonts: ${CHARTMIX_LATIN_FONT} or ${CHARTMIX_CJK_FONT} is missing (apt-get install fonts-dejavu-core fonts-noto-cjk); the UI falls back to Dear ImGui's built-in font and CJK text shows as '?'.")
    return()
endif()
execute_process(COMMAND ${CHARTMIX_FONT_PYTHON} -c "import fontTools" RESULT_VARIABLE _fonttools_missing OUTPUT_QUIET ERROR_QUIET)
if(_fonttools_missing)
    message(WARNING "chartmix fonts: ${CHARTMIX_FONT_PYTHON} has no fontTools (apt-get install python3-fonttools); fonts are not generated.")
    return()
endif()

if(EMSCRIPTEN)
    set(CHARTMIX_FONT_DIR ${CMAKE_BINARY_DIR}/web/fonts)
else()
    set(CHARTMIX_FONT_DIR ${CMAKE_BINARY_DIR}/fonts)
endif()
set(_font_outputs ${CHARTMIX_FONT_DIR}/chartmix-latin.ttf ${CHARTMIX_FONT_DIR}/cjk/index.bin)
set(_font_cache "")
if(CHARTMIX_DEPS)
    set(_font_cache --cache-dir ${CHARTMIX_DEPS}/fonts)
endif()
add_custom_command(OUTPUT ${_font_outputs}
    COMMAND ${CHARTMIX_FONT_PYTHON} ${CMAKE_SOURCE_DIR}/tools/fonts/subset_fonts.py --out-dir ${CHARTMIX_FONT_DIR}
            --datasets ${CHARTMIX_SHARED_DIR}/datasets --text ${CMAKE_SOURCE_DIR}/src/core/demo/demo_market.cpp --latin ${CHARTMIX_LATIN_FONT} --cjk ${CHARTMIX_CJK_FONT} ${_font_cache}
    DEPENDS ${CMAKE_SOURCE_DIR}/tools/fonts/subset_fonts.py ${CMAKE_SOURCE_DIR}/tools/fonts/cjk_chunks.py ${CMAKE_SOURCE_DIR}/assets/fonts.json ${CMAKE_SOURCE_DIR}/src/core/demo/demo_market.cpp
            ${CHARTMIX_CJK_FONT} ${CHARTMIX_LATIN_FONT}
    COMMENT "Subsetting fonts (Latin; Noto Sans CJK in chunks, cached across build trees)")
add_custom_target(chartmix_fonts ALL DEPENDS ${_font_outputs})
add_dependencies(chartmix_ui chartmix_fonts)
target_compile_definitions(chartmix_ui PRIVATE CHARTMIX_FONT_DIR="${CHARTMIX_FONT_DIR}")
