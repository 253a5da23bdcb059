# continuo_use_libvirtd_fixture(<target>)
#
# Lets <target> include LibvirtdFixture.h: adds this folder to its include path, links libvirt,
# defines CONTINUO_TEST_GUEST_KERNEL and makes it depend on the guest kernel target.
#
# Include this file from any test folder: it does not rely on tests/plugins/libvirtqemu having
# been configured first (folders are added alphabetically, "libvirt" before "libvirtqemu"). The
# guest kernel is always ${CMAKE_BINARY_DIR}/tests/guest/continuo-guest.elf, built by the target
# continuo_test_guest (defined in tests/plugins/libvirtqemu/CMakeLists.txt); target-level
# dependencies may name a target defined later.
include_guard(GLOBAL)

set(CONTINUO_LIBVIRTD_FIXTURE_DIR ${CMAKE_CURRENT_LIST_DIR})

function(continuo_use_libvirtd_fixture target)
    if(NOT TARGET PkgConfig::ContinuoFixtureLibvirt)
        find_package(PkgConfig REQUIRED)
        pkg_check_modules(ContinuoFixtureLibvirt REQUIRED IMPORTED_TARGET GLOBAL libvirt)
    endif()
    target_include_directories(${target} PRIVATE ${CONTINUO_LIBVIRTD_FIXTURE_DIR})
    target_compile_definitions(${target} PRIVATE
        CONTINUO_TEST_GUEST_KERNEL="${CMAKE_BINARY_DIR}/tests/guest/continuo-guest.elf")
    target_link_libraries(${target} PRIVATE PkgConfig::ContinuoFixtureLibvirt Qt6::Core)
    add_dependencies(${target} continuo_test_guest)
endfunction()
