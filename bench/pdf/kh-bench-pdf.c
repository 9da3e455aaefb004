/* kh-bench-pdf.c — how long exporting the seed plan takes
 *
 *   kh-bench-pdf PLAN.txt OUTPUT.pdf [RUNS]
 *
 * Exports the plan RUNS times (default 100) into memory, then once to
 * OUTPUT.pdf, and prints the first export (which loads the fonts), the
 * median, the fastest and the slowest, and the file size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "kh-pdf-writer.h"
#include "kh-test-pdf.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KhDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *contents = NULL;
  gsize size = 0;
  double first = 0;
  guint runs;

  if (argc < 3)
    {
      g_printerr ("usage: %s PLAN.txt OUTPUT.pdf [RUNS]\n", argv[0]);
      return 2;
    }
  runs = argc > 3 ? (guint) atoi (argv[3]) : 100;
  doc = kh_test_load_document_from_file (argv[1]);

  for (guint i = 0; i <= runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GBytes) bytes = kh_pdf_render_document (doc, NULL, &error);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      if (bytes == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (i == 0)
        first = ms;
      else
        g_array_append_val (times, ms);
    }

  if (!kh_pdf_write_document (doc, NULL, argv[2], &error) ||
      !g_file_get_contents (argv[2], &contents, &size, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_array_sort (times, compare_doubles);
  g_print ("first_ms=%.2f\n", first);
  g_print ("median_ms=%.2f\n", g_array_index (times, double, times->len / 2));
  g_print ("min_ms=%.2f\n", g_array_index (times, double, 0));
  g_print ("max_ms=%.2f\n", g_array_index (times, double, times->len - 1));
  g_print ("runs=%u\n", runs);
  g_print ("bytes=%" G_GSIZE_FORMAT "\n", size);

  return 0;
}
