/* werk-error.c: the error domain of Werkstatt's expected failures.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "werk-error.h"

G_DEFINE_QUARK (werk - error - quark, werk_error)
