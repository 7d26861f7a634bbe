# cpack -G DEB: the Debian package, made from the package preset's build (any x86-64 CPU; see
# docs/packaging.md). Its dependencies are computed by dpkg-shlibdeps from the executables.
set(NNLAB_PACKAGE_MAINTAINER "The nnlab developers <nnlab@example.org>"
    CACHE STRING "The Debian package's Maintainer field")
set(NNLAB_HOMEPAGE "https://github.com/nnlab/nnlab" CACHE STRING "nnlab's home page")

set(CPACK_PACKAGE_NAME nnlab)
set(CPACK_PACKAGE_VENDOR "The nnlab developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_HOMEPAGE_URL ${NNLAB_HOMEPAGE})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "watch a neural network learn, and steer it while it does")
set(CPACK_PACKAGE_DESCRIPTION
    "nnlab trains small multilayer perceptrons live and shows them while they learn: each weight
as a line coloured and sized by its value, each neuron with its output, the loss on a chart,
and the network's answers next to the data. Train, pause, step, edit the data and the network
while it trains; save sessions; export pictures, CSV files and models. nnlab-cli trains and
predicts from the command line.")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)

set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${NNLAB_PACKAGE_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The core is a private library of the package: its own dependencies count, it needs no shlibs.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS ${CMAKE_BINARY_DIR}/lib/nnlab)
# nnlab_<version>_<architecture>.deb
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)

include(CPack)
