#!/bin/sh
# check-format.sh: every C file git knows is in the house format (.clang-format).
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
cd "$1"
status=0
for f in $(git ls-files '*.c' '*.h' 2>/dev/null || find src tests data -name '*.[ch]'); do
  clang-format --dry-run -Werror "$f" >/dev/null 2>&1 || { echo "not in the house format: $f"; status=1; }
done
exit $status
