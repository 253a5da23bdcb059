#include "anomaly/IUnivariateDetector.h"

#include <cmath>

namespace Continuo {

IUnivariateDetector::~IUnivariateDetector() = default;

namespace Internal {

double squashZ(double absZ, double zAtHalf, double slope)
{
    if (!(absZ > 0.0))
        return 0.0;
    // Hill function z^n / (z^n + z50^n): exactly 0.5 at zAtHalf, and it never reaches 1.0 in
    // double precision for any realistic z, so scores keep their order for threshold sweeps.
    const double ratio = std::pow(zAtHalf / absZ, slope);
    return 1.0 / (1.0 + ratio);
}

} // namespace Internal
} // namespace Continuo
