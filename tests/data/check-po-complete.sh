#!/bin/sh
# Checks that po/LANG.po translates every string in the files listed in
# po/POTFILES.in, with nothing fuzzy: the strings are extracted afresh (with
# the keywords of meson's 'glib' preset), merged with the .po file the way
# `ninja kehoach-update-po` would, and every untranslated or fuzzy entry is
# listed.
#
# Usage: check-po-complete.sh SOURCE_ROOT LANG

set -eu

srcroot=$1
lang=$2
po="$srcroot/po/$lang.po"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

cd "$srcroot"
xgettext --package-name=kehoach --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --files-from=po/POTFILES.in --directory=. --output="$tmp/kehoach.pot"

msgmerge --quiet --no-fuzzy-matching --output-file="$tmp/merged.po" "$po" "$tmp/kehoach.pot"

stats=$(LC_ALL=C msgfmt --statistics --output-file=/dev/null "$tmp/merged.po" 2>&1)
echo "po/$lang.po: $stats"
case "$stats" in
  *untranslated*|*fuzzy*)
    echo "Strings to translate or review in po/$lang.po:"
    msgattrib --untranslated --no-obsolete "$tmp/merged.po" | sed -n '/^#:/,$p'
    msgattrib --only-fuzzy --no-obsolete "$tmp/merged.po" | sed -n '/^#:/,$p'
    exit 1
    ;;
esac
