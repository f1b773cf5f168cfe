#ifndef LODESTAR_CREDLAND_SHIM_H
#define LODESTAR_CREDLAND_SHIM_H
#include <redland.h>
#include <raptor2.h>
#endif
