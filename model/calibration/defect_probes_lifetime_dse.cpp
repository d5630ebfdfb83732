// The use-after-free probes with lifetime DSE back on (see lifetime_dse_control_test.cpp).
#include "defect_probes.cpp"  // NOLINT: the same probes, compiled with other flags
