#include "telemetry/XorChunk.h"

namespace Continuo {

Result<QList<Sample>> decodeXorChunk(QByteArrayView bytes)
{
    XorChunkIterator it(bytes);
    QList<Sample> samples;
    samples.reserve(qMin(it.sampleCount(), XorChunk::MaxSamples));
    while (it.next())
        samples.append(it.sample());
    if (it.hasError())
        return makeError(QStringLiteral("cannot decode chunk (%1 bytes) after %2 samples: %3")
                             .arg(bytes.size())
                             .arg(samples.size())
                             .arg(it.error()));
    return samples;
}

} // namespace Continuo
