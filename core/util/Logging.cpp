#include "util/Logging.h"

Q_LOGGING_CATEGORY(lcModel, "continuo.model")
Q_LOGGING_CATEGORY(lcStore, "continuo.store")
Q_LOGGING_CATEGORY(lcPlugin, "continuo.plugin")
Q_LOGGING_CATEGORY(lcTelemetry, "continuo.telemetry")
Q_LOGGING_CATEGORY(lcEngine, "continuo.engine")
Q_LOGGING_CATEGORY(lcApi, "continuo.api")
Q_LOGGING_CATEGORY(lcControl, "continuo.control")
