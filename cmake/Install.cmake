# What `cmake --install` puts where (GNUInstallDirs): the programs; in portable builds the core's
# variants under <libdir>/nnlab; and with the window, its desktop entry, icons, AppStream
# metainfo, file type and translations. The licence and the documentation go to <docdir>.
set(NNLAB_DESKTOP_ID io.github.nnlab.nnlab)
set(NNLAB_RESOURCES ${PROJECT_SOURCE_DIR}/resources)

foreach(program IN ITEMS nnlab nnlab-cli)
  if(TARGET ${program})
    install(TARGETS ${program} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  endif()
endforeach()

if(NNLAB_PORTABLE)
  # The executables' RUNPATH is $ORIGIN/../<libdir>/nnlab; the dynamic loader looks in its
  # glibc-hwcaps/x86-64-v3 folder first on CPUs that can run it (docs/packaging.md).
  install(TARGETS nnlab_core LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/nnlab)
  if(TARGET nnlab_core_x86-64-v3)
    install(TARGETS nnlab_core_x86-64-v3
            LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/nnlab/glibc-hwcaps/x86-64-v3)
  endif()
endif()

if(TARGET nnlab)
  install(FILES ${NNLAB_RESOURCES}/${NNLAB_DESKTOP_ID}.desktop
          DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES ${NNLAB_RESOURCES}/${NNLAB_DESKTOP_ID}.metainfo.xml
          DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
  install(FILES ${NNLAB_RESOURCES}/${NNLAB_DESKTOP_ID}.mime.xml
          DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages RENAME ${NNLAB_DESKTOP_ID}.xml)
  install(DIRECTORY ${NNLAB_RESOURCES}/icons/hicolor DESTINATION ${CMAKE_INSTALL_DATADIR}/icons)
  install(FILES ${NNLAB_RESOURCES}/icons/nnlab.svg
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
          RENAME ${NNLAB_DESKTOP_ID}.svg)
  # Translations, once there are any: .qm files committed in resources/translations, and built
  # ones that a translation target (configured before this file) lists with
  # set_property(GLOBAL APPEND PROPERTY NNLAB_TRANSLATION_FILES …), are installed in
  # <datadir>/nnlab/translations, where the window is to load them from.
  file(GLOB NNLAB_TRANSLATIONS ${NNLAB_RESOURCES}/translations/*.qm)
  get_property(NNLAB_BUILT_TRANSLATIONS GLOBAL PROPERTY NNLAB_TRANSLATION_FILES)
  list(APPEND NNLAB_TRANSLATIONS ${NNLAB_BUILT_TRANSLATIONS})
  if(NNLAB_TRANSLATIONS)
    install(FILES ${NNLAB_TRANSLATIONS} DESTINATION ${CMAKE_INSTALL_DATADIR}/nnlab/translations)
  endif()
endif()

install(FILES ${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_SOURCE_DIR}/README.md
              ${NNLAB_RESOURCES}/copyright
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
# docs/ keeps its name: the README's links and pictures point into it.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs DESTINATION ${CMAKE_INSTALL_DOCDIR}
        FILES_MATCHING PATTERN "*.md" PATTERN "*.png")
