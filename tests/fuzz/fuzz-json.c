/* fuzz-json.c — libFuzzer target: the import's JSON parser (kh-json.h)
 * against json-glib
 *
 * Promises held (tests/kh-test-json.h): what kh-json accepts, json-glib
 * reads as the same tree; what json-glib alone accepts, kh-json reads
 * the same once written as JSON; a refusal says where and why; and
 * nothing crashes, leaks or reads past the input, which is not
 * NUL-terminated here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "../kh-test-json.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);
const char *__lsan_default_suppressions (void);

/* json-glib 1.6 takes "[1] [2]" and leaks the second value: its leaks
 * are not ours (kh-json is never called from json-glib). */
const char *
__lsan_default_suppressions (void)
{
  return "leak:json_parser_load_from_data\n";
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *difference = kh_test_json_differential ((const char *)data, size);

  if (difference != NULL)
    {
      fprintf (stderr, "fuzz-json: %s\n", difference);
      abort ();
    }
  return 0;
}
