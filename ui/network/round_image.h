#pragma once

#include <QImage>

namespace nnlab {

/// `source` scaled smoothly to `side` × `side` pixels and cut to the disc inside that square,
/// with an antialiased rim (transparent outside). Drawn unscaled, it costs a plain copy: a
/// circular clip or a texture brush makes the raster engine rasterise a disc and spread its
/// spans over worker threads for every neuron in every frame. GUI thread only (it keeps the
/// discs of the last few sizes).
QImage roundImage(const QImage& source, int side);

}  // namespace nnlab
