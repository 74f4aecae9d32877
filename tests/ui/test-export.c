/* test-export.c: the window's exports as a user gets them: files, progress, Cancel, errors.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ui-test-util.h"
#include "werk-sustainability-view.h"
#include "werk-window-private.h"

#define CONCEPTION       "w-konz"
#define CONCEPTION_TITLE "Strategiekonzeption: Ziele und Maßnahmen"
#define PROCESS_TITLE    "Digitalstrategie Kirchberg am Wald 2030"
#define MEASURE          "Medienscouts an den Schulen"
#define CAPTION          "Flipchart vom Tisch Mobilität: der Rufbus entlang der fünf Leitfragen."
#define PROGRESS_HEADING "Exporting the Photo Protocol"
#define PROTOCOL_FAILED  "The Photo Protocol Can’t Be Exported"
#define REPORT_CHOOSER   "Save the Sustainability Report"

static GThread *main_thread;

/* What the window's export hooks saw. The step hook runs on the exporting thread and can hold
 * it at one step, so that the test looks at the window while the export is surely running. */
typedef struct
{
  GMutex lock;
  GCond cond;
  guint pause_at; /* 0: never */
  gboolean paused;
  gboolean resumed;
  gboolean step_on_main; /* a step came on the main thread */
  guint last_done, last_total;
  gboolean finished;
  GError *error;
} Watch;

static void
step_hook (guint done, guint total, gpointer data)
{
  Watch *w = data;
  gint64 end = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;

  g_mutex_lock (&w->lock);
  w->step_on_main |= g_thread_self () == main_thread;
  w->last_done = done;
  w->last_total = total;
  if (w->pause_at != 0 && done == w->pause_at)
    {
      w->paused = TRUE;
      while (!w->resumed && g_cond_wait_until (&w->cond, &w->lock, end))
        ;
    }
  g_mutex_unlock (&w->lock);
}

static void
finished_hook (const char *path, const GError *error, gpointer data)
{
  Watch *w = data;

  g_assert_true (g_thread_self () == main_thread);
  g_mutex_lock (&w->lock);
  g_assert_false (w->finished);
  w->finished = TRUE;
  w->error = error ? g_error_copy (error) : NULL;
  g_mutex_unlock (&w->lock);
}

static void
watch_init (Watch *w, UiFixture *f, guint pause_at)
{
  WerkExportHooks hooks = { step_hook, finished_hook, w };

  memset (w, 0, sizeof *w);
  g_mutex_init (&w->lock);
  g_cond_init (&w->cond);
  w->pause_at = pause_at;
  _werk_window_set_export_hooks (f->window, &hooks);
}

static void
watch_clear (Watch *w)
{
  g_clear_error (&w->error);
  g_mutex_clear (&w->lock);
  g_cond_clear (&w->cond);
}

static gboolean
watch_get (Watch *w, const gboolean *flag)
{
  gboolean value;

  g_mutex_lock (&w->lock);
  value = *flag;
  g_mutex_unlock (&w->lock);
  return value;
}

static void
watch_resume (Watch *w)
{
  g_mutex_lock (&w->lock);
  w->resumed = TRUE;
  g_cond_broadcast (&w->cond);
  g_mutex_unlock (&w->lock);
}

/* Runs the main loop until @flag is set. */
static void
wait_for (Watch *w, const gboolean *flag)
{
  gint64 end = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;

  while (!watch_get (w, flag))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  ui_test_wait (20);
}

static void
wait_finished (Watch *w)
{
  wait_for (w, &w->finished);
}

static gboolean
count_cb (gpointer data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

/* The message dialog shown with this heading, or NULL. */
static AdwMessageDialog *
find_dialog (const char *heading)
{
  GList *toplevels = gtk_window_list_toplevels ();
  AdwMessageDialog *found = NULL;

  for (GList *l = toplevels; l && !found; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0)
      found = l->data;
  g_list_free (toplevels);
  return found;
}

/* Any message dialog on screen, as "heading: body", or NULL. */
static char *
any_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  char *text = NULL;

  for (GList *l = toplevels; l && !text; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      text = g_strdup_printf ("%s: %s", adw_message_dialog_get_heading (l->data),
                              adw_message_dialog_get_body (l->data));
  g_list_free (toplevels);
  return text;
}

static GtkWidget *
find_button (GtkWidget *root, const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);
      if (found)
        return found;
    }
  return NULL;
}

