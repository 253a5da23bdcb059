# continuo_add_plugin(<target> SOURCES ... [LIBRARIES ...] [OUTPUT_DIRECTORY dir] [NO_INSTALL])
#
# A Continuo plugin is a Qt MODULE library linked against Continuo::Core, carrying its JSON
# metadata through Q_PLUGIN_METADATA(IID ContinuoPlugin_iid FILE "<id>.json").
function(continuo_add_plugin target)
    cmake_parse_arguments(P "NO_INSTALL" "OUTPUT_DIRECTORY" "SOURCES;LIBRARIES" ${ARGN})
    qt_add_plugin(${target} CLASS_NAME ${target} SHARED)
    # qt_add_plugin makes a MODULE library when given SHARED with a plugin type-less call.
    target_sources(${target} PRIVATE ${P_SOURCES})
    target_link_libraries(${target} PRIVATE Continuo::Core ${P_LIBRARIES})
    if(NOT P_OUTPUT_DIRECTORY)
        set(P_OUTPUT_DIRECTORY ${CONTINUO_PLUGIN_OUTPUT_DIR})
    endif()
    set_target_properties(${target} PROPERTIES
        LIBRARY_OUTPUT_DIRECTORY ${P_OUTPUT_DIRECTORY}
        PREFIX "lib"
        INSTALL_RPATH "$ORIGIN/../..")
    if(NOT P_NO_INSTALL)
        install(TARGETS ${target} LIBRARY DESTINATION ${CONTINUO_PLUGIN_INSTALL_DIR})
    endif()
endfunction()
