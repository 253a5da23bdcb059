#pragma once

#include "continuo_core_export.h"

#include <QLoggingCategory>

// The anomaly module's logging category (continuo.anomaly).
CONTINUO_CORE_EXPORT Q_DECLARE_LOGGING_CATEGORY(lcAnomaly)
