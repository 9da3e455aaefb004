/* test-agency.c — the agency, signers, recipients and departments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kh-agency.h"
#include "kh-department.h"

#include "kh-test-store.h"

static void
test_agency_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhAgency) agency = kh_agency_new ();
  g_autoptr(KhAgency) loaded = NULL;
  char *dir;
  KhStore *store = kh_test_store_new ("kh-agency", &dir);

  loaded = kh_store_load_agency (store, &error);
  g_assert_no_error (error);
  g_assert_false (kh_agency_is_set_up (loaded));
  g_clear_pointer (&loaded, kh_agency_free);

  g_free (agency->name);
  agency->name = g_strdup ("  ỦY BAN NHÂN DÂN PHƯỜNG PHỔ MINH ");
  g_free (agency->parent_name);
  agency->parent_name = g_strdup ("UBND THỊ XÃ ĐỨC PHỔ");
  g_free (agency->abbreviation);
  agency->abbreviation = g_strdup ("UBND");
  g_free (agency->place);
  agency->place = g_strdup ("Phổ Minh");
  agency->period_cutoff_day = 15;
  g_assert_true (kh_store_save_agency (store, agency, &error));
  g_assert_no_error (error);

  loaded = kh_store_load_agency (store, &error);
  g_assert_cmpstr (loaded->name, ==, "ỦY BAN NHÂN DÂN PHƯỜNG PHỔ MINH");
  g_assert_cmpstr (loaded->parent_name, ==, "UBND THỊ XÃ ĐỨC PHỔ");
  g_assert_cmpstr (loaded->place, ==, "Phổ Minh");
  g_assert_cmpint (loaded->period_cutoff_day, ==, 15);
  g_assert_true (kh_agency_is_set_up (loaded));

  /* An empty name and an impossible cut-off are refused. */
  g_free (agency->name);
  agency->name = g_strdup (" ");
  g_assert_false (kh_store_save_agency (store, agency, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (agency->name);
  agency->name = g_strdup ("UBND");
  agency->period_cutoff_day = 31;
  g_assert_false (kh_store_save_agency (store, agency, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);

  kh_test_store_remove (&store, &dir);
}

static void
test_signers (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) signers = NULL;
  char *dir;
  KhStore *store = kh_test_store_new ("kh-agency", &dir);
  gint64 chairman, deputy;

  chairman = kh_store_add_signer (store, "Lê Duy Bảo", "Chủ tịch", &error);
  g_assert_no_error (error);
  deputy = kh_store_add_signer (store, "Nguyễn Tấn Phát", "Phó Chủ tịch", &error);
  g_assert_no_error (error);
  g_assert_cmpint (kh_store_add_signer (store, "", "Chủ tịch", &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (kh_store_update_signer (store, deputy, "Nguyễn Tấn Phát", "Phó Chủ tịch UBND", &error));
  g_assert_true (kh_store_set_signer_archived (store, chairman, TRUE, &error));

  signers = kh_store_list_signers (store, FALSE, &error);
  g_assert_cmpuint (signers->len, ==, 1);
  g_assert_cmpstr (((KhSigner *)signers->pdata[0])->title, ==, "Phó Chủ tịch UBND");
  g_clear_pointer (&signers, g_ptr_array_unref);
  signers = kh_store_list_signers (store, TRUE, &error);
  g_assert_cmpuint (signers->len, ==, 2);

  kh_test_store_remove (&store, &dir);
}

static void
test_recipients (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) loaded = NULL;
  const char * const recipients[] = { "UBND thị xã", " ", "Phòng VH-TT thị xã", "Lưu: VT", NULL };
  char *dir;
  KhStore *store = kh_test_store_new ("kh-agency", &dir);

  g_assert_true (kh_store_set_default_recipients (store, recipients, &error));
  g_assert_no_error (error);
  loaded = kh_store_list_default_recipients (store, &error);
  g_assert_cmpuint (g_strv_length (loaded), ==, 3);
  g_assert_cmpstr (loaded[0], ==, "UBND thị xã");
  g_assert_cmpstr (loaded[2], ==, "Lưu: VT");

  kh_test_store_remove (&store, &dir);
}

static void
test_departments (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) departments = NULL;
  static const char * const names[] = {
    "Văn phòng – Thống kê", "Văn hóa – Xã hội", "Tư pháp – Hộ tịch", "Đài truyền thanh",
  };
  gint64 ids[G_N_ELEMENTS (names)];
  char *dir;
  KhStore *store = kh_test_store_new ("kh-agency", &dir);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      ids[i] = kh_store_add_department (store, names[i], "", &error);
      g_assert_no_error (error);
    }

  g_assert_cmpint (kh_store_add_department (store, "đài TRUYỀN thanh", "", &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (kh_store_add_department (store, "   ", "", &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (kh_store_rename_department (store, ids[3], "Đài truyền thanh phường", &error));
  g_assert_true (kh_store_move_department (store, ids[3], 1, &error));
  g_assert_true (kh_store_set_department_archived (store, ids[2], TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (kh_store_rename_department (store, 9999, "X", &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  departments = kh_store_list_departments (store, FALSE, &error);
  g_assert_cmpuint (departments->len, ==, 3);
  g_assert_cmpstr (kh_department_get_name (departments->pdata[0]), ==, "Văn phòng – Thống kê");
  g_assert_cmpstr (kh_department_get_name (departments->pdata[1]), ==, "Đài truyền thanh phường");
  g_assert_cmpstr (kh_department_get_name (departments->pdata[2]), ==, "Văn hóa – Xã hội");
  g_clear_pointer (&departments, g_ptr_array_unref);

  /* Archived ones come last, and keep their name for history. */
  departments = kh_store_list_departments (store, TRUE, &error);
  g_assert_cmpuint (departments->len, ==, 4);
  g_assert_cmpstr (kh_department_get_name (departments->pdata[3]), ==, "Tư pháp – Hộ tịch");
  g_assert_true (kh_department_get_archived (departments->pdata[3]));

  kh_test_store_remove (&store, &dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/agency/round-trip", test_agency_round_trip);
  g_test_add_func ("/agency/signers", test_signers);
  g_test_add_func ("/agency/recipients", test_recipients);
  g_test_add_func ("/agency/departments", test_departments);

  return g_test_run ();
}
