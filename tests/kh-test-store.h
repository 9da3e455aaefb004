/* kh-test-store.h — a database in a fresh temporary folder, for core tests
 *
 * Every core test needs the same thing: a new database file in a folder
 * of its own, and that folder gone afterwards, side files and all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gstdio.h>

#include "kh-store.h"

/* Opens "kehoach.db" in a new folder made from @prefix ("kh-thing"); the
 * folder is returned in @dir_out, to hand to kh_test_store_remove(). */
static inline KhStore *
kh_test_store_new (const char  *prefix,
                   char       **dir_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strconcat (prefix, "-XXXXXX", NULL);
  g_autofree char *dir = g_dir_make_tmp (template, &error);
  g_autofree char *path = NULL;
  KhStore *store;

  g_assert_no_error (error);
  path = g_build_filename (dir, "kehoach.db", NULL);
  store = kh_store_open (path, &error);
  g_assert_no_error (error);

  *dir_out = g_steal_pointer (&dir);
  return store;
}

/* Closes the store and removes its folder: the database, its -wal and
 * -shm files and the folder itself (which must hold nothing else). */
static inline void
kh_test_store_remove (KhStore **store,
                      char    **dir)
{
  static const char *suffixes[] = { "", "-wal", "-shm" };
  g_autofree char *path = g_build_filename (*dir, "kehoach.db", NULL);

  g_clear_object (store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_remove (file);
    }
  g_assert_cmpint (g_rmdir (*dir), ==, 0);
  g_clear_pointer (dir, g_free);
}