static char *
read_text (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static char *
without_space (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

/* The PDF's text, spaces and line breaks left out. */
static char *
pdf_text (const char *pdf)
{
  g_autofree char *tool = g_find_program_in_path ("pdftotext");
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  g_assert_nonnull (tool); /* poppler-utils */
  g_spawn_sync (NULL, (char *[]){ tool, "-enc", "UTF-8", (char *) pdf, "-", NULL }, NULL,
                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return without_space (out);
}

static void
assert_has (const char *squeezed, const char *needle)
{
  g_autofree char *n = without_space (needle);

  if (strstr (squeezed, n) == NULL)
    g_error ("“%s” is missing", needle);
}

/* Only the demo file (and its journal) and @expected are in the folder: no half-written file. */
static void
assert_folder_holds (UiFixture *f, const char *const *expected)
{
  g_autoptr (GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    if (!g_str_has_prefix (name, "Kirchberg.werkstatt") &&
        !(expected && g_strv_contains (expected, name)))
      g_error ("“%s” should not be in the folder", name);
}

/* A copy in the build folder, to look at. */
static void
keep_for_people (const char *path, const char *name)
{
  g_autofree char *kept = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_autoptr (GFile) from = g_file_new_for_path (path);
  g_autoptr (GFile) to = g_file_new_for_path (kept);
  g_autoptr (GError) error = NULL;

  g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("Saved %s", kept);
}

/* The protocol of the conception workshop: written on another thread while the window goes on,
 * with its progress shown, holding what was typed just before. */
static void
test_protocol (UiFixture *f, gconstpointer data)
{
  const char *challenge = "Im Ortsteil Au fehlt ein Treffpunkt für Jugendliche";
  WerkRecord *workshop = werk_store_lookup (f->store, CONCEPTION);
  g_autofree char *path = g_build_filename (f->dir, "Protokoll.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkProgressBar *bar;
  guint ticks = 0, ticks_at_pause, timer;
  gint64 end;
  Watch w;

  g_assert_true (WERK_IS_WORKSHOP (workshop));
  werk_store_add (f->store, WERK_KIND_CHALLENGE, NULL, &error, "text", challenge, "workshop",
                  CONCEPTION, NULL);
  g_assert_no_error (error);
  watch_init (&w, f, 1);
  timer = g_timeout_add (5, count_cb, &ticks);

  _werk_window_export_protocol_to (f->window, WERK_WORKSHOP (workshop), path);
  g_assert_false (watch_get (&w, &w.finished));
  dialog = find_dialog (PROGRESS_HEADING);
  g_assert_nonnull (dialog);
  bar = GTK_PROGRESS_BAR (adw_message_dialog_get_extra_child (dialog));

  /* While the export waits at its first photo, the main loop runs: timers fire, the bar moves. */
  wait_for (&w, &w.paused);
  ticks_at_pause = ticks;
  end = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  while (ticks < ticks_at_pause + 5 || gtk_progress_bar_get_fraction (bar) == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      ui_test_wait (5);
    }
  g_assert_false (watch_get (&w, &w.finished));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (find_dialog (PROGRESS_HEADING) == dialog);
  g_free (ui_test_save_png (GTK_WIDGET (dialog), "export-progress.png"));
  watch_resume (&w);
  wait_finished (&w);
  g_source_remove (timer);

  g_assert_no_error (w.error);
  g_assert_false (w.step_on_main);
  g_assert_cmpuint (w.last_done, ==, w.last_total);
  g_assert_null (find_dialog (PROGRESS_HEADING));
  g_assert_null (any_dialog ());
  text = pdf_text (path);
  assert_has (text, CONCEPTION_TITLE);
  assert_has (text, challenge);
  assert_has (text, MEASURE);
  assert_has (text, CAPTION);
  assert_folder_holds (f, (const char *[]){ "Protokoll.pdf", NULL });
  keep_for_people (path, "export-protocol.pdf");
  watch_clear (&w);
}

/* Cancel, pressed while the export is at its first photo: no file, no error. */
static void
test_protocol_cancel (UiFixture *f, gconstpointer data)
{
  WerkRecord *workshop = werk_store_lookup (f->store, CONCEPTION);
  g_autofree char *path = g_build_filename (f->dir, "Protokoll.pdf", NULL);
  AdwMessageDialog *dialog;
  GtkWidget *cancel;
  Watch w;

  watch_init (&w, f, 1);
  _werk_window_export_protocol_to (f->window, WERK_WORKSHOP (workshop), path);
  wait_for (&w, &w.paused);
  dialog = find_dialog (PROGRESS_HEADING);
  g_assert_nonnull (dialog);
  cancel = find_button (GTK_WIDGET (dialog), "_Cancel");
  g_assert_nonnull (cancel);
  g_signal_emit_by_name (cancel, "clicked");
  ui_test_wait (20);
  g_assert_null (find_dialog (PROGRESS_HEADING));
  watch_resume (&w);
  wait_finished (&w);

  g_assert_error (w.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (w.last_done, <, w.last_total);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_null (any_dialog ());
  assert_folder_holds (f, NULL);
  watch_clear (&w);
}

typedef enum
{
  PROTOCOL,
  FRAMEWORK_PDF,
  FRAMEWORK_ODT,
  FRAMEWORK_MD,
  MEASURES,
  JSON,
  JSON_EMBEDDED,
  COPY,
  SUSTAINABILITY,
  N_EXPORTS
} Export;

static const struct
{
  const char *name;
  const char *failed;
} exports[] = {
  [PROTOCOL] = { "Protokoll.pdf", PROTOCOL_FAILED },
  [FRAMEWORK_PDF] = { "Rahmen.pdf", "The Strategy Framework Can’t Be Exported" },
  [FRAMEWORK_ODT] = { "Rahmen.odt", "The Strategy Framework Can’t Be Exported" },
  [FRAMEWORK_MD] = { "Rahmen.md", "The Strategy Framework Can’t Be Exported" },
  [MEASURES] = { "Maßnahmen.csv", "The Measures Can’t Be Exported" },
  [JSON] = { "Kirchberg.json", "The JSON File Can’t Be Saved" },
  [JSON_EMBEDDED] = { "Kirchberg.json", "The JSON File Can’t Be Saved" },
  [COPY] = { "Kopie.werkstatt", "The Copy Can’t Be Saved" },
  [SUSTAINABILITY] = { "Nachhaltigkeit.pdf", "The Sustainability Report Can’t Be Exported" },
};

/* Starts @export to @path as the file chooser's answer would, and waits until it is over. */
static void
run_export (UiFixture *f, Export export, const char *path, Watch *w)
{
  watch_init (w, f, 0);
  switch (export)
    {
      case PROTOCOL:
        _werk_window_export_protocol_to (
            f->window, WERK_WORKSHOP (werk_store_lookup (f->store, CONCEPTION)), path);
        break;
      case FRAMEWORK_PDF:
      case FRAMEWORK_ODT:
      case FRAMEWORK_MD:
        _werk_window_export_framework_to (f->window, WERK_FRAMEWORK_PDF + export - FRAMEWORK_PDF,
                                          path);
        break;
      case MEASURES:
        _werk_window_export_measures_to (f->window, path);
        break;
      case JSON:
      case JSON_EMBEDDED:
        _werk_window_export_json_to (f->window, export == JSON_EMBEDDED, path);
        break;
      case COPY:
        _werk_window_save_copy_to (f->window, path);
        break;
      case SUSTAINABILITY:
        _werk_window_export_sustainability_to (f->window, path);
        break;
      default:
        g_assert_not_reached ();
    }
  wait_finished (w);
}

/* Every export into a folder that is not there: a dialog that says so, and nothing created. */
static void
test_missing_folder (UiFixture *f, gconstpointer data)
{
  g_autofree char *missing = g_build_filename (f->dir, "Ausgabe", NULL);

  for (Export e = 0; e < N_EXPORTS; e++)
    {
      g_autofree char *path = g_build_filename (missing, exports[e].name, NULL);
      AdwMessageDialog *dialog;
      Watch w;

      run_export (f, e, path, &w);
      g_assert_nonnull (w.error);
      dialog = find_dialog (exports[e].failed);
      g_assert_nonnull (dialog);
      g_test_message ("%s: %s", exports[e].name, adw_message_dialog_get_body (dialog));
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Ausgabe"));
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "does not exist"));
      gtk_window_destroy (GTK_WINDOW (dialog));
      g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
      assert_folder_holds (f, NULL);
      watch_clear (&w);
    }
}

static void
export_ok (UiFixture *f, Export export, const char *path)
{
  g_autofree char *dialog = NULL;
  Watch w;

  run_export (f, export, path, &w);
  g_assert_no_error (w.error);
  dialog = any_dialog ();
  g_assert_null (dialog);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  watch_clear (&w);
}

/* The strategy framework in each of its formats. */
static void
test_framework (UiFixture *f, gconstpointer data)
{
  g_autofree char *pdf = g_build_filename (f->dir, exports[FRAMEWORK_PDF].name, NULL);
  g_autofree char *odt = g_build_filename (f->dir, exports[FRAMEWORK_ODT].name, NULL);
  g_autofree char *md = g_build_filename (f->dir, exports[FRAMEWORK_MD].name, NULL);
  g_autofree char *text = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *zip = NULL;
  gsize size = 0;

  export_ok (f, FRAMEWORK_PDF, pdf);
  text = pdf_text (pdf);
  assert_has (text, PROCESS_TITLE);
  assert_has (text, MEASURE);

  export_ok (f, FRAMEWORK_ODT, odt);
  g_assert_true (g_file_get_contents (odt, &zip, &size, NULL));
  g_assert_cmpuint (size, >, 2000);
  g_assert_true (memcmp (zip, "PK", 2) == 0);

  export_ok (f, FRAMEWORK_MD, md);
  markdown = read_text (md);
  g_assert_nonnull (strstr (markdown, PROCESS_TITLE));
  g_assert_nonnull (strstr (markdown, MEASURE));
  assert_folder_holds (f, (const char *[]){ "Rahmen.pdf", "Rahmen.odt", "Rahmen.md", NULL });
}

/* The measures as CSV for the town's spreadsheets. */
static void
test_measures (UiFixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, exports[MEASURES].name, NULL);
  g_autofree char *csv = NULL;

  export_ok (f, MEASURES, path);
  csv = read_text (path);
  g_assert_nonnull (strstr (csv, "Bürger-App mit Mängelmelder"));
  g_assert_nonnull (strstr (csv, "Realschule am Schlossberg, Herr Schulze"));
}

/* The JSON file opens again as the same process with its photos, also after it was replaced
 * (the file chooser asked), with the photos beside it or inside. */
static void
assert_json_imports (UiFixture *f, const char *json)
{
  g_autofree char *back = g_build_filename (f->dir, "zurück.werkstatt", NULL);
  g_autoptr (WerkStore) store = NULL;
  g_autoptr (GError) error = NULL;
  WerkRecord *workshop;

  store = werk_json_import_file (json, back, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (werk_record_get_label (WERK_RECORD (werk_store_get_process (store))), ==,
                   PROCESS_TITLE);
  workshop = werk_store_lookup (store, CONCEPTION);
  g_assert_nonnull (workshop);
  g_assert_cmpuint (
      g_list_model_get_n_items (werk_store_get_list (f->store, WERK_KIND_PHOTO,
                                                     werk_store_lookup (f->store, CONCEPTION))),
      ==, g_list_model_get_n_items (werk_store_get_list (store, WERK_KIND_PHOTO, workshop)));
  werk_store_close (store);
  g_remove (back);
}

static void
test_json (UiFixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, exports[JSON].name, NULL);
  g_autofree char *photos = g_build_filename (f->dir, "Kirchberg.photos", NULL);
  g_autofree char *json = NULL;
  g_autofree char *embedded = NULL;

  export_ok (f, JSON, path);
  json = read_text (path);
  g_assert_nonnull (strstr (json, "Kirchberg am Wald"));
  g_assert_nonnull (strstr (json, "\"Kirchberg.photos/"));
  g_assert_true (g_file_test (photos, G_FILE_TEST_IS_DIR));
  assert_json_imports (f, path);

  export_ok (f, JSON, path);
  g_clear_pointer (&json, g_free);
  json = read_text (path);
  g_assert_nonnull (strstr (json, "\"Kirchberg.photos/"));
  assert_json_imports (f, path);
  assert_folder_holds (f, (const char *[]){ "Kirchberg.json", "Kirchberg.photos", NULL });

  export_ok (f, JSON_EMBEDDED, path);
  embedded = read_text (path);
  g_assert_null (strstr (embedded, ".photos/"));
  g_assert_nonnull (strstr (embedded, "\"/9j/")); /* a JPEG in base64 */
  assert_json_imports (f, path);
}

/* "Save a copy": a file that opens as the process; again over it after an edit; never over the
 * file that is open. */
static void
test_copy (UiFixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, exports[COPY].name, NULL);
  g_autoptr (WerkStore) copy = NULL;
  g_autoptr (GError) error = NULL;
  AdwMessageDialog *dialog;
  WerkRecord *measure;
  Watch w;

  export_ok (f, COPY, path);
  copy = werk_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (werk_record_get_label (WERK_RECORD (werk_store_get_process (copy))), ==,
                   PROCESS_TITLE);
  werk_store_close (copy);
  g_clear_object (&copy);

  measure =
      werk_store_add (f->store, WERK_KIND_MEASURE, NULL, &error, "title", "Dorfladen-App", NULL);
  g_assert_no_error (error);
  export_ok (f, COPY, path);
  copy = werk_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (werk_store_lookup (copy, werk_record_get_id (measure)));
  werk_store_close (copy);
  assert_folder_holds (
      f, (const char *[]){ "Kopie.werkstatt", "Kopie.werkstatt-wal", "Kopie.werkstatt-shm", NULL });

  run_export (f, COPY, f->path, &w);
  g_assert_error (w.error, WERK_ERROR, WERK_ERROR_EXISTS);
  dialog = find_dialog (exports[COPY].failed);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "the file that is open"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  watch_clear (&w);
  g_assert_nonnull (werk_store_lookup (f->store, werk_record_get_id (measure)));
}

/* The file chooser shown with this title, or NULL. */
static GtkWidget *
find_chooser (const char *title)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWidget *found = NULL;

  for (GList *l = toplevels; l && !found; l = l->next)
    if (GTK_IS_FILE_CHOOSER (l->data) && gtk_widget_get_visible (l->data) &&
        g_strcmp0 (gtk_window_get_title (l->data), title) == 0)
      found = l->data;
  g_list_free (toplevels);
  return found;
}

static GtkWidget *
find_action_button (GtkWidget *root, const char *action)
{
  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);
      if (found)
        return found;
    }
  return NULL;
}

