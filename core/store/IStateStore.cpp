#include "store/IStateStore.h"

namespace Continuo {

IStateStore::~IStateStore() = default;

} // namespace Continuo
