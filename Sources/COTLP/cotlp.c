// The generated *.pb-c.c files next to this one are the whole implementation; this file only
// keeps the umbrella header compiled on its own.
#include "cotlp.h"