static void
assert_qpdf_valid (const char *pdf)
{
  g_autofree char *tool = g_find_program_in_path ("qpdf");
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  g_assert_nonnull (tool); /* qpdf */
  g_spawn_sync (NULL, (char *[]){ tool, "--check", (char *) pdf, NULL }, NULL, 0, NULL, NULL, &out,
                NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "No syntax or stream encoding errors"));
}

/* The sustainability report as a user asks for it: the Report button on the check's page, the
 * file chooser in the folder of the file, then the window's export on its own thread, holding
 * a note typed just before. */
static void
test_sustainability (UiFixture *f, gconstpointer data)
{
  const char *note = "Der Rufbus fährt mit Strom aus der Bürgersolaranlage.";
  g_autofree char *path = g_build_filename (f->dir, exports[SUSTAINABILITY].name, NULL);
  g_autoptr (WerkRecord) criterion =
      g_list_model_get_item (werk_store_get_list (f->store, WERK_KIND_CRITERION, NULL), 0);
  WerkRecord *measure = ui_test_find_record (f->store, WERK_KIND_MEASURE, NULL, MEASURE);
  g_autoptr (GFile) folder = NULL;
  g_autofree char *folder_path = NULL;
  g_autofree char *offered = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *view, *button, *chooser, *save;
  Watch w;

  g_assert_nonnull (criterion);
  g_assert_nonnull (measure);
  g_assert_true (werk_sustainability_rate (WERK_MEASURE (measure), WERK_CRITERION (criterion), 1,
                                           FALSE, note, &error));
  g_assert_no_error (error);
  watch_init (&w, f, 0);

  werk_window_show_page (f->window, "sustainability");
  view = ui_test_find_type (GTK_WIDGET (f->window), WERK_TYPE_SUSTAINABILITY_VIEW);
  g_assert_nonnull (view);
  ui_test_wait (100);
  button = find_action_button (view, "sustainability.export-report");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  ui_test_wait (300);
  chooser = find_chooser (REPORT_CHOOSER);
  g_assert_nonnull (chooser);
  offered = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (offered, ==, PROCESS_TITLE " – sustainability check.pdf");
  folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
  g_assert_nonnull (folder);
  folder_path = g_file_get_path (folder);
  g_assert_cmpstr (folder_path, ==, f->dir);
  g_assert_false (watch_get (&w, &w.finished));

  /* A name without ".pdf": the export adds it. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "Nachhaltigkeit");
  save = find_button (chooser, "_Save");
  g_assert_nonnull (save);
  g_signal_emit_by_name (save, "clicked");
  wait_finished (&w);

  g_assert_no_error (w.error);
  g_assert_null (find_chooser (REPORT_CHOOSER));
  g_assert_null (any_dialog ());
  text = pdf_text (path);
  assert_has (text, "Sustainability check of the measures");
  assert_has (text, MEASURE);
  assert_has (text, werk_record_get_label (criterion));
  assert_has (text, note);
  assert_qpdf_valid (path);
  assert_folder_holds (f, (const char *[]){ exports[SUSTAINABILITY].name, NULL });
  keep_for_people (path, "export-sustainability.pdf");
  watch_clear (&w);
}

/* In German, a missing folder is said in German, and no file is made. */
static void
test_sustainability_german_error (UiFixture *f, gconstpointer data)
{
  g_autofree char *missing = g_build_filename (f->dir, "Ausgabe", NULL);
  g_autofree char *path = g_build_filename (missing, exports[SUSTAINABILITY].name, NULL);
  g_autofree char *expected = g_strdup_printf ("Den Ordner „%s“ gibt es nicht.", missing);
  AdwMessageDialog *dialog;
  Watch w;

  run_export (f, SUSTAINABILITY, path, &w);
  g_assert_error (w.error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  dialog = find_dialog ("Der Bericht zum Nachhaltigkeits-Check kann nicht exportiert werden");
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, expected);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_null (any_dialog ());
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  assert_folder_holds (f, NULL);
  watch_clear (&w);
}

/* The window closed by the window manager while the protocol is being written: no crash, the
 * progress dialog goes with it, and the folder holds a whole PDF or none. */
static void
test_close_during_export (UiFixture *f, gconstpointer data)
{
  WerkRecord *workshop = werk_store_lookup (f->store, CONCEPTION);
  g_autofree char *path = g_build_filename (f->dir, "Protokoll.pdf", NULL);
  Watch w;

  watch_init (&w, f, 1);
  _werk_window_export_protocol_to (f->window, WERK_WORKSHOP (workshop), path);
  wait_for (&w, &w.paused);
  g_assert_nonnull (find_dialog (PROGRESS_HEADING));
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  f->store = NULL;
  ui_test_wait (50);
  g_assert_null (any_dialog ());
  watch_resume (&w);
  wait_finished (&w);

  if (w.error)
    {
      g_assert_error (w.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      assert_folder_holds (f, NULL);
    }
  else
    {
      g_autofree char *text = pdf_text (path);
      assert_has (text, CONCEPTION_TITLE);
      assert_folder_holds (f, (const char *[]){ "Protokoll.pdf", NULL });
    }
  g_assert_null (any_dialog ());
  watch_clear (&w);
}

int
main (int argc, char **argv)
{
  main_thread = g_thread_self ();
  ui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, UiFixture, NULL, ui_fixture_set_up, func, ui_fixture_tear_down)
  ADD ("/export/protocol", test_protocol);
  ADD ("/export/protocol-cancel", test_protocol_cancel);
  ADD ("/export/missing-folder", test_missing_folder);
  ADD ("/export/framework", test_framework);
  ADD ("/export/measures", test_measures);
  ADD ("/export/json", test_json);
  ADD ("/export/copy", test_copy);
  ADD ("/export/sustainability", test_sustainability);
  ADD ("/export/close-during-export", test_close_during_export);
#undef ADD
  g_test_add ("/export/sustainability-german-error", UiFixture, NULL, ui_fixture_set_up_german,
              test_sustainability_german_error, ui_fixture_tear_down_german);

  return g_test_run ();
}
