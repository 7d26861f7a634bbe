// Linked into the GUI tests only when they are built with ThreadSanitizer.
//
// Qt is not built with ThreadSanitizer, and its thread pool synchronises with futexes that the
// sanitizer cannot see. QtGui splits large image conversions and smooth scaling over
// QThreadPool::globalInstance(), so the memory its pool threads hand back to the GUI thread shows
// up, now and then (more often on a loaded machine), as a race between Qt's operator new on one
// thread and its operator delete on another — which the suppressions cannot reliably catch.
//
// QtGui does that work on the calling thread when there is no global pool. This definition, which
// the dynamic linker prefers to QtCore's for QtGui's calls (QtCore's own calls bind inside
// QtCore), says there is none. Every thread nnlab starts itself (the training runner, the
// autosave writer) is untouched and still fully checked.
#include <QThreadPool>

QThreadPool* QThreadPool::globalInstance() { return nullptr; }
