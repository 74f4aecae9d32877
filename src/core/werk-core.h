/* werk-core.h: everything of the core layer (model, storage, voting, exchange); no GTK.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "werk-enums.h"
#include "werk-enum-types.h"
#include "werk-error.h"
#include "werk-format.h"
#include "werk-record.h"
#include "werk-records.h"
#include "werk-store.h"
#include "werk-voting.h"
#include "werk-photo.h"
#include "werk-json.h"
#include "werk-sustainability.h"
