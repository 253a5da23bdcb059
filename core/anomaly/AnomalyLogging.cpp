#include "anomaly/AnomalyLogging.h"

Q_LOGGING_CATEGORY(lcAnomaly, "continuo.anomaly")
