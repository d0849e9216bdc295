#include "cotlp.h"
