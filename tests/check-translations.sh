#!/bin/sh
# check-translations.sh: po/de.po translates every string of the sources listed in POTFILES.in,
# and every source file with translatable strings is listed there.
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
top="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$top"
status=0
missing=$(grep -rlE '(^|[^a-zA-Z_])(N?_|ngettext|C_) ?\("' src | sort | while read -r f; do
  grep -qxF "$f" po/POTFILES.in || echo "$f"; done)
if [ -n "$missing" ]; then
  echo "Files with translatable strings missing from po/POTFILES.in:"; echo "$missing"; status=1
fi
grep -v '^#' po/POTFILES.in | grep -v '^$' > "$tmp/files"
xgettext --from-code=UTF-8 --add-comments=Translators --keyword=_ --keyword=N_ \
  --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --keyword=g_dpgettext2:2c,3 \
  -f "$tmp/files" -o "$tmp/werkstatt.pot" 2>"$tmp/xgettext.log" || { cat "$tmp/xgettext.log"; exit 1; }
msgmerge --quiet --no-fuzzy-matching po/de.po "$tmp/werkstatt.pot" -o "$tmp/de.po"
stats=$(msgfmt --statistics -o /dev/null "$tmp/de.po" 2>&1)
echo "de: $stats"
case "$stats" in
  *untranslated*|*fuzzy*)
    msgattrib --untranslated "$tmp/de.po" | grep '^msgid' | head -20
    status=1;;
esac
exit $status
